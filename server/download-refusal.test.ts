/**
 * Downloads opened by a link — a stored report, Biểu 06, a unit's annex, the view exports, an evidence file — are
 * refused as messages of the catalogue: JSON with the code for the dashboard and API clients, and for a browser
 * opening the link a small page in the reader's language with the way back, never a stack trace.
 */
import type { IncomingMessage, Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES_VI } from '../shared/messages/vi';
import { MESSAGES_EN } from '../shared/messages/en';
import { createHttpServer } from './http';
import { readerLanguage, refusalPage, wantsPage } from './download-refusal';
import { msg, type MessageCode } from '../shared/messages/catalogue';
import type { Store } from './store/port';
import { fixtureAuth, fixtureDeps, fixtureStoreWithAccounts } from './testing/fixture';
import { close, listen, login } from './testing/http-client';

/** What Chromium sends when a link is opened in the tab. */
const NAVIGATION = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
/** The longest stretch of a message's text between its parameters, as the page writes it. */
const longestLiteral = (template: string) =>
  template.split(/\{\{\s*\w+\s*\}\}/).sort((a, b) => b.length - a.length)[0]?.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) ?? '';
const STACK = /\bat \S+ \(|node:internal|\.ts:\d+|Error:/;

let store: Store;
let server: Server;
let base: string;
/** A server whose store fails when a stored report is read: the answer to an error nobody foresaw. */
let broken: Server;
let brokenBase: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  store = await fixtureStoreWithAccounts();
  server = createHttpServer({ deps: fixtureDeps(store), auth: fixtureAuth(store), clientDir: null });
  base = await listen(server);
  const failing = new Proxy(store, {
    get: (target, name, receiver) => (name === 'reportContent' ? () => Promise.reject(new Error('disk on fire at /var/lib/chiso/db.duckdb')) : Reflect.get(target, name, receiver)),
  });
  broken = createHttpServer({ deps: fixtureDeps(failing), auth: fixtureAuth(store), clientDir: null });
  brokenBase = await listen(broken);
  for (const [who, password] of [['leader', 'leader-demo'], ['head-00070', 'head-demo']] as const) cookies[who] = await login(base, who, password);
});

afterAll(async () => {
  await close(server);
  await close(broken);
  await store.close();
});

function get(path: string, headers: Record<string, string> = {}, who: string | null = 'leader', at = base) {
  return fetch(`${at}${path}`, { headers: { ...(who ? { cookie: cookies[who] ?? '' } : {}), ...headers } });
}

/** Every download route's refusals: the path, who asks, and the status, code and link parameter expected. */
const REFUSALS = [
  { name: 'a stored report that does not exist', path: '/api/reports/424242', who: 'leader', status: 404, code: 'report.unknown', field: undefined },
  { name: 'a period of Biểu 06 not written as one', path: '/api/reports/form06.xlsx?period=Q3', who: 'leader', status: 400, code: 'period.notPeriod', field: undefined },
  { name: 'a group Biểu 06 does not have', path: '/api/reports/form06.xlsx?period=2025-Q3&group=province', who: 'leader', status: 400, code: 'value.notOneOf', field: 'group' },
  { name: 'another unit\'s annex for a unit head', path: '/api/reports/annex?unit=00082&period=2025-W31', who: 'head-00070', status: 403, code: 'access.otherUnit', field: undefined },
  { name: 'the annex of a unit that does not exist', path: '/api/reports/annex?unit=99999&period=2025-W31', who: 'leader', status: 404, code: 'unit.unknown', field: undefined },
  { name: 'a ranking export of a week that does not exist', path: '/api/exports/rankings.xlsx?period=2025-W99', who: 'leader', status: 400, code: 'period.badWeek', field: undefined },
  { name: 'a ranking export of a group the page does not have', path: '/api/exports/rankings.xlsx?period=2025-W31&group=city', who: 'leader', status: 400, code: 'value.notOneOf', field: 'group' },
  { name: 'a ranking export with a search too long', path: `/api/exports/rankings.xlsx?period=2025-W31&q=${'a'.repeat(101)}`, who: 'leader', status: 400, code: 'value.tooLong', field: 'q' },
  { name: 'an export that does not exist', path: '/api/exports/secrets.xlsx?period=2025-W31', who: 'leader', status: 404, code: 'export.unknown', field: undefined },
  { name: 'an evidence file that does not exist', path: '/api/evidence/777', who: 'leader', status: 404, code: 'evidence.unknown', field: undefined },
  { name: 'any download without a session', path: '/api/reports/1', who: null, status: 401, code: 'auth.signIn', field: undefined },
] as const satisfies readonly { name: string; path: string; who: string | null; status: number; code: MessageCode; field: string | undefined }[];

