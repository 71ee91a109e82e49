import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { msg } from '../../shared/messages/catalogue';
import { FileRefusal } from './file-refusal';

export type FileSource = { path: string } | { buffer: Buffer };

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface Sniffed {
  encoding: TextEncodingName;
  /** Bytes of the byte-order mark, skipped before decoding. */
  skip: number;
}

const CHUNK = 64 * 1024;

/** A Node without full ICU has no windows-1258 decoder: such files are then refused rather than misread. */
const HAS_WINDOWS_1258 = (() => {
  try {
    return new TextDecoder('windows-1258').encoding === 'windows-1258';
  } catch {
    return false;
  }
})();

export async function* bytesOf(source: FileSource, start = 0): AsyncGenerator<Buffer> {
  if ('buffer' in source) {
    for (let i = start; i < source.buffer.length; i += CHUNK) yield source.buffer.subarray(i, i + CHUNK);
    return;
  }
  for await (const chunk of createReadStream(source.path, { start, highWaterMark: CHUNK })) yield chunk as Buffer;
}

/** How many bytes at the end of `b` start a UTF-8 character that the next chunk completes. */
export function incompleteTail(b: Buffer): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const byte = b[b.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte < 0xc0) return 0;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return length > back ? back : 0;
  }
  return 0;
}

async function isUtf8Source(source: FileSource): Promise<boolean> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of bytesOf(source)) {
    const joined = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const tail = incompleteTail(joined);
    if (!isUtf8(joined.subarray(0, joined.length - tail))) return false;
    carry = Buffer.from(joined.subarray(joined.length - tail));
  }
  return carry.length === 0;
}

/** UTF-16 saved without a byte-order mark: most characters of a CSV are ASCII, so one byte of each pair is zero. */
export function utf16WithoutBom(head: Buffer): TextEncodingName | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenZero += 1;
    if (head[i + 1] === 0) oddZero += 1;
  }
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * A byte-order mark names UTF-8 or UTF-16; otherwise a file that is valid UTF-8 throughout is UTF-8, and anything
 * else is taken as Windows-1258, the Vietnamese Windows code page that Excel uses for "CSV (Comma delimited)".
 */
export async function sniffEncoding(source: FileSource, head: Buffer): Promise<Sniffed> {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  const wide = utf16WithoutBom(head);
  if (wide) return { encoding: wide, skip: 0 };
  if (await isUtf8Source(source)) return { encoding: 'utf-8', skip: 0 };
  if (!HAS_WINDOWS_1258) throw new FileRefusal(msg('import.csv.notUtf8'));
  return { encoding: 'windows-1258', skip: 0 };
}

const COMBINING = /[\u0300-\u036f]/;

/**
 * The text of a file, decoded and in Unicode NFC. Windows-1258 writes most tone marks as separate combining
 * characters ("ơ" + U+0300), so the same name would otherwise differ from the one typed in the dashboard; a chunk is
 * normalised without its last character and the marks after it, which may continue in the next chunk.
 */
export async function* decodeText(source: FileSource, { encoding, skip }: Sniffed): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let held = '';
  const pieces = async function* () {
    try {
      for await (const chunk of bytesOf(source, skip)) yield decoder.decode(chunk, { stream: true });
      yield decoder.decode();
    } catch (error) {
      if (error instanceof TypeError) throw new FileRefusal(msg(encoding === 'utf-8' ? 'import.csv.badUtf8' : 'import.csv.badUtf16'));
      throw error;
    }
  };
  for await (const piece of pieces()) {
    const text = held + piece;
    let cut = text.length;
    while (cut > 0 && COMBINING.test(text[cut - 1] as string)) cut -= 1;
    cut = Math.max(0, cut - 1);
    if (cut > 0 && /[\ud800-\udbff]/.test(text[cut - 1] as string)) cut -= 1;
    held = text.slice(cut);
    if (cut > 0) yield text.slice(0, cut).normalize('NFC');
  }
  if (held) yield held.normalize('NFC');
}
