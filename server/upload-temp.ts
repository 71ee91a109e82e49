import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Uploads are written under the system temp folder as `chiso-upload-<pid>-XXXXXX`, so leftovers can be found. */
export const UPLOAD_DIR_PREFIX = 'chiso-upload-';
const OWNER_PID = /^chiso-upload-(\d+)-/;

export function makeUploadDir(root: string = tmpdir()): Promise<string> {
  return mkdtemp(join(root, `${UPLOAD_DIR_PREFIX}${process.pid}-`));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes upload folders a crash or a kill left behind: those made before this process started, unless another
 * chiso still running made them (two instances may share one temp folder). Returns the folders removed.
 */
export async function removeUploadLeftovers(root: string = tmpdir(), startedAt: number = Date.now() - process.uptime() * 1000): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (!name.startsWith(UPLOAD_DIR_PREFIX)) continue;
    /** Folders from before the pid was part of the name have no owner to ask. */
    const pid = Number(OWNER_PID.exec(name)?.[1] ?? process.pid);
    const path = join(root, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory() || info.mtimeMs >= startedAt || (pid !== process.pid && isRunning(pid))) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}
