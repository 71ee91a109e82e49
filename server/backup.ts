import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { isPostgresUrl } from './env';
import { UserError } from './errors';
import { backupMigrations, copyDatabase, copyDatabaseOn, countsOn, dataTables, readBackup, readDatabase, replaceWithBackup, replaceWithBackupOn } from './store/duckdb/backup';
import type { DuckDbStore } from './store/duckdb/duckdb-store';
import { MIGRATIONS } from './store/duckdb/migrations';

/** The checksum file beside a backup, in `sha256sum` format, so `sha256sum -c FILE.sha256` checks it too. */
export const checksumPath = (file: string): string => `${file}.sha256`;

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function summary(counts: ReadonlyMap<string, number>): string {
  const n = (table: string) => (counts.get(table) ?? 0).toLocaleString('en');
  return `${n('units')} units, ${n('dossiers')} dossiers, ${n('targets')} targets, ${n('indicator_values')} reported values, ${n('users')} accounts, ${n('reports')} reports`;
}

function duckDbPath(db: string, command: string): string {
  if (isPostgresUrl(db)) throw new UserError('BAD_REQUEST', `${command} copies the embedded DuckDB database; for PostgreSQL use its own tools (pg_dump and pg_restore).`);
  if (db === ':memory:') throw new UserError('BAD_REQUEST', `${command} needs a database file, not :memory:.`);
  return resolve(db);
}

/** What the command line says when another process holds the DuckDB file and does not take commands for it. */
export const lockedMessage = (db: string): string =>
  `The database ${db} is in use by another process that does not take commands for it (another chiso command still running, or a server started by an older chiso): wait for it or stop it, and try again. Nothing was changed.`;

/** Opening a database that another process holds fails on DuckDB's lock: say so plainly. */
export async function plainly<T>(db: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && /lock/i.test(error.message)) throw new UserError('CONFLICT', lockedMessage(db));
    throw error;
  }
}

/**
 * How backup and restore reach the database: by opening its file (no server holds it), or through the store of the
 * running server that holds it (the command line hands them to the server: docs/decisions/020).
 */
export interface DatabaseAccess {
  copyTo(file: string): Promise<Map<string, number>>;
  counts(): Promise<Map<string, number>>;
  replaceWith(backup: string): Promise<Map<string, number>>;
}

function fileAccess(path: string): DatabaseAccess {
  return {
    copyTo: (file) => plainly(path, () => copyDatabase(path, file)),
    counts: () => plainly(path, () => readDatabase(path)),
    replaceWith: (backup) => plainly(path, () => replaceWithBackup(backup, path)),
  };
}

/**
 * Through the running server's store: the copy and the replacement wait for writes in progress and run between
 * them. A backup made by another version of chiso is refused while serving: the server upgrades a database only as
 * it starts, so that one is restored with the server stopped.
 */
export function heldAccess(store: DuckDbStore): DatabaseAccess {
  return {
    copyTo: (file) => store.betweenWrites((c) => copyDatabaseOn(c, file)),
    counts: () => store.betweenWrites((c) => countsOn(c)),
    replaceWith: (backup) =>
      store.betweenWrites(async (c) => {
        const applied = await backupMigrations(c, backup);
        if (applied !== MIGRATIONS.length) {
          throw new UserError('CONFLICT', `${backup} was made by another version of chiso (${applied} schema steps, this one has ${MIGRATIONS.length}): stop the server, restore it, and start the server again, which brings it up to date. Nothing was restored.`);
        }
        return replaceWithBackupOn(c, backup);
      }),
  };
}

/** `chiso backup FILE`: a consistent copy of the whole database in FILE, and its SHA-256 in FILE.sha256. */
export async function backupDatabase(db: string, file: string, held?: DatabaseAccess): Promise<string> {
  const source = duckDbPath(db, 'backup');
  const target = resolve(file);
  if (!existsSync(source)) throw new UserError('NOT_FOUND', `There is no database at ${source}.`);
  for (const path of [target, checksumPath(target)]) {
    if (existsSync(path)) throw new UserError('CONFLICT', `There is already a file at ${path}: a backup never overwrites one, so choose another name.`);
  }
  await mkdir(dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  try {
    const counts = await (held ?? fileAccess(source)).copyTo(partial);
    const digest = await sha256(partial);
    await rename(partial, target);
    await writeFile(checksumPath(target), `${digest}  ${basename(target)}\n`);
    return `Backed up ${source} to ${target}: ${summary(counts)}. SHA-256 ${digest} (in ${basename(checksumPath(target))}).`;
  } finally {
    await rm(partial, { force: true });
    await rm(`${partial}.wal`, { force: true });
  }
}

/**
 * `chiso restore FILE [--force]`: checks FILE against its checksum, then replaces the database's content with it in
 * one transaction. A database that holds data is replaced only with `force`.
 */
export async function restoreDatabase(db: string, file: string, force: boolean, held?: DatabaseAccess): Promise<string> {
  const target = duckDbPath(db, 'restore');
  const backup = resolve(file);
  if (!existsSync(backup)) throw new UserError('NOT_FOUND', `There is no backup at ${backup}.`);
  const recorded = existsSync(checksumPath(backup)) ? (await readFile(checksumPath(backup), 'utf8')).trim().split(/\s+/)[0] : undefined;
  if (!recorded) throw new UserError('BAD_REQUEST', `There is no checksum beside the backup (${checksumPath(backup)}): chiso restores only a backup it can check. Nothing was restored.`);
  const digest = await sha256(backup);
  if (digest !== recorded.toLowerCase()) {
    throw new UserError('BAD_REQUEST', `${backup} does not match its checksum in ${basename(checksumPath(backup))}: the file is damaged or was changed since the backup. Nothing was restored.`);
  }
  const content = await readBackup(backup).catch(() => null);
  if (!content) throw new UserError('BAD_REQUEST', `${backup} is not a chiso backup. Nothing was restored.`);
  await mkdir(dirname(target), { recursive: true });
  const access = held ?? fileAccess(target);
  const present = dataTables(await access.counts());
  if (present.length > 0 && !force) {
    // Tables named dossier_… are summaries kept from the dossiers (rollups): the dossiers are named, not them.
    const what = present.filter(([table]) => !table.startsWith('dossier_')).map(([table, n]) => `${n.toLocaleString('en')} ${table}`).join(', ');
    throw new UserError('CONFLICT', `The database ${target} already holds data (${what}): restoring would replace all of it. Back it up first, then run restore again with --force. Nothing was restored.`);
  }
  const restored = await access.replaceWith(backup);
  return `Restored ${backup} into ${target}: ${summary(restored)}.`;
}
