import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { GROUPS, kindsOfGroup } from '../../shared/domain/unit';
import { ESCALATION_LEVELS } from '../../shared/domain/accountability';
import { flagFilterOf, filterFlags } from '../../shared/kpi/flag-view';
import { rankingViewOf, SORT_KEYS, viewRows } from '../../shared/kpi/ranking-view';
import { cutOff, mustParsePeriod } from '../../shared/kpi/periods';
import { PeriodIdSchema } from '../../shared/schemas/period';
import { IndexIdSchema } from '../../shared/schemas/index-definition';
import type { AnalyticsDeps } from '../analytics/deps';
import { flagList } from '../analytics/flags';
import { ranking } from '../analytics/ranking';
import { cachedIndicators, definitionOrThrow } from '../analytics/definitions';
import { attachment } from '../content-disposition';
import { UserError } from '../errors';
import { refuseDownload, refuseUserError } from '../download-refusal';
import { msg, type Message } from '../../shared/messages/catalogue';
import { zodErrorMessage } from '../../shared/messages/zod';
import { CONTENT_TYPES } from '../reports/reports-service';
import { renderFlagView, renderRankingView } from './view-xlsx';

export const EXPORTS_PREFIX = '/api/exports/';
const RANKINGS_PATH = '/api/exports/rankings.xlsx';
const FLAGS_PATH = '/api/exports/flags.xlsx';

/** Parameters every view shares: the period and index in the URL, and the language of the headers. */
const CommonSchema = z.object({ period: PeriodIdSchema, index: IndexIdSchema.optional(), lang: z.enum(['vi', 'en']).default('vi') });

/**
 * A filter value the page would never send is refused with its name and the allowed values, rather than silently
 * exporting another view than the one asked for.
 */
function unknownValue(params: URLSearchParams, allowed: Record<string, readonly string[]>): Refusal | null {
  for (const [name, values] of Object.entries(allowed)) {
    const v = params.get(name);
    if (v !== null && v !== '' && !values.includes(v)) return { message: msg('value.notOneOf', { values: values.join(', ') }), field: name };
  }
  return null;
}

/** Why an export is refused: a message of the catalogue, and the link parameter it is about. */
interface Refusal {
  message: Message;
  field: string | null;
}

function invalid(error: z.ZodError, params: URLSearchParams): Refusal {
  const { message, field } = zodErrorMessage(error);
  // A period not written as one: say how periods are written, rather than only that its format is wrong.
  if (field === 'period') return { message: msg('period.notPeriod', { text: (params.get('period') ?? '').slice(0, 40) }), field: null };
  return { message, field };
}

function common(params: URLSearchParams) {
  return CommonSchema.safeParse({ period: params.get('period') ?? '', index: params.get('index') || undefined, lang: params.get('lang') || undefined });
}

const fileName = (kind: string, period: string, group: string | null) => `chiso-${kind}-${period.replace(/\.\./g, '_')}${group ? `-${group}` : ''}.xlsx`;

async function rankingsXlsx(deps: AnalyticsDeps, params: URLSearchParams): Promise<{ name: string; body: Buffer } | Refusal> {
  const base = common(params);
  if (!base.success) return invalid(base.error, params);
  const group = params.get('group') || 'commune';
  const bad = unknownValue(params, { group: GROUPS, sort: SORT_KEYS, dir: ['asc', 'desc'], state: ['below', 'at-risk', 'met'] })
    ?? unknownValue(params, { kind: kindsOfGroup(group === 'department' ? 'department' : 'commune') });
  if (bad) return bad;
  const query = params.get('q') ?? '';
  if (query.length > 100) return { message: msg('value.tooLong', { max: 100 }), field: 'q' };
  const view = rankingViewOf(params);
  const { period, index, lang } = base.data;
  const [out, definition, indicators] = await Promise.all([ranking(deps, { period, group: view.group, index }), definitionOrThrow(deps, index), cachedIndicators(deps)]);
  const p = mustParsePeriod(out.period);
  const asOf = Date.parse(out.asOf);
  const info = { id: p.id, kind: p.kind, startDate: p.startDate, endDate: p.endDate, cutOff: new Date(cutOff(p, asOf)).toISOString(), complete: asOf >= p.end };
  const rows = viewRows(out.rows, view);
  const body = await renderRankingView({ period: info, definition: { ...definition, nameEn: definition.nameEn ?? null }, total: out.rows.length }, rows, view, lang, new Date(deps.now()).toISOString(), indicators);
  return { name: fileName('ranking', out.period, view.group), body };
}

async function flagsXlsx(deps: AnalyticsDeps, params: URLSearchParams): Promise<{ name: string; body: Buffer } | Refusal> {
  const base = common(params);
  if (!base.success) return invalid(base.error, params);
  const bad = unknownValue(params, { group: GROUPS, level: ESCALATION_LEVELS });
  if (bad) return bad;
  const measure = params.get('measure');
  if (measure && !/^[A-Za-z0-9_.-]{1,100}$/.test(measure)) return { message: msg('value.badFormat'), field: 'measure' };
  const filter = flagFilterOf(params);
  const { period, index, lang } = base.data;
  const [list, indicators] = await Promise.all([flagList(deps, { period, index }), cachedIndicators(deps)]);
  const body = await renderFlagView(list, filterFlags(list.rows, filter), filter, lang, new Date(deps.now()).toISOString(), indicators);
  return { name: fileName('flags', list.period.id, filter.group), body };
}

/**
 * `GET /api/exports/rankings.xlsx?period&group&index&q&kind&state&sort&dir&lang` and
 * `GET /api/exports/flags.xlsx?period&index&group&measure&level&lang`: what the page shows, as a workbook. Anyone
 * signed in may export what the page shows them (the pages and their procedures are open to every role).
 */
export async function serveViewExport(deps: AnalyticsDeps, req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
  const parsed = new URL(url, 'http://localhost');
  const make = parsed.pathname === RANKINGS_PATH ? rankingsXlsx : parsed.pathname === FLAGS_PATH ? flagsXlsx : null;
  if (!make) return refuseDownload(req, res, 404, msg('export.unknown'));
  try {
    const out = await make(deps, parsed.searchParams);
    if ('message' in out) return refuseDownload(req, res, 400, out.message, out.field);
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES.xlsx, 'Content-Disposition': attachment(out.name), 'Content-Length': out.body.length });
    res.end(out.body);
  } catch (error) {
    if (error instanceof UserError) return refuseUserError(req, res, error);
    throw error;
  }
}
