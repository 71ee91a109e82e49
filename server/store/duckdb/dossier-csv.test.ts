import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ResolvedCell } from '../port';
import { fieldMap, lit } from './dossier-csv';

const cell = (text: string | null, raw: string | null = null, num: number | null = null, bool: boolean | null = null): ResolvedCell => ({ text, raw, num, bool });
type Part = 'text' | 'raw_text' | 'num' | 'bool';
const partOf = (r: ResolvedCell, part: Part) => (part === 'text' ? r.text : part === 'raw_text' ? r.raw : part === 'num' ? r.num : r.bool);

describe('how the SQL import reads a field from its resolved cells (fieldMap)', () => {
  let instance: DuckDBInstance;
  let c: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    c = await instance.connect();
  });
  afterAll(() => {
    c.closeSync();
    instance.closeSync();
  });

  /** Each part of each cell as DuckDB computes it from the map's expression, against the resolved value. */
  async function expectReadAsResolved(cells: string[], resolved: ResolvedCell[]) {
    await c.run(`CREATE OR REPLACE TABLE sq AS SELECT * FROM (VALUES ${cells.map((x, i) => `(${i}, ${lit(x)})`).join(', ')}) t(i, f)`);
    const m = fieldMap('sq.f', 'm', cells, resolved);
    expect(m.joined).toBe(false);
    for (const part of ['text', 'raw_text', 'num', 'bool'] as const) {
      const rows = (await c.runAndReadAll(`SELECT ${m.part(part)} AS v FROM sq ORDER BY i`)).getRowObjectsJS();
      expect([part, rows.map((r) => r.v)]).toEqual([part, resolved.map((r) => partOf(r, part))]);
    }
  }

  it('reads cells that resolve to themselves, or the empty cell to nothing, as the column', async () => {
    const codes = Array.from({ length: 500 }, (_, i) => `U${i}`);
    await expectReadAsResolved(codes, codes.map((x) => cell(x)));
    await expectReadAsResolved(['', 'Cấp phép', "it's"], [cell(null), cell('Cấp phép'), cell("it's")]);
  });

  it('reads few distinct cells through their resolved values, quotes, backslashes and accents included', async () => {
    const cells = ['Trực tuyến', "it's", '2', 'a\\b', ''];
    await expectReadAsResolved(cells, [cell('online', 'Trực tuyến'), cell('counter', "it's"), cell('online', '2', 2), cell(null, 'a\\b', 0.5, true), cell(null, null, null, false)]);
  });

  it('joins the table of resolved cells when many cells resolve to something else', () => {
    const cells = Array.from({ length: 33 }, (_, i) => ` ${i}.001 `);
    const m = fieldMap('sq.f', 'm2', cells, cells.map((x) => cell(x.trim(), x)));
    expect(m.joined).toBe(true);
    expect(m.part('raw_text')).toBe('sq.f');
  });
});
