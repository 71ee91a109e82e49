import { MEASURES, isMeasure, isRateMeasure } from '../../shared/schemas/measure';
import type { Indicator } from '../../shared/domain/indicator';
import { TargetSchema, type Target } from '../../shared/schemas/target';
import { UNIT_CODE_MAX, UNIT_KINDS, type UnitKind } from '../../shared/schemas/unit';
import { formatCivilDate } from '../../shared/kpi/vn-time';
import type { ColumnSpec } from './columns';
import { foldKey } from '../../shared/format/fold';
import type { RowAccess } from './scan';
import { msg, type Message } from '../../shared/messages/catalogue';
import { zodIssueMessage } from '../../shared/messages/zod';
import { parseDateTime, parseNumber } from './values';

export type TargetField = 'measure' | 'kind' | 'unit_code' | 'threshold' | 'effective_from' | 'deadline';

export const TARGET_COLUMNS: readonly ColumnSpec<TargetField>[] = [
  { field: 'measure', required: true, text: 'code', aliases: ['measure', 'chitieu', 'chiso'] },
  { field: 'kind', aliases: ['kind', 'loai', 'loaidonvi'] },
  { field: 'unit_code', text: 'code', maxLength: UNIT_CODE_MAX, aliases: ['unitcode', 'madonvi'] },
  { field: 'threshold', required: true, aliases: ['threshold', 'nguong', 'muctieu'] },
  { field: 'effective_from', required: true, aliases: ['effectivefrom', 'hieuluctu', 'tungay'] },
  { field: 'deadline', aliases: ['deadline', 'hanhoanthanh', 'thoihan'] },
];

const COLUMN_OF: Record<keyof Target, TargetField> = {
  measure: 'measure', kind: 'kind', unitCode: 'unit_code', threshold: 'threshold', effectiveFrom: 'effective_from', deadline: 'deadline',
};

const MEASURE_BY_KEY = new Map(MEASURES.map((m) => [foldKey(m), m] as const));
const KIND_BY_KEY = new Map(UNIT_KINDS.map((k) => [foldKey(k), k] as const));

/** A target names a measure (`onlineRate` …) or an indicator code of the catalogue (SPEC §6), whose unit says whether it is a percentage. */
export function targetFromRow(row: RowAccess<TargetField>, unitCodes: ReadonlySet<string>, seen: Map<string, number>, indicators: ReadonlyMap<string, Indicator> = new Map()): Target | null {
  let bad = false;
  const problem = (field: TargetField, reason: Message) => {
    bad = true;
    row.issue(field, reason);
  };
  const text = (field: TargetField) => row.text(field)?.trim() ?? '';
  const measure: string | undefined = MEASURE_BY_KEY.get(foldKey(text('measure'))) ?? indicators.get(text('measure').toUpperCase())?.code;
  const percent = measure !== undefined && (isMeasure(measure) ? isRateMeasure(measure) : indicators.get(measure)?.unit === 'percent');
  if (!measure) problem('measure', msg('import.target.badMeasure', { measures: MEASURES.join(', ') }));
  const kindText = text('kind');
  const unitCode = text('unit_code') || null;
  const kind: UnitKind | null = kindText ? (KIND_BY_KEY.get(foldKey(kindText)) ?? null) : null;
  if (kindText && !kind) problem('kind', msg('import.target.badKind'));
  if (kindText && unitCode) problem('unit_code', msg('import.target.kindAndUnit'));
  if (!kindText && !unitCode) problem('kind', msg('import.target.noScope'));
  if (unitCode && !unitCodes.has(unitCode)) problem('unit_code', msg('import.cell.unknownUnit'));
  const threshold = parseNumber(text('threshold'));
  if (!threshold.ok) problem('threshold', threshold.reason);
  else if (percent && threshold.value > 100) problem('threshold', msg('import.target.rateOver100'));
  const date = (field: TargetField): string | null => {
    const cell = row.cell(field);
    if (cell === undefined || cell === '') return null;
    const parsed = parseDateTime(cell);
    if (!parsed.ok || !parsed.value.dateOnly) {
      problem(field, parsed.ok ? msg('import.date.withTime') : parsed.reason);
      return null;
    }
    return formatCivilDate(parsed.value.date);
  };
  const effectiveFrom = date('effective_from');
  if (!effectiveFrom && text('effective_from') === '') problem('effective_from', msg('import.target.noStart'));
  const deadline = date('deadline');
  if (effectiveFrom && deadline && deadline < effectiveFrom) problem('deadline', msg('import.target.deadlineBeforeStart'));
  if (measure && effectiveFrom) {
    const key = `${measure}|${kind ?? ''}|${unitCode ?? ''}|${effectiveFrom}`;
    if (seen.has(key)) problem('effective_from', msg('import.target.repeated', { line: seen.get(key) ?? 0 }));
    else seen.set(key, row.line);
  }
  if (bad || !measure || !threshold.ok || !effectiveFrom) return null;
  // The schema targets.list answers with has the last word: a row it would refuse must not be stored.
  const target = TargetSchema.safeParse({ measure, kind, unitCode, threshold: threshold.value, effectiveFrom, deadline });
  for (const issue of target.error?.issues ?? []) row.issue(COLUMN_OF[issue.path[0] as keyof Target] ?? 'measure', zodIssueMessage(issue));
  return target.success ? target.data : null;
}
