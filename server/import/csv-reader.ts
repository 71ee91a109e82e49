import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { guardRecords } from './csv-guard';
import type { RawRow } from './table-reader';
import { decodeText, sniffEncoding, type FileSource } from './text-encoding';

/** `;` or `,`: whichever the first lines use more often outside quotes. */
export function detectDelimiter(head: string): ';' | ',' {
  const lines = head.split(/\r?\n/).slice(0, 12);
  let semicolons = 0;
  let commas = 0;
  for (const line of lines) {
    const bare = line.replace(/"[^"]*"/g, '');
    semicolons += bare.split(';').length - 1;
    commas += bare.split(',').length - 1;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Streams CSV rows through papaparse, pausing it while the consumer works, and tracks each row's line. The bytes are
 * decoded first (UTF-8, UTF-16 or Windows-1258, see text-encoding.ts) and no row may grow without bound.
 */
export async function* csvRows(source: FileSource, head: Buffer): AsyncGenerator<RawRow[]> {
  const sniffed = await sniffEncoding(source, head);
  const headText = new TextDecoder(sniffed.encoding).decode(head.subarray(sniffed.skip));
  const delimiter = detectDelimiter(headText);
  const newline = headText.includes('\n') || !headText.includes('\r') ? '\n' : '\r';
  const input = Readable.from(guardRecords(decodeText(source, sniffed), delimiter, newline));
  const batches: string[][][] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let parser: Papa.Parser | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  Papa.parse(input as unknown as File, {
    delimiter,
    skipEmptyLines: false,
    chunk: (result: Papa.ParseResult<string[]>, p: Papa.Parser) => {
      parser = p;
      batches.push(result.data);
      p.pause();
      notify();
    },
    complete: () => {
      done = true;
      notify();
    },
    error: (error: Error) => {
      failure = error;
      done = true;
      notify();
    },
  });
  let line = 1;
  try {
    for (;;) {
      const batch = batches.shift();
      if (!batch) {
        if (done) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      const rows: RawRow[] = [];
      for (const cells of batch) {
        const at = line;
        line += 1;
        for (const cell of cells) for (let i = cell.indexOf(newline); i >= 0; i = cell.indexOf(newline, i + 1)) line += 1;
        rows.push({ line: at, cells });
      }
      yield rows;
      (parser as Papa.Parser | null)?.resume();
    }
  } finally {
    if (!done) (parser as Papa.Parser | null)?.abort();
    input.destroy();
  }
  if (failure) throw failure;
}
