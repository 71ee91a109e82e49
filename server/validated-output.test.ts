import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validatedOnce } from './validated-output';

const Schema = z.object({ asOf: z.string(), rows: z.array(z.object({ n: z.number() }).strict()) }).strict();

describe('validatedOnce', () => {
  it('refuses an answer the schema rejects, in its rows or its envelope', () => {
    const parse = validatedOnce(Schema, 'rows');
    expect(() => parse({ asOf: 'x', rows: [{ n: 'one' }] })).toThrow();
    const rows = [{ n: 1 }];
    parse({ asOf: 'x', rows });
    expect(() => parse({ asOf: 42, rows })).toThrow();
    expect(() => parse({ asOf: 'x', rows, extra: true })).toThrow();
  });

  it('checks rows it has already validated only once, and new rows again', () => {
    const parse = validatedOnce(Schema, 'rows');
    const rows = [{ n: 1 }];
    parse({ asOf: 'a', rows });
    (rows[0] as { n: unknown }).n = 'changed behind its back';
    expect(() => parse({ asOf: 'b', rows })).not.toThrow();
    expect(() => parse({ asOf: 'b', rows: [{ n: 'x' }] })).toThrow();
  });

  it('of a long answer, validates the first rows, every stride-th after them and the last one', () => {
    const parse = validatedOnce(Schema, 'rows', 10, 7);
    const rows = (bad: number) => Array.from({ length: 50 }, (_, i) => ({ n: i === bad ? 'bad' : i }));
    expect(() => parse({ asOf: 'a', rows: rows(-1) })).not.toThrow();
    expect(() => parse({ asOf: 'a', rows: rows(3) })).toThrow();
    expect(() => parse({ asOf: 'a', rows: rows(28) })).toThrow();
    expect(() => parse({ asOf: 'a', rows: rows(49) })).toThrow();
    // Outside the sample (the rows are made by one piece of code): not read.
    expect(() => parse({ asOf: 'a', rows: rows(30) })).not.toThrow();
    expect(() => parse({ asOf: 7, rows: rows(-1) })).toThrow();
    const kept = rows(-1);
    expect(parse({ asOf: 'a', rows: kept })).toEqual({ asOf: 'a', rows: kept });
  });
});
