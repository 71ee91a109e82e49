import { DuckDBInstance } from '@duckdb/node-api';
const db = await DuckDBInstance.create(process.argv[2] as string, { access_mode: 'READ_ONLY', threads: '2' });
const c = await db.connect();
async function time(label: string, sql: string) {
  for (let i = 0; i < 3; i++) await c.runAndReadAll(sql);
  const t = process.hrtime.bigint();
  for (let i = 0; i < 10; i++) await c.runAndReadAll(sql);
  console.log(label, (Number(process.hrtime.bigint() - t) / 1e7).toFixed(1), 'ms');
}
const W = `received_at >= TIMESTAMP '2026-03-31 17:00:00' AND received_at < TIMESTAMP '2026-06-30 17:00:00'`;
await time('count only', `SELECT count(*) FROM dossiers WHERE ${W}`);
await time('group count', `SELECT unit_code, count(*) FROM dossiers WHERE ${W} GROUP BY 1`);
await time('group 5 filters', `SELECT unit_code, count(*), count(*) FILTER (WHERE channel='online'), count(*) FILTER (WHERE end_to_end), count(*) FILTER (WHERE completed_at <= due_at), sum(epoch_ms(completed_at) - epoch_ms(received_at)) FROM dossiers WHERE ${W} GROUP BY 1`);
await time('make_timestamp count', `SELECT count(*) FROM dossiers WHERE received_at >= make_timestamp(1775000000000000) AND received_at < make_timestamp(1782840000000000)`);
await time('total scan count', `SELECT count(*) FROM dossiers`);
const r = await c.runAndReadAll(`SELECT count(*) FROM dossiers WHERE ${W}`); console.log(r.getRows());
