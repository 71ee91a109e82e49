import { CountsCache } from '../server/analytics/counts-cache';
import { CHISO_V1 } from '../shared/kpi/reform-index';
import { createHttpServer } from '../server/http';
import { DuckDbStore } from '../server/store/duckdb/duckdb-store';

/** The API alone on a benchmark database, in its own process so its memory can be read. */
const store = await DuckDbStore.open(process.env.CHISO_DB as string, { memoryLimit: process.env.CHISO_DB_MEMORY ?? '512MB' });
const server = createHttpServer({ deps: { store, cache: new CountsCache(), definition: CHISO_V1, minVolume: 30, now: Date.now }, clientDir: null });
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
