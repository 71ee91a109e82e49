import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Target } from '../../shared/schemas/target';
import type { Unit, UnitKind } from '../../shared/schemas/unit';
import { ROOT } from '../root';

const dataFile = (name: string) => join(ROOT, 'server', 'seed', 'data', name);
const readCsv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(dataFile(name), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

/** Who answers for a department: its head's title, written as the city writes it. */
const DEPARTMENT_HEAD_TITLE: Record<string, string> = {
  'SO-VP': 'Chánh Văn phòng',
  'SO-TTR': 'Chánh Thanh tra',
  'BQL-KCNC': 'Trưởng ban',
};

/** Hà Nội's 126 communes and wards and its departments, with heads named by title only: the demo invents no one. */
export function hanoiUnits(): Unit[] {
  const english = new Map(readCsv('hanoi-126-communes-2025-en.csv').map((r) => [r.code as string, r.full_name_en ?? null]));
  const communes = readCsv('hanoi-126-communes-2025.csv').map((r): Unit => {
    const name = (r.ten_xa as string).normalize('NFC');
    const kind: UnitKind = r.loai === 'Phường' ? 'ward' : r.loai === 'Đặc khu' ? 'special_zone' : 'commune';
    return { code: r.ma_xa as string, name, nameEn: english.get(r.ma_xa as string) ?? null, kind, parentCode: '01', headName: `Chủ tịch UBND ${name}`, headTitle: 'Chủ tịch UBND', population: null };
  });
  const departments = readCsv('hanoi-departments-2025.csv').map((r): Unit => {
    const title = DEPARTMENT_HEAD_TITLE[r.code as string] ?? 'Giám đốc';
    const name = (r.name as string).normalize('NFC');
    const headName = title === 'Trưởng ban' ? `Trưởng ${name}` : title === 'Chánh Văn phòng' ? `Chánh ${name}` : title === 'Chánh Thanh tra' ? `Chánh ${name}` : `${title} ${name}`;
    return { code: r.code as string, name, nameEn: r.name_en ?? null, kind: 'department', parentCode: '01', headName, headTitle: title, population: null };
  });
  return [...communes, ...departments];
}

/** The city's KPIs of 21 July 2025, due 30 July 2025 (SPEC §3). */
export function hanoiJuly2025Targets(): Target[] {
  const base = { unitCode: null, effectiveFrom: '2025-07-21', deadline: '2025-07-30' };
  const communeKinds: UnitKind[] = ['ward', 'commune', 'special_zone'];
  return [
    ...communeKinds.flatMap((kind): Target[] => [
      { ...base, kind, measure: 'onlineRate', threshold: 60 },
      { ...base, kind, measure: 'endToEndRate', threshold: 20 },
      { ...base, kind, measure: 'onTimeRate', threshold: 100 },
    ]),
    { ...base, kind: 'department', measure: 'onlineRate', threshold: 80 },
    { ...base, kind: 'department', measure: 'endToEndRate', threshold: 20 },
    { ...base, kind: 'department', measure: 'onTimeRate', threshold: 100 },
  ];
}
