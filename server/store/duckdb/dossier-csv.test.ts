import { describe, expect, it } from 'vitest';
import type { ResolvedCell } from '../port';
import { fieldMap } from './dossier-csv';

const cell = (text: string | null, raw: string | null = null, num: number | null = null, bool: boolean | null = null): ResolvedCell => ({ text, raw, num, bool });

describe('how the SQL import reads a field from its resolved cells (fieldMap)', () => {
  it('reads a cell that resolves to itself as the column, and the empty cell as null', () => {
    const codes = Array.from({ length: 500 }, (_, i) => `U${i}`);
    const m = fieldMap('sq."unit_code"', 'm1', codes, codes.map((c) => cell(c)));
    expect(m.joined).toBe(false);
    expect(m.part('text')).toBe('sq."unit_code"');
    expect(m.part('num')).toBe('NULL::DOUBLE');
    const names = fieldMap('sq."procedure_name"', 'm3', ['', 'Cấp phép'], [cell(null), cell('Cấp phép')]);
    expect(names.part('text')).toBe(`nullif(sq."procedure_name", '')`);
  });

  it('reads few distinct cells by a CASE over them, quotes included', () => {
    const m = fieldMap('sq."channel"', 'm4', ['Trực tuyến', "it's", '2'], [cell('online'), cell('counter'), cell('online')]);
    expect(m.joined).toBe(false);
    expect(m.part('text')).toBe(`CASE sq."channel" WHEN 'Trực tuyến' THEN 'online' WHEN 'it''s' THEN 'counter' WHEN '2' THEN 'online' END`);
    const bools = fieldMap('sq."e_result"', 'm5', ['x', ''], [cell(null, null, null, true), cell(null)]);
    expect(bools.part('bool')).toBe(`CASE sq."e_result" WHEN 'x' THEN TRUE WHEN '' THEN NULL::BOOLEAN END`);
  });

  it('joins the table of resolved cells for many cells that do not resolve to themselves', () => {
    const cells = Array.from({ length: 33 }, (_, i) => ` ${i}.001 `);
    const m = fieldMap('sq."procedure_code"', 'm2', cells, cells.map((c) => cell(c.trim(), c)));
    expect(m.joined).toBe(true);
    expect(m.part('text')).toBe('m2.text');
    expect(m.part('raw_text')).toBe('sq."procedure_code"');
  });
});
