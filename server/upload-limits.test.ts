import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from './env';
import { createHttpServer } from './http';
import type { Store } from './store/port';
import { fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from './testing/fixture';
import { close, listen, login } from './testing/http-client';
import { uploadLimits } from './upload';

let store: Store;
let server: Server;
let base: string;
let officer: string;

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
  server = createHttpServer({ deps: fixtureDeps(store), auth: fixtureAuth(store), clientDir: null, uploads: uploadLimits(readEnv({ CHISO_MAX_UPLOAD_MB: '1', CHISO_MAX_ROWS: '50' })) });
  base = await listen(server);
  officer = await login(base, 'officer', 'officer-demo');
});
afterAll(async () => {
  await close(server);
  await store.close();
});

const upload = (kind: string, body: BodyInit, init: RequestInit = {}) =>
  fetch(`${base}/api/imports?kind=${kind}`, { method: 'POST', body, ...init, headers: { 'x-file-name': `${kind}.csv`, cookie: officer, ...init.headers } });

/** A body sent in pieces without a Content-Length, as a script may send it. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const piece = new TextEncoder().encode(`${'x'.repeat(64 * 1024 - 1)}\n`);
      sent += piece.length;
      controller.enqueue(piece);
    },
  });
}

describe('upload limits (CHISO_MAX_UPLOAD_MB, CHISO_MAX_ROWS)', () => {
  it('are read from the environment, with defaults of 200 MB and 5,000,000 rows, and refused when not whole numbers', () => {
    expect(uploadLimits(readEnv({}))).toEqual({ maxBytes: 200 * 1024 * 1024, maxRows: 5_000_000, maxEvidenceBytes: 10 * 1024 * 1024 });
    expect(uploadLimits(readEnv({ CHISO_MAX_UPLOAD_MB: '50', CHISO_MAX_ROWS: '1000', CHISO_MAX_EVIDENCE_MB: '2' }))).toEqual({ maxBytes: 50 * 1024 * 1024, maxRows: 1000, maxEvidenceBytes: 2 * 1024 * 1024 });
    expect(() => readEnv({ CHISO_MAX_UPLOAD_MB: '2.5' })).toThrow(/CHISO_MAX_UPLOAD_MB/);
    expect(() => readEnv({ CHISO_MAX_ROWS: 'many' })).toThrow(/CHISO_MAX_ROWS/);
  });

  it('refuse a file whose declared size is over the limit, before reading it', async () => {
    const res = await upload('units', 'x'.repeat(1024 * 1024 + 1));
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toBe('The file is larger than 1 MB, the most one upload may send: split it into smaller files.');
  });

  it('refuse a streamed body once it passes the limit, whatever it claimed', async () => {
    const res = await upload('units', streamed(5 * 1024 * 1024), { duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/larger than 1 MB/);
  });

  it('refuse a file with more rows than allowed, by the line where it stopped', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `U${i},Phường ${i},ward`).join('\n');
    const res = await upload('units', `code,name,kind\n${rows}\n`);
    expect(res.status).toBe(422);
    expect((await res.json()).issues).toEqual([{ line: 51, column: null, value: null, reason: 'the file has more than 50 rows: split it into files of at most 50 rows', message: { code: 'import.file.tooManyRows', params: { max: 50 } } }]);
  });

  it('let two uploads sent at once both through, one import after the other', async () => {
    const file = (prefix: string) => `code,name,kind\n${Array.from({ length: 40 }, (_, i) => `${prefix}${i},Phường ${i},ward`).join('\n')}\n`;
    const [a, b] = await Promise.all([upload('units', file('A')), upload('units', file('B'))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const [first, second] = [(await a.json()).record, (await b.json()).record].sort((x, y) => x.id - y.id);
    expect(Date.parse(second.startedAt)).toBeGreaterThanOrEqual(Date.parse(first.finishedAt));
  });
});
