/** COPY's text format: one line a row, fields separated by tabs, `\N` for NULL. */
export const NULL = '\\N';

const SPECIAL = /[\\\t\n\r]/;

/** A text field: backslash, tab, newline and carriage return are escaped. */
export function copyText(v: string): string {
  return SPECIAL.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v;
}

export const copyTextOrNull = (v: string | null): string => (v === null ? NULL : copyText(v));
export const copyBool = (v: boolean | null): string => (v === null ? NULL : v ? 't' : 'f');
export const copyNumber = (v: number | null): string => (v === null ? NULL : String(v));
/** Bytes in `bytea`'s hex input, its backslash escaped for COPY. */
export const copyBytes = (v: Uint8Array): string => `\\\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
