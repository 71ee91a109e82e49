import type { Server } from 'node:http';
import { errorFields, type Logger } from './log';

export interface ShutdownOptions {
  server: Server;
  /** Releases what the server held (the scheduler, the database), after the last request has been answered. */
  release: () => Promise<void>;
  log: Logger;
  exit: (code: number) => void;
  /** How long requests in flight may take before the process exits anyway. */
  graceMs?: number;
}

/**
 * The SIGTERM/SIGINT handler: stop accepting connections, let the requests in flight finish, release the database,
 * exit 0. A request that hangs cannot keep the process alive past `graceMs`; a second signal exits at once.
 */
export function gracefulShutdown({ server, release, log, exit, graceMs = 10_000 }: ShutdownOptions): (signal: string) => void {
  let stopping = false;
  return (signal) => {
    if (stopping) {
      log('warn', 'second signal: exiting now', { signal });
      exit(1);
      return;
    }
    stopping = true;
    log('info', 'shutting down', { signal });
    const hard = setTimeout(() => {
      log('error', `requests still running after ${graceMs} ms: exiting anyway`, { signal });
      exit(1);
    }, graceMs);
    hard.unref();
    /** A keep-alive connection would hold the server open until it times out: each is closed as soon as it is idle. */
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    sweep.unref();
    server.close(() => {
      clearInterval(sweep);
      release()
        .then(() => {
          clearTimeout(hard);
          log('info', 'stopped', { signal });
          exit(0);
        })
        .catch((error: unknown) => {
          clearTimeout(hard);
          log('error', 'could not release the database cleanly', errorFields(error));
          exit(1);
        });
    });
  };
}
