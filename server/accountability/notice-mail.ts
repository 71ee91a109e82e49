import { ESCALATION_LEVELS } from '../../shared/domain/accountability';
import { levelName, type EscalationLadder } from '../../shared/kpi/escalation';
import { parsePeriod } from '../../shared/kpi/periods';
import type { Language, NoticeUnit } from '../../shared/schemas/accountability';
import type { NoticeKind } from '../../shared/domain/accountability';
import { isMeasureId } from '../../shared/domain/accountability';
import { count, fill, fixed } from '../reports/labels';
import { NOTICE_LABELS, plural } from './notice-labels';
import { subjectLabel, type NamedIndicator } from '../reports/subject-label';
import type { IndicatorUnit } from '../../shared/domain/indicator';

export interface NoticeMail {
  subject: string;
  text: string;
  html: string;
}

export interface NoticeMailInput {
  kind: NoticeKind;
  period: string;
  units: readonly NoticeUnit[];
  language: Language;
  recipientName: string;
  /** The dashboard's address, without a trailing slash. */
  publicUrl: string;
  /** The ladder the period was judged with: it names the levels. */
  ladder: EscalationLadder;
  /** The indicator catalogue: a programme KPI below its target is named and its figure written in its unit. */
  indicators?: readonly (NamedIndicator & { unit: IndicatorUnit })[];
}

/** What a mail says, once: rendered as plain text and as HTML from the same blocks. */
type Block =
  | { kind: 'p'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: { text: string; url?: string }[] }
  | { kind: 'link'; text: string; url: string }
  | { kind: 'footer'; text: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const a = (url: string, text: string) => `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;

function asText(blocks: readonly Block[]): string {
  const lines = blocks.flatMap((b) => {
    if (b.kind === 'list') return [...b.items.map((i) => (i.url ? `- ${i.text}\n  ${i.url}` : `- ${i.text}`)), ''];
    if (b.kind === 'link') return [b.text, b.url, ''];
    if (b.kind === 'heading') return [b.text];
    return [b.text, ''];
  });
  return `${lines.join('\n')}`;
}

function asHtml(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      if (b.kind === 'list') return `<ul>${b.items.map((i) => `<li>${i.url ? a(i.url, i.text) : escapeHtml(i.text)}</li>`).join('')}</ul>`;
      if (b.kind === 'link') return `<p>${escapeHtml(b.text)} ${a(b.url, b.url)}</p>`;
      if (b.kind === 'heading') return `<h3>${escapeHtml(b.text)}</h3>`;
      if (b.kind === 'footer') return `<p style="color:#5b6470">${escapeHtml(b.text)}</p>`;
      return `<p>${escapeHtml(b.text)}</p>`;
    })
    .join('\n');
}

type Catalogue = NonNullable<NoticeMailInput['indicators']>;

/** A figure as the dashboard writes it: a measure's rate in %, a programme KPI in its catalogue unit. */
function measureValue(measure: string, value: number | null, lang: Language, indicators: Catalogue): string {
  const unit = isMeasureId(measure) ? null : (indicators.find((i) => i.code === measure)?.unit ?? 'points');
  if (value === null) return '—';
  if (measure === 'overdueOpen' || (unit === 'count' && Number.isInteger(value))) return count(value, lang);
  if (measure === 'avgProcessingDays' || unit === 'days') return `${fixed(value, lang)} ${NOTICE_LABELS[lang].days}`;
  return unit === null || unit === 'percent' ? `${fixed(value, lang)} %` : fixed(value, lang);
}

/** A notice as an e-mail in the recipient's language: plain text, and the same as simple HTML. */
export function renderNoticeMail(input: NoticeMailInput): NoticeMail {
  const { language: lang, period, publicUrl } = input;
  const indicators = input.indicators ?? [];
  const W = NOTICE_LABELS[lang];
  const parsed = parsePeriod(period);
  const periodWord = parsed.ok && parsed.period.kind === 'week' ? W.week : W.period;
  const periods = (n: number) => plural(n, periodWord, lang);
  const unitUrl = (code: string) => `${publicUrl}/units/${encodeURIComponent(code)}?period=${encodeURIComponent(period)}`;
  const level = (l: NoticeUnit['level'] | null) => (l === null ? W.none : levelName(l, lang, input.ladder));
  const dear: Block = { kind: 'p', text: fill(W.dear, { name: input.recipientName }) };
  const footer: Block = { kind: 'footer', text: fill(W.footer, { periodWord }) };
  const mail = (subject: string, blocks: Block[]): NoticeMail => ({ subject, text: `${asText(blocks).trimEnd()}\n`, html: asHtml(blocks) });

  if (input.kind === 'escalation') {
    const u = input.units[0] as NoticeUnit;
    const lines = u.measures.map((m) => ({
      text: fill(W.line, { measure: subjectLabel(lang, m.measure, indicators), value: measureValue(m.measure, m.value, lang, indicators), target: measureValue(m.measure, m.target, lang, indicators), n: m.periodsBelow, periods: periods(m.periodsBelow) }),
    }));
    return mail(fill(W.subject, { unit: u.unitName, level: level(u.level), periodWord, period }), [
      dear,
      { kind: 'p', text: fill(W.entered, { unit: u.unitName, n: u.periodsBelow, periods: periods(u.periodsBelow), periodWord, period, level: level(u.level), previous: level(u.previousLevel) }) },
      { kind: 'heading', text: W.failed },
      { kind: 'list', items: lines },
      { kind: 'link', text: W.open, url: unitUrl(u.unitCode) },
      footer,
    ]);
  }

  const units = `${input.units.length} ${plural(input.units.length, W.unit, lang)}`;
  const sections = [...ESCALATION_LEVELS].reverse().flatMap((l): Block[] => {
    const atLevel = input.units.filter((u) => u.level === l);
    if (atLevel.length === 0) return [];
    const items = atLevel.map((u) => ({
      text: fill(W.digestLine, { unit: u.unitName, n: u.periodsBelow, periods: periods(u.periodsBelow), measures: u.measures.map((m) => subjectLabel(lang, m.measure, indicators)).join(', ') }),
      url: unitUrl(u.unitCode),
    }));
    return [{ kind: 'heading', text: `${level(l)} (${atLevel.length})` }, { kind: 'list', items }];
  });
  const Period = periodWord.charAt(0).toUpperCase() + periodWord.slice(1);
  return mail(fill(W.digestSubject, { Period, period, units }), [
    dear,
    { kind: 'p', text: fill(W.digest, { periodWord, period, units }) },
    ...sections,
    { kind: 'link', text: W.list, url: `${publicUrl}/flags?period=${encodeURIComponent(period)}` },
    footer,
  ]);
}
