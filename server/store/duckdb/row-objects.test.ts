import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { Counts } from '../../../shared/schemas/measure';
import { countsFromRow } from '../measure-sql';
import { countRows, rowObjects } from './row-objects';

describe('rowObjects', () => {
  it('gives exactly what getRowObjectsJS gives, for every column type the store reads, over several chunks, with nulls', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    const sql = `SELECT i::INTEGER AS int, (i * 1.5)::DOUBLE AS dbl, (i % 7)::SMALLINT AS small, (i % 3)::TINYINT AS tiny, (i / 4)::FLOAT AS flt,
                        CASE WHEN i % 5 = 0 THEN NULL ELSE i END::INTEGER AS maybe_int, CASE WHEN i % 6 = 0 THEN NULL ELSE 'Phường ' || i END AS text,
                        repeat('x', i % 40) AS long_text, i % 2 = 0 AS flag, CASE WHEN i % 4 = 0 THEN NULL ELSE i % 3 = 0 END AS maybe_flag,
                        (i * 1000000000000)::BIGINT AS big, (i * 3)::HUGEINT AS huge, (i / 3)::DECIMAL(10, 2) AS dec,
                        make_timestamp((1700000000000 + i * 3600000)::BIGINT * 1000) AS ts, DATE '2025-01-01' + i::INTEGER AS day, i AS int
                   FROM range(0, 5000) AS t(i)`;
    const expected = (await c.runAndReadAll(sql)).getRowObjectsJS();
    const got = rowObjects(await c.run(sql));
    expect(got.length).toBe(5000);
    expect(got).toEqual(expected);
    expect(got[6]).toMatchObject({ text: null, maybe_int: 6, dbl: 9 });
    c.closeSync();
  });
});

describe('countRows', () => {
  it('gives each row unit, window and counts exactly as rowObjects and countsFromRow do: codes of every length, non-ASCII, repeated, null counts', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    // Codes of 0 to 15 bytes (12 is the most DuckDB keeps inside the vector), Vietnamese ones, each repeated over many chunks.
    const sql = `SELECT (['', '00070', '12345678901', '123456789012', '1234567890123', 'SỞ-Y-TẾ', 'Đông Anh', 'a-very-long-unit-code-of-thirty'])[1 + i % 8] AS unit_code,
                        (i // 8)::INTEGER AS idx, (i % 97)::INTEGER AS received, (i % 13)::INTEGER AS online, (i % 11)::INTEGER AS end_to_end,
                        (i % 7)::INTEGER AS on_time, CASE WHEN i % 10 = 0 THEN NULL ELSE i % 5 END::INTEGER AS overdue_open, (i % 3)::INTEGER AS completed,
                        (i * 86400000.5)::DOUBLE AS processing_ms, (i % 2)::INTEGER AS e_result_known, 0::INTEGER AS e_result, (i % 4)::INTEGER AS digitized_known,
                        (i % 4 = 1)::INTEGER AS digitized, (i % 6)::BIGINT AS fee_known, 1::INTEGER AS fee_required, (i % 9)::INTEGER AS paid_online
                   FROM range(0, 6000) AS t(i)`;
    const expected = rowObjects(await c.run(sql)).map((r) => ({ code: String(r.unit_code), idx: Number(r.idx), counts: countsFromRow(r) }));
    const got: { code: string; idx: number; counts: Counts }[] = [];
    countRows(await c.run(sql), (code, idx, counts) => got.push({ code, idx, counts }));
    expect(got).toEqual(expected);
    expect(new Set(got.map((r) => r.code))).toEqual(new Set(['', '00070', '12345678901', '123456789012', '1234567890123', 'SỞ-Y-TẾ', 'Đông Anh', 'a-very-long-unit-code-of-thirty']));
    expect(got[10]?.counts.overdueOpen).toBe(0);
    c.closeSync();
  });
});
