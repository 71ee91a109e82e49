import { DuckDbStore } from '../server/store/duckdb/duckdb-store';
import { seedDemo } from '../server/seed/seed-demo';
const t0 = Date.now();
const store = await DuckDbStore.open('/tmp/demo.duckdb');
const s = await seedDemo(store, Date.now());
console.log(s, (Date.now() - t0) / 1000, 's', process.memoryUsage().rss / 1e6, 'MB');
await store.close();
