import {
  DuckDBBooleanVector,
  DuckDBDoubleVector,
  DuckDBFloatVector,
  DuckDBIntegerVector,
  DuckDBSmallIntVector,
  DuckDBTinyIntVector,
  DuckDBVarCharVector,
  JSDuckDBValueConverter,
  type DuckDBMaterializedResult,
  type DuckDBVector,
} from '@duckdb/node-api';
import type { Counts } from '../../../shared/schemas/measure';
import { COUNT_COLUMN } from '../count-columns';
import type { CountsSink } from '../measure-sql';

export type Row = Record<string, unknown>;

type NumberVector = DuckDBIntegerVector | DuckDBDoubleVector | DuckDBSmallIntVector | DuckDBTinyIntVector | DuckDBFloatVector;

function isNumberVector(v: DuckDBVector): v is NumberVector {
  return v instanceof DuckDBIntegerVector || v instanceof DuckDBDoubleVector || v instanceof DuckDBSmallIntVector || v instanceof DuckDBTinyIntVector || v instanceof DuckDBFloatVector;
}

/**
 * The rows of a result as objects, exactly as `getRowObjectsJS` gives them, but read a column at a time: numbers
 * straight from the vector's typed array, text and booleans from the vector, other types through the library's
 * own converter. A cold national ranking reads ~200k rows × 16 columns; the library's per-value path (a converter
 * call per cell) spent longer on that than DuckDB on the query.
 */
export function rowObjects(result: DuckDBMaterializedResult): Row[] {
  const names = result.deduplicatedColumnNames();
  const out: Row[] = [];
  // Short texts (codes, kinds, statuses) decoded once per result and column.
  const known = names.map((): Known => new Map());
  for (let k = 0; k < result.chunkCount; k++) {
    const chunk = result.getChunk(k);
    const n = chunk.rowCount;
    const base = out.length;
    for (let j = 0; j < n; j++) out.push({});
    names.forEach((name, ci) => {
      const vector = chunk.getColumnVector(ci);
      if (isNumberVector(vector)) {
        const { items, validity } = vector as unknown as { items: ArrayLike<number>; validity: { itemValid(i: number): boolean } };
        for (let j = 0; j < n; j++) (out[base + j] as Row)[name] = validity.itemValid(j) ? items[j] : null;
      } else if (vector instanceof DuckDBVarCharVector) {
        const texts = textsOf(vector, n, known[ci] as Known);
        for (let j = 0; j < n; j++) (out[base + j] as Row)[name] = texts[j];
      } else if (vector instanceof DuckDBBooleanVector) {
        for (let j = 0; j < n; j++) (out[base + j] as Row)[name] = vector.getItem(j);
      } else {
        const values = chunk.convertColumnValues(ci, JSDuckDBValueConverter);
        for (let j = 0; j < n; j++) (out[base + j] as Row)[name] = values[j];
      }
    });
  }
  return out;
}

type Validity = { data: unknown; itemValid(i: number): boolean };

/** A numeric column of a chunk as an array by row: null reads as 0 (the count columns are never null). */
function numbersOf(vector: DuckDBVector, n: number): ArrayLike<number> {
  if (isNumberVector(vector)) {
    const { items, validity } = vector as unknown as { items: ArrayLike<number>; validity: Validity };
    // A vector without a validity mask has no null.
    if (validity.data === null) return items;
    return Array.from({ length: n }, (_, j) => (validity.itemValid(j) ? (items[j] as number) : 0));
  }
  return Array.from({ length: n }, (_, j) => {
    const v = vector.getItem(j);
    return v === null ? 0 : Number(v);
  });
}

const decoder = new TextDecoder();

/**
 * The text of a VARCHAR vector by row. DuckDB keeps a string of up to 12 bytes inside the vector's 16-byte entry (a
 * 4-byte length, then the bytes, zero-padded): such a string is looked up by those words in `known`, so that each
 * distinct unit code is decoded once per result; a longer one is read through the library.
 */
type Known = Map<number, Map<number, Map<number, string>>>;
function textsOf(vector: DuckDBVector, n: number, known: Known): (string | null)[] {
  const { dataView, validity } = vector as unknown as { dataView?: DataView; validity?: Validity };
  if (!(vector instanceof DuckDBVarCharVector) || !dataView || !validity) {
    return Array.from({ length: n }, (_, j) => {
      const v = vector.getItem(j);
      return v === null ? null : String(v);
    });
  }
  const out = new Array<string | null>(n);
  for (let j = 0; j < n; j++) {
    if (validity.data !== null && !validity.itemValid(j)) {
      out[j] = null;
      continue;
    }
    const at = j * 16;
    const length = dataView.getUint32(at, true);
    if (length > 12) {
      out[j] = vector.getItem(j) as string;
      continue;
    }
    const k1 = length * 2 ** 32 + dataView.getUint32(at + 4, true);
    const k2 = dataView.getUint32(at + 8, true);
    const k3 = dataView.getUint32(at + 12, true);
    let m2 = known.get(k1);
    if (!m2) known.set(k1, (m2 = new Map()));
    let m3 = m2.get(k2);
    if (!m3) m2.set(k2, (m3 = new Map()));
    let text = m3.get(k3);
    if (text === undefined) m3.set(k3, (text = decoder.decode(new Uint8Array(dataView.buffer, dataView.byteOffset + at + 4, length))));
    out[j] = text;
  }
  return out;
}

/**
 * The rows of a countsByUnit statement (unit_code, idx and the count columns, by name) read straight from the
 * column vectors into Counts: a national weekly history is 240,000 rows, and a JavaScript object per row and a
 * converter call per cell on the way cost ten times the query.
 */
export function countRows(result: DuckDBMaterializedResult, sink: CountsSink): void {
  const names = result.deduplicatedColumnNames();
  const at = (name: string) => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`The counts statement has no column ${name}.`);
    return i;
  };
  const code = at('unit_code');
  const idxColumn = at('idx');
  const columns = Object.entries(COUNT_COLUMN).map(([field, column]) => [field, at(column)] as const);
  const known: Known = new Map();
  for (let k = 0; k < result.chunkCount; k++) {
    const chunk = result.getChunk(k);
    const n = chunk.rowCount;
    const codes = textsOf(chunk.getColumnVector(code), n, known);
    const idx = numbersOf(chunk.getColumnVector(idxColumn), n);
    const f = Object.fromEntries(columns.map(([field, ci]) => [field, numbersOf(chunk.getColumnVector(ci), n)])) as Record<keyof Counts, ArrayLike<number>>;
    const { received, online, endToEnd, onTime, overdueOpen, completed, processingMs, eResultKnown, eResult, digitizedKnown, digitized, feeKnown, feeRequired, paidOnline } = f;
    for (let j = 0; j < n; j++) {
      sink(codes[j] as string, idx[j] as number, {
        received: received[j] as number, online: online[j] as number, endToEnd: endToEnd[j] as number, onTime: onTime[j] as number,
        overdueOpen: overdueOpen[j] as number, completed: completed[j] as number, processingMs: processingMs[j] as number,
        eResultKnown: eResultKnown[j] as number, eResult: eResult[j] as number, digitizedKnown: digitizedKnown[j] as number,
        digitized: digitized[j] as number, feeKnown: feeKnown[j] as number, feeRequired: feeRequired[j] as number, paidOnline: paidOnline[j] as number,
      });
    }
  }
}
