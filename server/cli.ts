import { resolve } from 'node:path';
import { handToServer } from './cli-channel';
import { runCommand, type CommandIo } from './cli-commands';
import { ownProcessHost } from './cli-hosts';
import { readPassword } from './cli-user';
import { isPostgresUrl, readEnv } from './env';

const io: CommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readPassword,
  cwd: process.cwd(),
};

/**
 * `npm run chiso -- …`. On DuckDB, a running server holds the database file: the command is handed to it over its
 * command channel and it does the work (docs/decisions/020). Otherwise, and always on PostgreSQL (which takes
 * several processes), the command runs here.
 */
async function main(argv: string[]): Promise<number> {
  const env = readEnv();
  if (!isPostgresUrl(env.CHISO_DB) && env.CHISO_DB !== ':memory:') {
    const code = await handToServer(resolve(env.CHISO_DB), argv, io);
    if (code !== null) return code;
  }
  return runCommand(argv, io, ownProcessHost(env));
}

/** Exits once everything written has reached the reader: a pipe takes 64 KB at a time, and a ranking is more. */
function exitWhenFlushed(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(exitWhenFlushed, (error: unknown) => {
  process.stderr.write(`${error instanceof Error && error.message.startsWith('chiso cannot start') ? error.message : `chiso failed: ${error instanceof Error ? error.message : String(error)}`}\n`);
  exitWhenFlushed(1);
});
