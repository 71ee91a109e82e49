import { msg } from '../../shared/messages/catalogue';
import { FileRefusal } from './file-refusal';

/** Longer than any row a real export writes; an unclosed quote would otherwise make the rest of the file one cell. */
export const MAX_RECORD_CHARS = 1_000_000;

/**
 * Passes CSV text through unchanged, refusing it once one record (a row, with its quoted line breaks) grows past
 * MAX_RECORD_CHARS. Quotes are followed as papaparse reads them: a quote opens a field only at its start and closes
 * it only before a delimiter or a line break, so this never thinks a field closed that papaparse still reads.
 */
export async function* guardRecords(chunks: AsyncIterable<string>, delimiter: string, newline: '\n' | '\r'): AsyncGenerator<string> {
  let quoted = false;
  let length = 0;
  let line = 1;
  let recordLine = 1;
  let previous: string = newline;
  let held = '';
  const check = () => {
    if (length > MAX_RECORD_CHARS) {
      throw new FileRefusal(msg('import.csv.recordTooLong', { line: recordLine, max: MAX_RECORD_CHARS }), recordLine);
    }
  };
  const linesIn = (s: string, from: number, to: number) => {
    for (let k = s.indexOf(newline, from); k >= 0 && k < to; k = s.indexOf(newline, k + 1)) line += 1;
  };
  const scan = (s: string, final: boolean): number => {
    const n = s.length;
    let i = 0;
    let quote = s.indexOf('"');
    while (i < n) {
      if (quote >= 0 && quote < i) quote = s.indexOf('"', i);
      if (quoted) {
        if (quote < 0) {
          linesIn(s, i, n);
          length += n - i;
          break;
        }
        if (quote === n - 1 && !final) {
          linesIn(s, i, quote);
          length += quote - i;
          check();
          return quote;
        }
        linesIn(s, i, quote);
        length += quote + 1 - i;
        const next = s[quote + 1];
        if (next === '"') {
          length += 1;
          i = quote + 2;
        } else {
          if (next === undefined || next === delimiter || next === '\n' || next === '\r') quoted = false;
          i = quote + 1;
        }
        check();
        continue;
      }
      const end = s.indexOf(newline, i);
      if (quote >= 0 && (end < 0 || quote < end)) {
        const before = quote === 0 ? previous : s[quote - 1];
        if (before === delimiter || before === '\n' || before === '\r') quoted = true;
        length += quote + 1 - i;
        i = quote + 1;
        check();
        continue;
      }
      if (end < 0) {
        length += n - i;
        break;
      }
      length += end - i;
      check();
      length = 0;
      line += 1;
      recordLine = line;
      i = end + 1;
    }
    check();
    return n;
  };
  for await (const chunk of chunks) {
    const text = held + chunk;
    const upTo = scan(text, false);
    held = text.slice(upTo);
    if (upTo > 0) {
      previous = text[upTo - 1] as string;
      yield upTo === text.length ? text : text.slice(0, upTo);
    }
  }
  if (held) {
    scan(held, true);
    yield held;
  }
}
