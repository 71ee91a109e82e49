/**
 * A province chiso has never seen (Cao Bằng, from the official list), random dossiers written as a real export
 * would write them, imported through the file importer and ranked over HTTP; every figure is then checked against
 * a computation of SPEC §2–§3 written here from scratch, sharing no code with chiso's.
 */
import { CountsCache } from './analytics/counts-cache';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from './http';
import { importFile } from './import/run-import';
import { DuckDbStore } from './store/duckdb/duckdb-store';
import type { Store } from './store/port';
import { close, listen, login, query } from './testing/http-client';
import { AuthService } from './auth/auth-service';
import { seedDemoAccounts } from './auth/demo-accounts';

interface Plain {
  unit: string;
  online: boolean;
  e2e: boolean;
  received: number;
  due: number;
  completed: number | null;
  withdrawn: boolean;
}

const H = 3_600_000;
const D = 24 * H;
const VN = 7 * H;
const ASOF = Date.parse('2025-10-01T09:30:00Z');

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 48271) % 2147483647) / 2147483647);
}

/** Vietnam wall clock written three ways, as exports do. */
function write(t: number, style: number): string {
  const d = new Date(t + VN);
  const p = (n: number) => String(n).padStart(2, '0');
  const [y, mo, da, h, mi, s] = [d.getUTCFullYear(), p(d.getUTCMonth() + 1), p(d.getUTCDate()), p(d.getUTCHours()), p(d.getUTCMinutes()), p(d.getUTCSeconds())];
  if (style === 0) return `${da}/${mo}/${y} ${h}:${mi}:${s}`;
  if (style === 1) return `${y}-${mo}-${da}T${h}:${mi}:${s}+07:00`;
  return `${y}${mo}${da}${h}${mi}${s}`;
}

const half = (x: number) => Math.floor(x * 100 + 0.5 + 1e-9) / 100;

function naive(ds: Plain[], unit: string, start: number, end: number) {
  const e = Math.min(end, ASOF);
  const mine = ds.filter((d) => d.unit === unit && !d.withdrawn && d.received >= start && d.received < e);
  const done = mine.filter((d) => d.completed !== null && d.completed <= e);
  const onTime = mine.filter((d) => (d.completed !== null && d.completed <= e ? d.completed <= d.due : d.due >= e)).length;
  const n = mine.length;
  const online = mine.filter((d) => d.online).length;
  const e2e = mine.filter((d) => d.e2e).length;
  return {
    received: n, online, endToEnd: e2e, onTime,
    overdueOpen: mine.filter((d) => !(d.completed !== null && d.completed <= e) && d.due < e).length,
    onlineRate: n ? half((100 * online) / n) : null,
    endToEndRate: n ? half((100 * e2e) / n) : null,
    onTimeRate: n ? half((100 * onTime) / n) : null,
    avgProcessingDays: done.length ? half(done.reduce((s, d) => s + ((d.completed as number) - d.received), 0) / done.length / D) : null,
    exact: { online: n ? (100 * online) / n : 0, e2e: n ? (100 * e2e) / n : 0, onTime: n ? (100 * onTime) / n : 0 },
  };
}

let store: Store;
let server: Server;
let base: string;
const dossiers: Plain[] = [];
let units: { code: string; kind: string }[] = [];
let cookie = '';

