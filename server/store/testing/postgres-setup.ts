import type { TestProject } from 'vitest/node';
import { startThrowawayCluster } from '../postgres/throwaway-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server for the contract tests (a URL whose role may create databases), or why there is none. */
    postgres: { url: string } | { problem: string };
  }
}

/**
 * vitest's global setup: the contract tests run on PostgreSQL too. `CHISO_TEST_PG_URL` names a server to use;
 * otherwise a throwaway cluster is started from Debian's binaries and stopped at the end. Without either, the
 * PostgreSQL tests fail with the reason (they are never skipped).
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.CHISO_TEST_PG_URL;
  if (given) {
    project.provide('postgres', { url: given });
    return undefined;
  }
  try {
    const cluster = await startThrowawayCluster();
    process.once('exit', cluster.stop);
    project.provide('postgres', { url: cluster.url });
    return () => {
      process.off('exit', cluster.stop);
      cluster.stop();
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    project.provide('postgres', {
      problem: `PostgreSQL is needed for the storage contract tests and none could be started (${reason}). Install it (apt-get install postgresql) or set CHISO_TEST_PG_URL to a server whose role may create databases.`,
    });
    return undefined;
  }
}
