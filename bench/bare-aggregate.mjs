// The floor for a command-line ranking: a bare Node process that opens the DuckDB file and runs one aggregate over
// a quarter (dossiers and the on-time/online counts per unit), with nothing of chiso loaded. Plain JavaScript, so
// no compiler runs. `node bench/bare-aggregate.mjs DB 2025-07-01 2025-10-01`
import { DuckDBInstance } from '@duckdb/node-api';

const [db, from, to] = process.argv.slice(2);
const instance = await DuckDBInstance.create(db, { memory_limit: '512MB', threads: '2' });
const c = await instance.connect();
const rows = (
  await c.runAndReadAll(
    `SELECT unit_code, count(*) AS received,
            count(*) FILTER (WHERE channel = 'online') AS online,
            count(*) FILTER (WHERE completed_at IS NOT NULL AND completed_at <= due_at) AS on_time,
            avg(epoch(completed_at - received_at) / 86400) AS days
       FROM dossiers
      WHERE counted AND received_at >= $from::TIMESTAMP - INTERVAL 7 HOUR AND received_at < $to::TIMESTAMP - INTERVAL 7 HOUR
      GROUP BY unit_code ORDER BY unit_code`,
    { from, to },
  )
).getRowObjectsJS();
process.stdout.write(`${JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? Number(v) : v)).length} bytes, ${rows.length} units\n`);
c.closeSync();
instance.closeSync();
