import type { IncomingMessage, ServerResponse } from 'node:http';
import { chooseEncoding, LARGE_BYTES, MIN_BYTES, pack, packWell, type SentAnswer } from './compress';
import type { Viewer } from './context';

/**
 * The read procedures whose answers depend only on the data (its version), the request's input, who asks (role
 * and unit: the access rules of these procedures look at nothing else) and the clock. Anything that reads
 * sessions, accounts, notices or the audit trail is not here.
 */
export const CACHEABLE_PROCEDURES: ReadonlySet<string> = new Set([
  'kpi.ranking', 'kpi.overview', 'kpi.whatIf', 'flags.list', 'units.detail', 'units.trend', 'units.rankChange', 'periods.list',
  'indicators.list', 'indicators.round',
]);

export interface AnswerCacheOptions {
  /** How long an answer may be served again while the data stays the same: bounds how stale "now" can be. */
  ttlMs: number;
  /** The most bytes kept (bodies and their compressed forms); the least recently used go first. */
  maxBytes: number;
  now: () => number;
}

interface Entry {
  version: number;
  at: number;
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  bytes: number;
}

/** The procedures of a tRPC GET (`/trpc/a,b?batch=1&input=…`) when every one of them is cacheable, else null. */
export function cacheableProcedures(req: IncomingMessage): string[] | null {
  if (req.method !== 'GET') return null;
  const path = (req.url ?? '').split('?')[0]?.slice('/trpc/'.length) ?? '';
  if (!path) return null;
  const names = path.split(',');
  return names.every((n) => CACHEABLE_PROCEDURES.has(n)) ? names : null;
}

/**
 * The serialised answers of read procedures, kept per data version: a warm request is answered with the bytes
 * (already compressed) that the first one produced, without running the procedure, validating its output or
 * serialising it again. The key is the whole request line plus who asks; an entry is served only while the data
 * version is the one it was computed under (read before computing, so a change during the computation retires
 * it) and for at most `ttlMs`, since periods in progress and deadlines move with the clock.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** The usual-level compressions under way. */
  private readonly repacking = new Set<Promise<void>>();

  constructor(private readonly options: AnswerCacheOptions) {}

  static keyOf(req: IncomingMessage, viewer: Viewer): string {
    return `${viewer.role}|${viewer.unitCode ?? ''}|${req.url ?? ''}`;
  }

  /** Sends the kept answer and returns true, or returns false when there is none to serve. */
  serve(key: string, version: number, req: IncomingMessage, res: ServerResponse): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (entry.version !== version || this.options.now() - entry.at >= this.options.ttlMs) {
      this.drop(key, entry);
      return false;
    }
    // Least recently used goes first: a hit moves the entry to the end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    const encoding = entry.body.length < MIN_BYTES ? null : chooseEncoding(req.headers['accept-encoding']);
    let bytes = entry.body;
    if (encoding) {
      const packed = entry[encoding] ?? this.addPacked(key, entry, encoding);
      bytes = packed;
      res.setHeader('Content-Encoding', encoding);
    }
    res.statusCode = 200;
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Content-Length', bytes.length);
    res.end(bytes);
    return true;
  }

  /** Keeps a successful answer computed under `version`; refusals, errors and answers that set cookies are not kept. */
  keep(key: string, version: number, at: number, sent: SentAnswer, res: ServerResponse): void {
    if (sent.status !== 200 || res.getHeader('Set-Cookie') !== undefined) return;
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    const entry: Entry = { version, at, body: sent.body, bytes: sent.body.length };
    if (sent.packed) {
      entry[sent.packed.encoding] = sent.packed.bytes;
      entry.bytes += sent.packed.bytes.length;
    }
    if (entry.bytes > this.options.maxBytes / 4) return;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.evict();
    if (sent.packed) this.packWellSoon(key, entry, sent.packed.encoding);
  }

  /** Resolves when the large answers kept so far carry their usual-level compression (for tests). */
  async settled(): Promise<void> {
    await Promise.all(this.repacking);
  }

  /**
   * A large answer was compressed at the fastest level for its first sending: the kept bytes are replaced by the
   * usual level's, made off the event loop, if the entry is still the one kept by then. A failure keeps the fast bytes.
   */
  private packWellSoon(key: string, entry: Entry, encoding: 'br' | 'gzip'): void {
    if (entry.body.length < LARGE_BYTES) return;
    const done = packWell(entry.body, encoding)
      .then((better) => {
        const fast = entry[encoding];
        if (this.entries.get(key) !== entry || !fast || better.length >= fast.length) return;
        entry[encoding] = better;
        entry.bytes += better.length - fast.length;
        this.bytes += better.length - fast.length;
      })
      .catch(() => undefined)
      .finally(() => this.repacking.delete(done));
    this.repacking.add(done);
  }

  get size(): number {
    return this.entries.size;
  }

  private addPacked(key: string, entry: Entry, encoding: 'br' | 'gzip'): Buffer {
    const packed = pack(entry.body, encoding);
    entry[encoding] = packed;
    entry.bytes += packed.length;
    this.bytes += packed.length;
    this.evict();
    this.packWellSoon(key, entry, encoding);
    return packed;
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.drop(key, entry);
    }
  }
}
