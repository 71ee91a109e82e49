import { warmCache } from './analytics/warm';
import type { AnalyticsDeps } from './analytics/deps';
import { backupDatabase, heldAccess, restoreDatabase } from './backup';
import type { CommandHost } from './cli-commands';
import type { Env } from './env';
import { DuckDbStore } from './store/duckdb/duckdb-store';

/**
 * A running server, for the command line (docs/decisions/020): commands use the server's store and caches, so its
 * next answers include what they changed; backup and restore go through the store that holds the file.
 */
export function servingHost(env: Env, deps: AnalyticsDeps): CommandHost {
  const { store } = deps;
  const held = store instanceof DuckDbStore ? heldAccess(store) : undefined;
  return {
    env,
    serving: true,
    withDeps: (work) => work(deps),
    dataChanged: (changed: AnalyticsDeps) => warmCache(changed),
    backup: (file) => backupDatabase(env.CHISO_DB, file, held),
    restore: async (file, force) => {
      const said = await restoreDatabase(env.CHISO_DB, file, force, held);
      await warmCache(deps);
      return said;
    },
  };
}
