import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../env';
import { createHttpServer } from '../http';
import type { Store } from '../store/port';
import { fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from '../testing/fixture';
import { close, listen, login, query } from '../testing/http-client';
import { makeZip, workbook } from '../testing/xlsx-parts';
import { uploadLimits } from '../upload';
import { cleanFileName, evidenceKindOf, kindByName } from './file-kind';

let store: Store;
let server: Server;
let base: string;
const cookies: Record<string, string> = {};

const KEY = { indicator: 'PUBLISH_ON_TIME', unit: '00070', period: '2025-07' };
const LETTER = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(20_000, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 0)]);
const OLD_EXCEL = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500, 0)]);
const MB = 1024 * 1024;

const docx = () => makeZip([{ name: '[Content_Types].xml', pieces: ['<Types/>'] }, { name: 'word/document.xml', pieces: ['<w:document/>'] }]);

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
  const entry = { actor: 'x', action: 'value.report', target: null, before: null, after: null, address: null };
  for (const unitCode of ['00070', '00082']) {
    await store.submitIndicatorValue({ indicator: 'PUBLISH_ON_TIME', unitCode, period: '2025-07', numerator: 9, denominator: 10, value: 90, note: null }, `head-${unitCode}`, entry);
  }
  server = createHttpServer({ deps: fixtureDeps(store), auth: fixtureAuth(store), clientDir: null, uploads: uploadLimits(readEnv({ CHISO_MAX_EVIDENCE_MB: '1' })) });
  base = await listen(server);
  for (const [who, password] of [['head-00070', 'head-demo'], ['head-00082', 'head-demo'], ['officer', 'officer-demo'], ['leader', 'leader-demo'], ['admin', 'admin-demo']]) {
    cookies[who as string] = await login(base, who as string, password as string);
  }
});
afterAll(async () => {
  await close(server);
  await store.close();
});

