import { UNIT_CODE_MAX, UnitInputSchema, type Unit, type UnitKind } from '../../shared/schemas/unit';
import type { ColumnSpec } from './columns';
import { foldValue } from '../../shared/format/fold';
import type { RowAccess } from './scan';
import { msg, type Message } from '../../shared/messages/catalogue';
import { zodIssueMessage } from '../../shared/messages/zod';
import { parseCount } from './values';

export type UnitField = 'code' | 'name' | 'name_en' | 'kind' | 'parent_code' | 'head_name' | 'head_title' | 'population';

/** chiso's own columns, and the official GSO list (`ma_xa, ten_xa, loai`) with its `tinh` as the parent. */
export const UNIT_COLUMNS: readonly ColumnSpec<UnitField>[] = [
  { field: 'code', text: 'code', maxLength: UNIT_CODE_MAX, required: true, aliases: ['code', 'maxa', 'madonvi', 'madv', 'ma'] },
  { field: 'name', text: 'name', required: true, aliases: ['fullname', 'name', 'tenxa', 'tendonvi', 'ten'] },
  { field: 'name_en', text: 'name', aliases: ['fullnameen', 'nameen', 'tentienganh'] },
  { field: 'kind', required: true, aliases: ['kind', 'loai', 'administrativeunit', 'loaidonvi'] },
  { field: 'parent_code', text: 'name', aliases: ['parentcode', 'provincecode', 'matinh', 'tinh'] },
  { field: 'head_name', text: 'name', aliases: ['headname', 'nguoidungdau', 'hotennguoidungdau'] },
  { field: 'head_title', text: 'name', aliases: ['headtitle', 'chucvu', 'chucdanh'] },
  { field: 'population', aliases: ['population', 'danso'] },
];

const COLUMN_OF: Record<keyof Unit, UnitField> = {
  code: 'code', name: 'name', nameEn: 'name_en', kind: 'kind', parentCode: 'parent_code', headName: 'head_name', headTitle: 'head_title', population: 'population',
};

/** The official list writes special zones' kind as "Đặc" (for Đặc khu): both are accepted. */
const KIND_WORDS: Record<string, UnitKind> = {
  ward: 'ward', phuong: 'ward', commune: 'commune', xa: 'commune', special_zone: 'special_zone', 'special zone': 'special_zone',
  'dac khu': 'special_zone', dac: 'special_zone', department: 'department', so: 'department', 'so, nganh': 'department', nganh: 'department',
};

/**
 * A unit, or null after reporting each bad cell. Every row also passes UnitInputSchema, the schema the admin form
 * uses, which refuses anything units.list could not send back: one bad cell once made that fail for every user.
 */
export function unitFromRow(row: RowAccess<UnitField>, seen: Map<string, number>): Unit | null {
  const problems = new Map<UnitField, Message>();
  const text = (field: UnitField) => row.text(field)?.normalize('NFC').trim() ?? '';
  const code = text('code');
  if (!code) problems.set('code', msg('import.unit.noCode'));
  else if (seen.has(code)) problems.set('code', msg('import.row.duplicate', { line: seen.get(code) ?? 0 }));
  else seen.set(code, row.line);
  const kind = KIND_WORDS[foldValue(text('kind'))];
  if (!kind) problems.set('kind', msg('import.unit.badKind'));
  if (!text('name')) problems.set('name', msg('import.unit.noName'));
  const population = text('population') === '' ? null : parseCount(text('population'));
  if (population && !population.ok) problems.set('population', population.reason);
  const orNull = (field: UnitField) => text(field) || null;
  const unit = UnitInputSchema.safeParse({
    code, name: text('name'), nameEn: orNull('name_en'), kind, parentCode: orNull('parent_code'), headName: orNull('head_name'), headTitle: orNull('head_title'),
    population: population?.ok ? population.value : null,
  });
  for (const issue of unit.error?.issues ?? []) {
    const field = COLUMN_OF[issue.path[0] as keyof Unit] ?? 'code';
    if (!problems.has(field)) problems.set(field, zodIssueMessage(issue));
  }
  for (const { field } of UNIT_COLUMNS) {
    const reason = problems.get(field);
    if (reason) row.issue(field, reason);
  }
  return problems.size === 0 && unit.success ? unit.data : null;
}
