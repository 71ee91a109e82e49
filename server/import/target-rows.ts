import { MEASURES, isRateMeasure, type Measure } from '../../shared/schemas/measure';
import { TargetSchema, type Target } from '../../shared/schemas/target';
import { UNIT_CODE_MAX, UNIT_KINDS, type UnitKind } from '../../shared/schemas/unit';
import { formatCivilDate } from '../../shared/kpi/vn-time';
import type { ColumnSpec } from './columns';
import { foldKey } from '../../shared/format/fold';
import type { RowAccess } from './scan';
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

export function targetFromRow(row: RowAccess<TargetField>, unitCodes: ReadonlySet<string>, seen: Map<string, number>): Target | null {
  let bad = false;
  const problem = (field: TargetField, reason: string) => {
    bad = true;
    row.issue(field, reason);
  };
  const text = (field: TargetField) => row.text(field)?.trim() ?? '';
  const measure: Measure | undefined = MEASURE_BY_KEY.get(foldKey(text('measure')));
  if (!measure) problem('measure', `is not a measure (one of ${MEASURES.join(', ')})`);
  const kindText = text('kind');
  const unitCode = text('unit_code') || null;
  const kind: UnitKind | null = kindText ? (KIND_BY_KEY.get(foldKey(kindText)) ?? null) : null;
  if (kindText && !kind) problem('kind', 'is not a unit kind (ward, commune, special_zone or department)');
  if (kindText && unitCode) problem('unit_code', 'is given together with a kind: a target applies to a kind or to one unit, not both');
  if (!kindText && !unitCode) problem('kind', 'is empty, and so is unit_code: say which kind of unit or which unit the target is for');
  if (unitCode && !unitCodes.has(unitCode)) problem('unit_code', 'is not a known unit');
  const threshold = parseNumber(text('threshold'));
  if (!threshold.ok) problem('threshold', threshold.reason);
  else if (measure && isRateMeasure(measure) && threshold.value > 100) problem('threshold', 'is over 100, but this measure is a percentage');
  const date = (field: TargetField): string | null => {
    const cell = row.cell(field);
    if (cell === undefined || cell === '') return null;
    const parsed = parseDateTime(cell);
    if (!parsed.ok || !parsed.value.dateOnly) {
      problem(field, parsed.ok ? 'must be a date without a time of day' : parsed.reason);
      return null;
    }
    return formatCivilDate(parsed.value.date);
  };
  const effectiveFrom = date('effective_from');
  if (!effectiveFrom && text('effective_from') === '') problem('effective_from', 'is empty, but a target needs the date it takes effect');
  const deadline = date('deadline');
  if (effectiveFrom && deadline && deadline < effectiveFrom) problem('deadline', 'is before the date the target takes effect');
  if (measure && effectiveFrom) {
    const key = `${measure}|${kind ?? ''}|${unitCode ?? ''}|${effectiveFrom}`;
    if (seen.has(key)) problem('effective_from', `repeats the target on line ${seen.get(key)} (same measure, scope and date)`);
    else seen.set(key, row.line);
  }
  if (bad || !measure || !threshold.ok || !effectiveFrom) return null;
  // The schema targets.list answers with has the last word: a row it would refuse must not be stored.
  const target = TargetSchema.safeParse({ measure, kind, unitCode, threshold: threshold.value, effectiveFrom, deadline });
  for (const issue of target.error?.issues ?? []) row.issue(COLUMN_OF[issue.path[0] as keyof Target] ?? 'measure', issue.message);
  return target.success ? target.data : null;
}
