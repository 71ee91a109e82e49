import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { isPostgresUrl } from './env';
import { UserError } from './errors';
import { copyDatabase, dataTables, readBackup, readDatabase, replaceWithBackup } from './store/duckdb/backup';

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

/** Opening a database that a running server holds fails on DuckDB's lock: say so plainly. */
async function plainly<T>(db: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && /lock/i.test(error.message)) throw new UserError('CONFLICT', `The database ${db} is in use by another chiso process (a running server?): stop it, or use a copy, and try again.`);
    throw error;
  }
}

/** `chiso backup FILE`: a consistent copy of the whole database in FILE, and its SHA-256 in FILE.sha256. */
export async function backupDatabase(db: string, file: string): Promise<string> {
  const source = duckDbPath(db, 'backup');
  const target = resolve(file);
  if (!existsSync(source)) throw new UserError('NOT_FOUND', `There is no database at ${source}.`);
  for (const path of [target, checksumPath(target)]) {
    if (existsSync(path)) throw new UserError('CONFLICT', `There is already a file at ${path}: a backup never overwrites one, so choose another name.`);
  }
  await mkdir(dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  try {
    const counts = await plainly(source, () => copyDatabase(source, partial));
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
export async function restoreDatabase(db: string, file: string, force: boolean): Promise<string> {
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
  const held = dataTables(await plainly(target, () => readDatabase(target)));
  if (held.length > 0 && !force) {
    const what = held.map(([table, n]) => `${n.toLocaleString('en')} ${table}`).join(', ');
    throw new UserError('CONFLICT', `The database ${target} already holds data (${what}): restoring would replace all of it. Back it up first, then run restore again with --force. Nothing was restored.`);
  }
  const restored = await plainly(target, () => replaceWithBackup(backup, target));
  return `Restored ${backup} into ${target}: ${summary(restored)}.`;
}
