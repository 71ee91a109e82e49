import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { msg, type Message } from '../../../shared/messages/catalogue';
import { FileRefusal } from '../file-refusal';
import type { FileSource } from '../text-encoding';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  headerOffset: number;
}

const DAMAGED = msg('import.xlsx.damaged');
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

/** Random access to the bytes of an upload or of a file given to the command line. */
interface Bytes {
  size: number;
  read(position: number, length: number): Promise<Buffer>;
  stream(start: number, length: number): Readable;
  close(): Promise<void>;
}

async function bytesOf(source: FileSource): Promise<Bytes> {
  if ('buffer' in source) {
    const b = source.buffer;
    return {
      size: b.length,
      read: async (position, length) => b.subarray(position, position + length),
      stream: (start, length) => Readable.from([b.subarray(start, start + length)]),
      close: async () => undefined,
    };
  }
  const handle: FileHandle = await open(source.path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (position, length) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    },
    stream: (start, length) => (length === 0 ? Readable.from([]) : createReadStream(source.path, { start, end: start + length - 1 })),
    close: () => handle.close(),
  };
}

function need(condition: boolean): asserts condition {
  if (!condition) throw new FileRefusal(DAMAGED);
}

/** Offsets and counts from the end-of-directory record, or its ZIP64 form when the plain one is saturated. */
async function directoryBounds(bytes: Bytes): Promise<{ offset: number; size: number; count: number }> {
  const tailLength = Math.min(bytes.size, 22 + 65_535);
  const tail = await bytes.read(bytes.size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      at = i;
      break;
    }
  }
  need(at >= 0);
  let count = tail.readUInt16LE(at + 10);
  let size = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locatorAt = bytes.size - tailLength + at - 20;
    need(locatorAt >= 0);
    const locator = await bytes.read(locatorAt, 20);
    need(locator.readUInt32LE(0) === 0x07064b50);
    const record = await bytes.read(Number(locator.readBigUInt64LE(8)), 56);
    need(record.length === 56 && record.readUInt32LE(0) === 0x06064b50);
    count = Number(record.readBigUInt64LE(32));
    size = Number(record.readBigUInt64LE(40));
    offset = Number(record.readBigUInt64LE(48));
  }
  need(offset + size <= bytes.size);
  if (size > MAX_DIRECTORY_BYTES) throw new FileRefusal(msg('import.xlsx.tooManyParts'));
  return { offset, size, count };
}

/** Reads a zip's central directory; entry data is read on demand, inflated with a cap on its unpacked size. */
export class ZipFile {
  private constructor(
    private readonly bytes: Bytes,
    private readonly entries: Map<string, ZipEntry>,
  ) {}

  static async open(source: FileSource): Promise<ZipFile> {
    const bytes = await bytesOf(source);
    try {
      const { offset, size, count } = await directoryBounds(bytes);
      const directory = await bytes.read(offset, size);
      const entries = new Map<string, ZipEntry>();
      let p = 0;
      for (let i = 0; i < count; i++) {
        need(p + 46 <= directory.length && directory.readUInt32LE(p) === 0x02014b50);
        const nameLength = directory.readUInt16LE(p + 28);
        const extraLength = directory.readUInt16LE(p + 30);
        const commentLength = directory.readUInt16LE(p + 32);
        need(p + 46 + nameLength + extraLength <= directory.length);
        const name = directory.toString('utf8', p + 46, p + 46 + nameLength);
        let compressedSize = directory.readUInt32LE(p + 20);
        let headerOffset = directory.readUInt32LE(p + 42);
        const uncompressed32 = directory.readUInt32LE(p + 24);
        const extra = directory.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
        for (let e = 0; e + 4 <= extra.length; e += 4 + extra.readUInt16LE(e + 2)) {
          if (extra.readUInt16LE(e) !== 0x0001) continue;
          let field = e + 4;
          const next = () => {
            need(field + 8 <= extra.length);
            const value = Number(extra.readBigUInt64LE(field));
            field += 8;
            return value;
          };
          if (uncompressed32 === 0xffffffff) next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (headerOffset === 0xffffffff) headerOffset = next();
        }
        entries.set(name.toLowerCase(), { name, method: directory.readUInt16LE(p + 10), flags: directory.readUInt16LE(p + 8), compressedSize, headerOffset });
        p += 46 + nameLength + extraLength + commentLength;
      }
      return new ZipFile(bytes, entries);
    } catch (error) {
      await bytes.close();
      throw error instanceof RangeError ? new FileRefusal(DAMAGED) : error;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /**
   * The entry's text, decoded as UTF-8, in pieces as it inflates. Past `maxBytes` unpacked the file is refused: a few
   * kilobytes of deflate can claim gigabytes, whatever sizes the zip declares.
   */
  async *text(name: string, maxBytes: number, tooLarge: Message): AsyncGenerator<string> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return;
    if (entry.flags & 0x1) throw new FileRefusal(msg('import.xlsx.encrypted'));
    need(entry.method === 0 || entry.method === 8);
    const header = await this.bytes.read(entry.headerOffset, 30);
    need(header.length === 30 && header.readUInt32LE(0) === 0x04034b50);
    const start = entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    need(start + entry.compressedSize <= this.bytes.size);
    const raw = this.bytes.stream(start, entry.compressedSize);
    const data = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
    raw.on('error', (error) => data.destroy(error));
    const decoder = new TextDecoder('utf-8');
    let unpacked = 0;
    try {
      for await (const chunk of data) {
        unpacked += (chunk as Buffer).length;
        if (unpacked > maxBytes) throw new FileRefusal(tooLarge);
        yield decoder.decode(chunk as Buffer, { stream: true });
      }
    } catch (error) {
      if (error instanceof FileRefusal) throw error;
      throw new FileRefusal(DAMAGED);
    } finally {
      raw.destroy();
      data.destroy();
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }

  close(): Promise<void> {
    return this.bytes.close();
  }
}
