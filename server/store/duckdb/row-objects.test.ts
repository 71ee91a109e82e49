import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { rowObjects } from './row-objects';

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
