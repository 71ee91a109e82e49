import { ESCALATION_LEVELS } from '../../shared/domain/accountability';
import { levelName } from '../../shared/kpi/escalation';
import { parsePeriod } from '../../shared/kpi/periods';
import type { Language, NoticeUnit } from '../../shared/schemas/accountability';
import type { NoticeKind } from '../../shared/domain/accountability';
import { isMeasureId } from '../../shared/domain/accountability';
import { count, fill, fixed, LABELS } from '../reports/labels';

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
}

const WORDS = {
  vi: {
    dear: 'Kính gửi {name},', week: 'tuần', period: 'kỳ', none: 'không có',
    entered: '{unit} đã dưới chỉ tiêu {n} {periods} liên tiếp tính đến {periodWord} {period} và chuyển lên mức "{level}" (trước đó: {previous}).',
    failed: 'Chỉ tiêu chưa đạt:', line: '{measure}: {value} (chỉ tiêu {target}), {n} {periods} liên tiếp',
    open: 'Xem trang đơn vị và gửi giải trình, cam kết khắc phục:', footer: 'Thư này do chiso gửi tự động sau khi tổng hợp số liệu {periodWord}.',
    subject: '[chiso] {unit}: {level} ({periodWord} {period})', digestSubject: '[chiso] {Period} {period}: {units} chuyển mức cảnh báo', unit: 'đơn vị',
    digest: 'Sau khi tổng hợp số liệu {periodWord} {period}, {units} chuyển lên mức cảnh báo mới:', digestLine: '{unit}: {n} {periods} liên tiếp dưới chỉ tiêu ({measures})',
    list: 'Danh sách đơn vị dưới chỉ tiêu:', days: 'ngày',
  },
  en: {
    dear: 'Dear {name},', week: 'week', period: 'period', none: 'none',
    entered: '{unit} has been below target for {n} consecutive {periods} up to {periodWord} {period} and has moved up to "{level}" (before: {previous}).',
    failed: 'Targets missed:', line: '{measure}: {value} (target {target}), {n} {periods} in a row',
    open: "Open the unit's page to send an explanation and a corrective commitment:", footer: "chiso sends this message automatically once each {periodWord}'s figures are computed.",
    subject: '[chiso] {unit}: {level} ({periodWord} {period})', digestSubject: '[chiso] {Period} {period}: {units} moved up the escalation ladder', unit: 'unit',
    digest: 'After the figures of {periodWord} {period}, {units} moved up to a new escalation level:', digestLine: '{unit}: below target for {n} {periods} in a row ({measures})',
    list: 'The units below target:', days: 'days',
  },
} as const;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function measureLabel(measure: string, lang: Language): string {
  return isMeasureId(measure) ? LABELS[lang].measures[measure] : measure;
}

function measureValue(measure: string, value: number | null, lang: Language): string {
  if (measure === 'overdueOpen') return value === null ? '—' : count(value, lang);
  if (measure === 'avgProcessingDays') return `${fixed(value, lang)} ${WORDS[lang].days}`;
  return value === null ? '—' : `${fixed(value, lang)} %`;
}

function plural(n: number, word: string, lang: Language): string {
  return lang === 'en' && n !== 1 ? `${word}s` : word;
}

/** A notice as an e-mail in the recipient's language: plain text, and the same as simple HTML. */
export function renderNoticeMail(input: NoticeMailInput): NoticeMail {
  const { language: lang, period, publicUrl } = input;
  const W = WORDS[lang];
  const parsed = parsePeriod(period);
  const periodWord = parsed.ok && parsed.period.kind === 'week' ? W.week : W.period;
  const unitUrl = (code: string) => `${publicUrl}/units/${encodeURIComponent(code)}?period=${encodeURIComponent(period)}`;
  const level = (l: NoticeUnit['level'] | null) => (l === null ? W.none : levelName(l, lang));
  const dear = fill(W.dear, { name: input.recipientName });
  const footer = fill(W.footer, { periodWord });

  if (input.kind === 'escalation') {
    const u = input.units[0] as NoticeUnit;
    const subject = fill(W.subject, { unit: u.unitName, level: level(u.level), periodWord, period });
    const intro = fill(W.entered, { unit: u.unitName, n: u.periodsBelow, periods: plural(u.periodsBelow, periodWord, lang), periodWord, period, level: level(u.level), previous: level(u.previousLevel) });
    const lines = u.measures.map((m) =>
      fill(W.line, { measure: measureLabel(m.measure, lang), value: measureValue(m.measure, m.value, lang), target: measureValue(m.measure, m.target, lang), n: m.periodsBelow, periods: plural(m.periodsBelow, periodWord, lang) }),
    );
    const url = unitUrl(u.unitCode);
    const text = [dear, '', intro, '', W.failed, ...lines.map((l) => `- ${l}`), '', W.open, url, '', footer, ''].join('\n');
    const html = [
      `<p>${escapeHtml(dear)}</p>`, `<p>${escapeHtml(intro)}</p>`, `<p>${escapeHtml(W.failed)}</p>`,
      `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
      `<p>${escapeHtml(W.open)} <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`, `<p style="color:#5b6470">${escapeHtml(footer)}</p>`,
    ].join('\n');
    return { subject, text, html };
  }

  const n = input.units.length;
  const Period = periodWord.charAt(0).toUpperCase() + periodWord.slice(1);
  const units = `${n} ${plural(n, W.unit, lang)}`;
  const subject = fill(W.digestSubject, { Period, period, units });
  const intro = fill(W.digest, { periodWord, period, units });
  const sections = [...ESCALATION_LEVELS].reverse().flatMap((l) => {
    const atLevel = input.units.filter((u) => u.level === l);
    if (atLevel.length === 0) return [];
    const items = atLevel.map((u) => ({
      line: fill(W.digestLine, { unit: u.unitName, n: u.periodsBelow, periods: plural(u.periodsBelow, periodWord, lang), measures: u.measures.map((m) => measureLabel(m.measure, lang)).join(', ') }),
      url: unitUrl(u.unitCode),
    }));
    return [{ title: `${levelName(l, lang)} (${atLevel.length})`, items }];
  });
  const listUrl = `${publicUrl}/flags?period=${encodeURIComponent(period)}`;
  const text = [dear, '', intro, '', ...sections.flatMap((s) => [s.title, ...s.items.map((i) => `- ${i.line}\n  ${i.url}`), '']), W.list, listUrl, '', footer, ''].join('\n');
  const html = [
    `<p>${escapeHtml(dear)}</p>`, `<p>${escapeHtml(intro)}</p>`,
    ...sections.map((s) => `<h3>${escapeHtml(s.title)}</h3>\n<ul>${s.items.map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.line)}</a></li>`).join('')}</ul>`),
    `<p>${escapeHtml(W.list)} <a href="${escapeHtml(listUrl)}">${escapeHtml(listUrl)}</a></p>`, `<p style="color:#5b6470">${escapeHtml(footer)}</p>`,
  ].join('\n');
  return { subject, text, html };
}