describe('a refused download, asked for by the dashboard or an API client', () => {
  it.each(REFUSALS)('$name: $status with its code as JSON, the English text beside it', async ({ path, who, status, code, field }) => {
    const res = await get(path, { accept: 'application/json' }, who);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error: { message: string; detail: { code: string }; field?: string } };
    expect(body.error.detail.code).toBe(code);
    expect(body.error.field).toBe(field);
    expect(body.error.message).not.toBe('');
    if (field) expect(body.error.message.startsWith(`${field}: `)).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(STACK);
  });

  it('a fetch that asks for anything (*/*) gets JSON too', async () => {
    const res = await get('/api/reports/424242', { accept: '*/*' });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('a refused download opened in the browser', () => {
  it.each(REFUSALS)('$name: $status as a page in Vietnamese by default, with the way back', async ({ path, who, status, code }) => {
    const res = await get(path, { accept: NAVIGATION }, who);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-language')).toBe('vi');
    const page = await res.text();
    expect(page).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(page).toContain('<h1>Không tải được tệp</h1>');
    // The message itself, in Vietnamese (its parameters filled in), not its English text.
    expect(page).toContain(longestLiteral(MESSAGES_VI[code]));
    expect(page).not.toContain(longestLiteral(MESSAGES_EN[code]));
    if (status === 401) expect(page).toContain('<a href="/login">Đăng nhập</a>');
    else expect(page).toContain('<a href="/">Về trang tổng quan</a>');
    expect(page).not.toMatch(STACK);
    // Complete in itself: nothing to load, nothing to run.
    expect(page).not.toMatch(/<script|<link|src=|url\(/);
  });

  it('names the link parameter a refusal is about', async () => {
    const vi = await (await get('/api/exports/rankings.xlsx?period=2025-W31&group=city', { accept: NAVIGATION })).text();
    expect(vi).toContain('Tham số “group” của đường dẫn: không phải một trong commune, department');
    const en = await (await get('/api/exports/rankings.xlsx?period=2025-W31&group=city&lang=en', { accept: NAVIGATION })).text();
    expect(en).toContain('The link’s “group”: is not one of commune, department');
  });

  it('is in English when the dashboard is (its cookie), or the link or the browser asks for it', async () => {
    const english = async (headers: Record<string, string>, path = '/api/reports/424242') => {
      const res = await get(path, { accept: NAVIGATION, ...headers });
      const page = await res.text();
      return res.headers.get('content-language') === 'en' && page.includes('<html lang="en">') && page.includes('<h1>The file could not be downloaded</h1>') && page.includes('There is no such report.');
    };
    expect(await english({ cookie: `${cookies.leader}; chiso.language=en` })).toBe(true);
    expect(await english({ 'accept-language': 'en-GB,en;q=0.9' })).toBe(true);
    // The dashboard's choice wins over the browser's languages; the link's own wins over both.
    expect(await english({ cookie: `${cookies.leader}; chiso.language=vi`, 'accept-language': 'en' })).toBe(false);
    expect(await english({ cookie: `${cookies.leader}; chiso.language=vi` }, '/api/reports/424242?lang=en')).toBe(true);
  });

  it('writes what the reader typed into the link as text, never as markup', async () => {
    const res = await get(`/api/reports/form06.xlsx?period=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, { accept: NAVIGATION });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(page).not.toContain('<img');
  });

  it('an error nobody foresaw: 500 with the request to quote, and no stack trace or path, as a page and as JSON', async () => {
    const res = await get('/api/reports/1', { accept: NAVIGATION, 'accept-language': 'en' }, 'leader', brokenBase);
    expect(res.status).toBe(500);
    const page = await res.text();
    const id = res.headers.get('x-request-id');
    expect(page).toContain('Something went wrong on the server; nothing was written.');
    if (id) expect(page).toContain(id);
    expect(page).not.toMatch(/disk on fire|\/var\/lib|duckdb/);
    expect(page).not.toMatch(STACK);
    const json = await get('/api/reports/1', { accept: 'application/json' }, 'leader', brokenBase);
    expect(json.status).toBe(500);
    const body = (await json.json()) as { error: { detail: { code: string } } };
    expect(body.error.detail.code).toBe('server.internalQuote');
    expect(JSON.stringify(body)).not.toMatch(/disk on fire|\/var\/lib/);
  });
});

describe('the reader\'s language', () => {
  const req = (url: string, headers: Record<string, string>) => ({ url, headers }) as unknown as IncomingMessage;

  it('follows the link, then the dashboard\'s cookie, then the browser\'s languages by weight, else Vietnamese', () => {
    expect(readerLanguage(req('/api/reports/1', {}))).toBe('vi');
    expect(readerLanguage(req('/api/reports/1', { 'accept-language': 'fr-FR,fr;q=0.9' }))).toBe('vi');
    expect(readerLanguage(req('/api/reports/1', { 'accept-language': 'fr-FR,en;q=0.5,vi;q=0.4' }))).toBe('en');
    expect(readerLanguage(req('/api/reports/1', { 'accept-language': 'en;q=0.2,vi-VN;q=0.8' }))).toBe('vi');
    expect(readerLanguage(req('/api/reports/1', { 'accept-language': 'vi;q=0,en' }))).toBe('en');
    expect(readerLanguage(req('/api/reports/1', { cookie: 'chiso_session=x; chiso.language=en', 'accept-language': 'vi' }))).toBe('en');
    expect(readerLanguage(req('/api/reports/1', { cookie: 'chiso.language=de', 'accept-language': 'en' }))).toBe('en');
    expect(readerLanguage(req('/api/reports/1?lang=vi', { cookie: 'chiso.language=en' }))).toBe('vi');
  });

  it('takes a browser navigation for one that shows a page, and a fetch for one that does not', () => {
    expect(wantsPage(req('/', { accept: NAVIGATION }))).toBe(true);
    expect(wantsPage(req('/', { accept: '*/*' }))).toBe(false);
    expect(wantsPage(req('/', {}))).toBe(false);
  });

  it('the page counts and dates the reader\'s way', () => {
    const vi = refusalPage(413, msg('evidence.tooLarge', { mb: 1200 }), null, 'vi');
    expect(vi).toContain('1.200 MB');
    expect(refusalPage(413, msg('evidence.tooLarge', { mb: 1200 }), null, 'en')).toContain('1,200 MB');
  });
});
