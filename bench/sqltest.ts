import { DuckDBInstance } from '@duckdb/node-api';
import { mustParsePeriod } from '../shared/kpi/periods';
import { periodsBack } from '../server/analytics/history';
import { COUNT_COLUMNS, windowsCte } from '../server/store/duckdb/sql';
const db = await DuckDBInstance.create(process.argv[2] as string, { access_mode: 'READ_ONLY', threads: '2' });
const c = await db.connect();
async function time(label: string, sql: string) {
  for (let i = 0; i < 3; i++) await c.runAndReadAll(sql);
  const t = process.hrtime.bigint();
  for (let i = 0; i < 10; i++) await c.runAndReadAll(sql);
  console.log(label, (Number(process.hrtime.bigint() - t) / 1e7).toFixed(1), 'ms');
}
const q = mustParsePeriod('2026-Q2');
for (const n of [1, 2, 13]) {
  const ps = periodsBack(q, n);
  const ws = ps.map((p) => ({ start: p.start, cutOff: p.end }));
  const lo = Math.min(...ws.map((w) => w.start)), hi = Math.max(...ws.map((w) => w.cutOff));
  await time(`join ${n}`, `WITH ${windowsCte(ws)} SELECT d.unit_code, w.idx, ${COUNT_COLUMNS} FROM dossiers d JOIN w ON d.received_at >= w.s AND d.received_at < w.e WHERE d.counted AND d.received_at >= make_timestamp(${lo * 1000}) AND d.received_at < make_timestamp(${hi * 1000}) GROUP BY 1, 2`);
  const cases = ws.map((w, i) => `WHEN received_at >= make_timestamp(${w.start * 1000}) THEN ${i}`).join(' ');
  await time(`case ${n}`, `WITH ${windowsCte(ws)} SELECT d.unit_code, w.idx, ${COUNT_COLUMNS} FROM (SELECT *, CASE ${cases} END AS idx FROM dossiers WHERE counted AND received_at >= make_timestamp(${lo * 1000}) AND received_at < make_timestamp(${hi * 1000})) d JOIN w ON w.idx = d.idx AND d.received_at < w.e GROUP BY 1, 2`);
}
