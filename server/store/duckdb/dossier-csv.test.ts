import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ResolvedCell } from '../port';
import { fieldMap, lit, withDateReadings } from './dossier-csv';
import { parseDateTime } from '../../import/values';
import { DAY_MS, VN_OFFSET_MS } from '../../../shared/kpi/vn-time';
import { lcg } from '../testing/random-dossiers';

const cell = (text: string | null, raw: string | null = null, num: number | null = null, bool: boolean | null = null): ResolvedCell => ({ text, raw, num, bool });
type Part = 'text' | 'raw_text' | 'num' | 'bool';
const partOf = (r: ResolvedCell, part: Part) => (part === 'text' ? r.text : part === 'raw_text' ? r.raw : part === 'num' ? r.num : r.bool);

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

describe('how the SQL import reads a field from its resolved cells (fieldMap)', () => {
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

describe('the date cells SQL reads (withDateReadings)', () => {
  /** Each cell's reading by SQL, as a due date (a date alone: its last millisecond) and as any other date. */
  async function readings(cells: readonly string[]) {
    await c.run(`CREATE OR REPLACE TABLE cells AS SELECT * FROM (VALUES ${cells.map((x, i) => `(${i}, ${lit(x)}, ${lit(x)})`).join(', ')}) t(i, due, other)`);
    const sql = withDateReadings('cells', [{ name: 'due', endOfDay: true }, { name: 'other', endOfDay: false }]);
    const rows = (await c.runAndReadAll(`SELECT i, due_ok, due_ms, other_ok, other_ms FROM (${sql}) ORDER BY i`)).getRowObjectsJS();
    return rows.map((r) => ({ due: r.due_ok ? Number(r.due_ms) : null, other: r.other_ok ? Number(r.other_ms) : null }));
  }

  /** The row parser's reading of a cell, as a due date and as any other date; null when it refuses the cell. */
  function rowParserReading(cell: string): { due: number; other: number } | null {
    const parsed = parseDateTime(cell);
    if (!parsed.ok) return null;
    return { due: parsed.value.instant + (parsed.value.dateOnly ? DAY_MS - 1 : 0), other: parsed.value.instant };
  }

  /** The common forms of an instant, as an export writes them (Vietnam wall clock unless it says Z). */
  function forms(ms: number): string[] {
    const w = new Date(ms + VN_OFFSET_MS).toISOString();
    const [date, time] = [w.slice(0, 10), w.slice(11, 19)];
    const dmy = `${w.slice(8, 10)}/${w.slice(5, 7)}/${w.slice(0, 4)}`;
    const utc = new Date(ms).toISOString();
    return [`${date}T${time}`, `${date} ${time}`, `${date}T${time.slice(0, 5)}`, `${date} ${time.slice(0, 5)}`, date, utc, `${utc.slice(0, 19)}Z`, `${dmy} ${time}`, `${dmy} ${time.slice(0, 5)}`, dmy];
  }

  it('reads the common forms of valid instants, as the row parser does', async () => {
    const rnd = lcg(7);
    const instants = Array.from({ length: 300 }, () => Date.UTC(2000, 0, 1) + Math.floor(rnd() * 100 * 365.25) * DAY_MS + Math.floor(rnd() * DAY_MS / 1000) * 1000);
    instants.push(Date.UTC(2024, 1, 28, 17), Date.UTC(2000, 0, 1) - VN_OFFSET_MS, Date.UTC(2100, 11, 31, 16, 59, 59));
    const cells = instants.flatMap(forms);
    const read = await readings(cells);
    // The first Vietnam midnight of 2000 is 1999 in UTC: the row parser refuses the year as written, and so does SQL.
    cells.forEach((cell, i) => expect([cell, read[i]]).toEqual([cell, rowParserReading(cell) ?? { due: null, other: null }]));
  });

  it('reads no cell otherwise than the row parser: every cell SQL reads, the row parser reads the same', async () => {
    // Valid cells of every form with one character replaced, removed or added, hours of 24 and beyond, impossible
    // days, years out of range: whatever SQL takes, the row parser must take with the same instant.
    const rnd = lcg(11);
    const swaps = ['0', '1', '2', '3', '4', '5', '6', '9', ' ', 'T', 't', 'Z', 'z', '+', '-', ':', '/', '.', ',', 'a', '\u0663', '\u00a0', '\t'];
    const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
    const cells: string[] = [];
    for (let k = 0; k < 2000; k++) {
      const base = pick(forms(Date.UTC(1995, 0, 1) + Math.floor(rnd() * 120 * 365.25 * DAY_MS)));
      const at = Math.floor(rnd() * (base.length + 1));
      const op = rnd();
      cells.push(op < 0.6 ? base.slice(0, at) + pick(swaps) + base.slice(at + 1) : op < 0.8 ? base.slice(0, at) + base.slice(at + 1) : base.slice(0, at) + pick(swaps) + base.slice(at));
    }
    cells.push('2025-07-01T24:00:00', '2025-07-01 24:00', '01/07/2025 24:00:00', '2025-07-01T24:00:00Z', '2025-07-01T25:00:00', '2025-07-01T23:60:00', '2025-02-30', '30/02/2025',
      '', ' ', '2025-13-01', '1999-12-31T23:59:59', '2101-01-01', '2025-7-01', ' 2025-07-01', '2025-07-01 ', '2025-07-01T 8:05:09', '2025-07-01T08:05:9Z');
    const read = await readings(cells);
    let taken = 0;
    cells.forEach((cell, i) => {
      const r = read[i];
      if (r?.other === null && r?.due === null) return;
      taken++;
      expect([cell, r]).toEqual([cell, rowParserReading(cell)]);
    });
    // Some mutations are still valid cells (a digit for a digit): the check above is not vacuous.
    expect(taken).toBeGreaterThan(100);
    expect(taken).toBeLessThan(cells.length / 2);
  });
});
