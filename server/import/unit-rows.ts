import type { Unit, UnitKind } from '../../shared/schemas/unit';
import type { ColumnSpec } from './columns';
import { foldValue } from '../../shared/format/fold';
import type { RowAccess } from './scan';

export type UnitField = 'code' | 'name' | 'name_en' | 'kind' | 'parent_code' | 'head_name' | 'head_title' | 'population';

/** chiso's own columns, and the official GSO list (`ma_xa, ten_xa, loai`) with its `tinh` as the parent. */
export const UNIT_COLUMNS: readonly ColumnSpec<UnitField>[] = [
  { field: 'code', required: true, aliases: ['code', 'maxa', 'madonvi', 'madv', 'ma'] },
  { field: 'name', required: true, aliases: ['fullname', 'name', 'tenxa', 'tendonvi', 'ten'] },
  { field: 'name_en', aliases: ['fullnameen', 'nameen', 'tentienganh'] },
  { field: 'kind', required: true, aliases: ['kind', 'loai', 'administrativeunit', 'loaidonvi'] },
  { field: 'parent_code', aliases: ['parentcode', 'provincecode', 'matinh', 'tinh'] },
  { field: 'head_name', aliases: ['headname', 'nguoidungdau', 'hotennguoidungdau'] },
  { field: 'head_title', aliases: ['headtitle', 'chucvu', 'chucdanh'] },
  { field: 'population', aliases: ['population', 'danso'] },
];

/** The official list writes special zones' kind as "Đặc" (for Đặc khu): both are accepted. */
const KIND_WORDS: Record<string, UnitKind> = {
  ward: 'ward', phuong: 'ward', commune: 'commune', xa: 'commune', special_zone: 'special_zone', 'special zone': 'special_zone',
  'dac khu': 'special_zone', dac: 'special_zone', department: 'department', so: 'department', 'so, nganh': 'department', nganh: 'department',
};

export function unitFromRow(row: RowAccess<UnitField>, seen: Map<string, number>): Unit | null {
  let bad = false;
  const problem = (field: UnitField, reason: string) => {
    bad = true;
    row.issue(field, reason);
  };
  const text = (field: UnitField) => row.text(field)?.normalize('NFC').trim() ?? '';
  const code = text('code');
  if (!code) problem('code', 'is empty, but every unit needs a code');
  else if (seen.has(code)) problem('code', `appears twice in this file: first on line ${seen.get(code)}`);
  else seen.set(code, row.line);
  const name = text('name');
  if (!name) problem('name', 'is empty, but every unit needs its official name');
  const kind = KIND_WORDS[foldValue(text('kind'))];
  if (!kind) problem('kind', 'is not a unit kind (ward, commune, special_zone or department; Phường, Xã or Đặc khu)');
  const populationText = text('population');
  const population = populationText === '' ? null : Number(populationText.replace(/[.,\s]/g, ''));
  if (population !== null && !Number.isSafeInteger(population)) problem('population', 'is not a whole number');
  if (bad || !kind) return null;
  const orNull = (field: UnitField) => text(field) || null;
  return { code, name, nameEn: orNull('name_en'), kind, parentCode: orNull('parent_code'), headName: orNull('head_name'), headTitle: orNull('head_title'), population };
}
