import { INDICATOR_FREQUENCIES, INDICATOR_UNITS, PILLARS, type Indicator } from '../../shared/domain/indicator';
import { INDICATOR_CODE_PATTERN } from '../../shared/schemas/index-definition';
import { UNIT_KINDS, type UnitKind } from '../../shared/schemas/unit';
import { foldValue } from '../../shared/format/fold';
import type { ColumnSpec } from './columns';
import type { RowAccess } from './scan';
import { msg, type Message } from '../../shared/messages/catalogue';


export type IndicatorField = 'code' | 'name' | 'name_en' | 'pillar' | 'unit' | 'direction' | 'frequency' | 'kinds' | 'description';

export const INDICATOR_COLUMNS: readonly ColumnSpec<IndicatorField>[] = [
  { field: 'code', required: true, text: 'code', aliases: ['code', 'machiso', 'ma'] },
  { field: 'name', required: true, text: 'name', aliases: ['name', 'tenchiso', 'ten'] },
  { field: 'name_en', text: 'name', aliases: ['nameen', 'tentienganh'] },
  { field: 'pillar', required: true, aliases: ['pillar', 'trucot', 'linhvuc'] },
  { field: 'unit', required: true, aliases: ['unit', 'donvitinh', 'dvt'] },
  { field: 'direction', required: true, aliases: ['direction', 'huong', 'chieu'] },
  { field: 'frequency', required: true, aliases: ['frequency', 'tanso', 'kybaocao'] },
  { field: 'kinds', aliases: ['kinds', 'loaidonvi'] },
  { field: 'description', text: 'note', maxLength: 5000, aliases: ['description', 'mota'] },
];

const MAX_CODE = 100;

function oneOf<T extends string>(values: readonly T[], text: string): T | null {
  return (values as readonly string[]).includes(text) ? (text as T) : null;
}

/** One catalogue entry (SPEC §6), or null after naming each bad cell of the row. */
export function indicatorFromRow(row: RowAccess<IndicatorField>, seen: Map<string, number>): Indicator | null {
  let bad = false;
  const problem = (field: IndicatorField, reason: Message) => {
    bad = true;
    row.issue(field, reason);
  };
  const text = (field: IndicatorField) => row.text(field)?.normalize('NFC').trim() ?? '';
  const code = text('code');
  if (!INDICATOR_CODE_PATTERN.test(code) || code.length > MAX_CODE) problem('code', msg('import.indicator.badCode', { max: MAX_CODE }));
  else if (seen.has(code)) problem('code', msg('import.row.duplicate', { line: seen.get(code) ?? 0 }));
  else seen.set(code, row.line);
  const name = text('name');
  if (!name) problem('name', msg('import.indicator.noName'));
  const nameEn = text('name_en');
  const pillar = oneOf(PILLARS, foldValue(text('pillar')));
  if (!pillar) problem('pillar', msg('import.indicator.badPillar', { pillars: PILLARS.join(', ') }));
  const unit = oneOf(INDICATOR_UNITS, foldValue(text('unit')));
  if (!unit) problem('unit', msg('import.indicator.badUnit', { units: INDICATOR_UNITS.join(', ') }));
  const direction = oneOf(['higher', 'lower'] as const, foldValue(text('direction')));
  if (!direction) problem('direction', msg('import.indicator.badDirection'));
  const frequency = oneOf(INDICATOR_FREQUENCIES, foldValue(text('frequency')));
  if (!frequency) problem('frequency', msg('import.indicator.badFrequency', { frequencies: INDICATOR_FREQUENCIES.join(', ') }));
  const kinds: UnitKind[] = [];
  for (const part of text('kinds').split(';').map((k) => k.trim()).filter(Boolean)) {
    const kind = oneOf(UNIT_KINDS, part);
    if (kind) kinds.push(kind);
    else problem('kinds', msg('import.indicator.badKind', { kind: part, kinds: UNIT_KINDS.join(', ') }));
  }
  const description = text('description');
  if (bad || !pillar || !unit || !direction || !frequency) return null;
  return { code, name, nameEn: nameEn || null, pillar, unit, direction, frequency, kinds, description: description || null };
}
