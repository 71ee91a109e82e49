/**
 * Spreadsheets run a cell whose text starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some strip
 * first) as a formula. Exports carry text that anyone can choose — a username typed at the sign-in form reaches the
 * audit CSV — so such text is written with a leading apostrophe, which spreadsheets read as "this is text" (OWASP's
 * advice against CSV injection). Numbers stay numbers: a negative rank change is a number cell, not text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' ? safeText(value) : value;
}

/** Every text value of a row made safe; for rows given as objects (CSV records, keyed XLSX rows). */
export function safeRecord<T extends Record<string, unknown>>(row: T): Record<keyof T, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, safeCell(value)])) as Record<keyof T, unknown>;
}