beforeAll(async () => {
  store = await DuckDbStore.open(':memory:');
  const gso = readFileSync(new URL('./seed/data/vn-3321-communes-2025.csv', import.meta.url), 'utf8').split(/\r?\n/);
  const caoBang = [gso[0], ...gso.filter((l) => l.endsWith(',Tỉnh Cao Bằng'))].join('\n');
  expect((await importFile(store, { kind: 'units', source: { buffer: Buffer.from(caoBang) }, fileName: 'cao-bang.csv', actor: null })).ok).toBe(true);
  units = (await store.listUnits()).map((u) => ({ code: u.code, kind: u.kind }));
  expect(units).toHaveLength(56);
  const special = units[0]?.code as string;
  const targets = `measure;kind;unit_code;threshold;effective_from;deadline\nonlineRate;commune;;55;01/09/2025;30/09/2025\nonlineRate;ward;;70;01/09/2025;\nendToEndRate;commune;;15;2025-09-01;\nonTimeRate;commune;;95;2025-09-01;\nonlineRate;;${special};30;2025-09-15;\n`;
  expect((await importFile(store, { kind: 'targets', source: { buffer: Buffer.from(targets) }, fileName: 't.csv', actor: null })).issues).toEqual([]);
  const r = rng(20251001);
  const lines = ['Mã hồ sơ;Mã đơn vị;Mã TTHC;Kênh thực hiện;Toàn trình;Ngày tiếp nhận;Ngày hẹn trả;Ngày hoàn thành;Trạng thái'];
  const start = Date.parse('2025-09-14T17:00:00Z');
  units.forEach((u, ui) => {
    const volume = ui % 9 === 0 ? 12 : 20 + Math.floor(r() * 60);
    const pOnline = 0.2 + r() * 0.7;
    for (let i = 0; i < volume; i++) {
      const received = start + Math.floor(r() * 17 * D);
      const online = r() < pOnline;
      const e2e = online && r() < 0.4;
      const dateOnlyDue = r() < 0.3;
      let due = received + Math.floor(r() * 6 * D);
      if (dateOnlyDue) due = Math.floor((due + VN) / D) * D - VN + D - 1;
      const completed = r() < 0.75 ? received + Math.floor(r() * 7 * D) : null;
      const withdrawn = r() < 0.03;
      dossiers.push({ unit: u.code, online, e2e, received, due, completed: completed !== null && completed <= ASOF + 5 * D ? completed : null, withdrawn });
      const d = dossiers[dossiers.length - 1] as Plain;
      const dueText = dateOnlyDue ? write(due, 0).slice(0, 10) : write(due, i % 3);
      lines.push([`CB-${u.code}-${i}`, u.code, '1.001193.000.00.00.H04', online ? 'Trực tuyến' : r() < 0.5 ? 'Trực tiếp' : 'Bưu chính', e2e ? 'Có' : 'Không', write(received, (i + 1) % 3), dueText, d.completed === null ? '' : write(d.completed, i % 3), withdrawn ? '7' : d.completed === null ? '4' : '10'].join(';'));
    }
  });
  const report = await importFile(store, { kind: 'dossiers', source: { buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}`) }, fileName: 'cao-bang-hoso.csv', actor: null });
  expect(report.issues).toEqual([]);
  await seedDemoAccounts(store, []);
  server = createHttpServer({ deps: { store, cache: new CountsCache(), minVolume: 30, now: () => ASOF }, auth: new AuthService(store, { production: false }), clientDir: null });
  base = await listen(server);
  cookie = await login(base, 'leader', 'leader-demo');
});
afterAll(async () => {
  await close(server);
  await store.close();
});

describe('an unseen province, checked against an independent computation', () => {
  it.each([
    ['2025-W39', undefined], ['2025-W40', undefined], ['2025-09', undefined], ['2025-W39', 'chiso-v1'], ['2025-W40', 'chiso-v1'], ['2025-09', 'chiso-v1'], ['2025-09', 'chiso-v2'],
  ])('ranks %s (index %s) exactly as SPEC computes it', async (period, index) => {
    const res = await query(base, 'kpi.ranking', { period, group: 'commune', asOf: new Date(ASOF).toISOString(), ...(index ? { index } : {}) }, cookie);
    expect(res.status).toBe(200);
    const rows = res.body.result.data.rows as any[];
    const bounds: Record<string, [string, string, string]> = {
      '2025-W39': ['2025-09-21T17:00:00Z', '2025-09-28T17:00:00Z', '2025-W38'],
      '2025-W40': ['2025-09-28T17:00:00Z', '2025-10-05T17:00:00Z', '2025-W39'],
      '2025-09': ['2025-08-31T17:00:00Z', '2025-09-30T17:00:00Z', '2025-08'],
    };
    const [s, e] = (bounds[period] as [string, string, string]).map(Date.parse) as [number, number];
    const special = units[0]?.code;
    const expected = units.map((u) => {
      const m = naive(dossiers, u.code, s, e);
      const tOnline = u.code === special && period !== '2025-09' ? 30 : u.code === special ? 30 : u.kind === 'ward' ? 70 : 55;
      const v1 = (r: number, t: number | null) => (t === null ? (30 * r) / 100 : 30 * Math.min(1, r / t));
      const v2 = (r: number, t: number | null) => (t === null ? (30 * r) / 100 : 30 * (0.8 * Math.min(1, r / t) + 0.2 * (r < t ? 0 : (r - t) / (100 - t))));
      const part = index === 'chiso-v1' ? v1 : v2;
      const value = m.received ? half(0.4 * m.exact.onTime + part(m.exact.online, tOnline) + part(m.exact.e2e, u.kind === 'ward' ? null : 15)) : null;
      const { exact: _exact, ...shown } = m;
      return { unitCode: u.code, ...shown, index: value, ranked: m.received >= 30 };
    });
    const ranked = expected.filter((x) => x.ranked).sort((a, b) => (b.index as number) - (a.index as number));
    const rankOf = (code: string) => {
      const me = ranked.find((x) => x.unitCode === code);
      return me ? 1 + ranked.filter((x) => (x.index as number) > (me.index as number)).length : null;
    };
    expect(res.body.result.data.index).toEqual({ id: index ?? 'chiso-v2', version: 1 });
    expect(rows).toHaveLength(units.length);
    for (const want of expected) {
      const got = rows.find((x) => x.unitCode === want.unitCode);
      const { ranked: isRanked, ...figures } = want;
      expect(got).toMatchObject({ ...figures, rank: rankOf(want.unitCode), status: isRanked ? 'ranked' : 'insufficient-data' });
      const onlineFlag = got.flags.find((f: any) => f.measure === 'onlineRate');
      const threshold = onlineFlag.target as number;
      const n = want.received;
      const below = n > 0 && 100 * want.online < threshold * n;
      expect(onlineFlag.state).toBe(n === 0 ? 'no-data' : below ? 'below' : 100 * want.online < (threshold + 5) * n && want.online < n ? 'at-risk' : 'met');
    }
    const firstUnranked = rows.findIndex((x) => x.rank === null);
    if (firstUnranked >= 0) expect(rows.slice(firstUnranked).every((x) => x.rank === null)).toBe(true);
  });
});