function attach(who: string, body: BodyInit | Buffer, fileName: string, key: Record<string, string> = KEY, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/evidence?${new URLSearchParams(key)}`, {
    method: 'POST', body: body as BodyInit, duplex: 'half',
    headers: { 'x-file-name': encodeURIComponent(fileName), origin: base, cookie: cookies[who] ?? '', ...headers },
  } as RequestInit);
}

/** What a refused upload must leave as it was. */
async function state() {
  const records = await store.listValueRecords({ unitCode: null, period: '2025-07' });
  return { version: await store.dataVersion(), audit: (await store.listAudit(1000, 0)).length, evidence: records.map((r) => r.evidence?.id ?? null) };
}

async function refused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { message: string; detail: { code: string } } };
  expect(body.error.detail.code).toBe(code);
  expect(body.error.message).not.toBe('');
}

describe('the kind of an evidence file', () => {
  it('is read from its content, not from its name', async () => {
    expect(await evidenceKindOf(LETTER)).toBe('pdf');
    expect(await evidenceKindOf(PNG)).toBe('png');
    expect(await evidenceKindOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect(await evidenceKindOf(await workbook(['<worksheet/>']))).toBe('xlsx');
    expect(await evidenceKindOf(Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer()))).toBe('xlsx');
    expect(await evidenceKindOf(await docx())).toBe('docx');
    for (const other of [HTML, EXE, OLD_EXCEL, Buffer.from('PK\u0003\u0004 broken'), Buffer.alloc(0), await makeZip([{ name: 'a.txt', pieces: ['x'] }])]) {
      expect(await evidenceKindOf(other)).toBeNull();
    }
    expect([kindByName('CV.PDF'), kindByName('scan.JPG'), kindByName('a.jpeg'), kindByName('bang.xlsx'), kindByName('a.html'), kindByName('pdf')]).toEqual(['pdf', 'jpeg', 'jpeg', 'xlsx', null, null]);
  });

  it('keeps a name to show and send back: its last segment, without control or direction characters', () => {
    expect(cleanFileName('C:\\Users\\cb\\Công văn 12.pdf')).toBe('Công văn 12.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('bao\u202Efdp.exe')).toBe('baofdp.exe');
    expect(cleanFileName(`${'a'.repeat(300)}.pdf`)).toBe(`${'a'.repeat(196)}.pdf`);
  });
});

describe('POST /api/evidence', () => {
  it('lets a unit head attach a PDF to their value: the round shows it at once, and the city downloads the same bytes as an attachment', async () => {
    const rowOf = async () => {
      const round = await query(base, 'indicators.round', { period: '2025-07' }, cookies.leader);
      return (round.body.result.data.rows as { indicator: string; unitCode: string; record: { evidence: unknown } | null }[]).find((r) => r.indicator === 'PUBLISH_ON_TIME' && r.unitCode === '00070');
    };
    expect((await rowOf())?.record?.evidence).toBeNull(); // and now the answer is cached for this data version
    const before = await store.dataVersion();
    const res = await attach('head-00070', LETTER, 'Công văn số 12.pdf');
    expect(res.status).toBe(200);
    const attached = (await res.json()) as { id: number; fileName: string; contentType: string; size: number; sha256: string };
    expect(attached).toMatchObject({ fileName: 'Công văn số 12.pdf', contentType: 'application/pdf', size: LETTER.length, sha256: createHash('sha256').update(LETTER).digest('hex') });
    expect(await store.dataVersion()).toBeGreaterThan(before);

    expect((await rowOf())?.record?.evidence).toMatchObject({ id: attached.id, fileName: 'Công văn số 12.pdf', size: LETTER.length });

    const download = await fetch(`${base}/api/evidence/${attached.id}`, { headers: { cookie: cookies.leader as string } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Cong_van_so_12.pdf"; filename*=UTF-8''${encodeURIComponent('Công văn số 12.pdf')}`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await download.arrayBuffer()).equals(LETTER)).toBe(true);

    const audit = await store.listAudit(2, 0);
    expect(audit.map((a) => [a.action, a.actor, a.target])).toEqual([['evidence.download', 'leader', 'PUBLISH_ON_TIME/00070/2025-07'], ['evidence.attach', 'head-00070', 'PUBLISH_ON_TIME/00070/2025-07']]);
  });

  it('takes a spreadsheet or a Word document from a data officer or an admin, typed by content; the newest replaces the last', async () => {
    const sheet = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    const res = await attach('officer', sheet, 'so-lieu.xlsx', { ...KEY, unit: '00082' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const word = await attach('admin', await docx(), 'Báo cáo.docx', { ...KEY, unit: '00082' });
    expect(word.status).toBe(200);
    const [record] = await store.listValueRecords({ unitCode: '00082', period: '2025-07' });
    expect(record?.evidence).toMatchObject({ fileName: 'Báo cáo.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', actor: 'admin' });
  });

  it('refuses, writing nothing: another unit, the wrong role, a type that is not one by content, too big, a forged origin, an unknown value', async () => {
    const start = await state();
    await refused(await attach('head-00070', LETTER, 'cv.pdf', { ...KEY, unit: '00082' }), 403, 'evidence.otherUnit');
    await refused(await attach('leader', LETTER, 'cv.pdf'), 403, 'evidence.role');
    await refused(await attach('head-00070', HTML, 'cv.pdf'), 415, 'evidence.type');
    await refused(await attach('head-00070', EXE, 'cv.pdf'), 415, 'evidence.type');
    await refused(await attach('head-00070', OLD_EXCEL, 'bang.xlsx'), 415, 'evidence.type');
    await refused(await attach('head-00070', LETTER, 'cv.html'), 415, 'evidence.type');
    await refused(await attach('head-00070', PNG, 'cv.pdf'), 415, 'evidence.nameMismatch');
    await refused(await attach('head-00070', Buffer.alloc(0), 'cv.pdf'), 400, 'evidence.empty');
    await refused(await attach('head-00070', Buffer.concat([LETTER, Buffer.alloc(MB)]), 'cv.pdf'), 413, 'evidence.tooLarge');
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 3 * MB) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(sent === 64 * 1024 ? new Uint8Array(Buffer.concat([LETTER, Buffer.alloc(64 * 1024 - LETTER.length)])) : new Uint8Array(64 * 1024));
      },
    });
    await refused(await attach('head-00070', stream, 'cv.pdf'), 413, 'evidence.tooLarge');
    await refused(await attach('head-00070', LETTER, 'cv.pdf', KEY, { origin: 'http://evil.example' }), 403, 'upload.otherSite');
    await refused(await fetch(`${base}/api/evidence?${new URLSearchParams(KEY)}`, { method: 'POST', body: LETTER, headers: { cookie: cookies['head-00070'] as string } }), 403, 'upload.noFileName');
    await refused(await attach('head-00070', LETTER, 'cv.pdf', { ...KEY, period: '2025-06' }), 404, 'evidence.noValue');
    await refused(await attach('officer', LETTER, 'cv.pdf', { ...KEY, indicator: 'DOSSIER_SYNC' }), 404, 'evidence.noValue');
    await refused(await attach('officer', LETTER, 'cv.pdf', { ...KEY, period: 'tháng 7' }), 400, 'evidence.key');
    await refused(await attach('officer', LETTER, 'cv.pdf', { unit: '00070' }), 400, 'evidence.key');
    await refused(await attach('officer', LETTER, 'cv.pdf', KEY, { 'x-file-name': '%E0%A4%A' }), 400, 'upload.badFileName');
    expect((await attach('nobody', LETTER, 'cv.pdf')).status).toBe(401);
    expect(await state()).toEqual(start);
  });
});

describe('GET /api/evidence/ID', () => {
  it('serves a unit head their own unit only, everyone else all; unknown ids are 404', async () => {
    const [own] = await store.listValueRecords({ unitCode: '00070', period: '2025-07' });
    const [other] = await store.listValueRecords({ unitCode: '00082', period: '2025-07' });
    const get = (id: number | string, who: string) => fetch(`${base}/api/evidence/${id}`, { headers: { cookie: cookies[who] ?? '' } });
    const audits = (await store.listAudit(1000, 0)).length;
    await refused(await get(other?.evidence?.id as number, 'head-00070'), 403, 'access.otherUnit');
    await refused(await get(own?.evidence?.id as number, 'head-00082'), 403, 'access.otherUnit');
    for (const id of ['999999', 'abc', '1e3', '-1', '99999999999999999999']) await refused(await get(id, 'admin'), 404, 'evidence.unknown');
    expect((await get(own?.evidence?.id as number, 'nobody')).status).toBe(401);
    expect(await store.listAudit(1000, 0)).toHaveLength(audits);
    for (const who of ['head-00070', 'officer', 'admin', 'leader']) expect((await get(own?.evidence?.id as number, who)).status).toBe(200);
    const docx = await get(other?.evidence?.id as number, 'head-00082');
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect((await fetch(`${base}/api/evidence/${own?.evidence?.id}`, { method: 'DELETE', headers: { cookie: cookies.admin as string } })).status).toBe(405);
    expect((await fetch(`${base}/api/evidence`, { headers: { cookie: cookies.admin as string } })).status).toBe(405);
  });
});
