import { resolve } from 'node:path';
import type { CommandHost } from './cli-commands';
import { isPostgresUrl, type Env } from './env';
import { analyticsDeps, openStore } from './open-store';

/** The command line's own process: opens the database for the command and always closes it (DuckDB holds a lock until then). */
export function ownProcessHost(env: Env): CommandHost {
  const db = isPostgresUrl(env.CHISO_DB) || env.CHISO_DB === ':memory:' ? null : resolve(env.CHISO_DB);
  const backups = () => import('./backup');
  return {
    env,
    serving: false,
    withDeps: async (work) => {
      const store = await (db ? (await backups()).plainly(db, () => openStore(env)) : openStore(env));
      try {
        return await work(analyticsDeps(store, env));
      } finally {
        await store.close();
      }
    },
    dataChanged: async () => undefined,
    backup: async (file) => (await backups()).backupDatabase(env.CHISO_DB, file),
    restore: async (file, force) => (await backups()).restoreDatabase(env.CHISO_DB, file, force),
  };
}
