import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeUploadDir, removeUploadLeftovers } from './upload-temp';

const root = mkdtempSync(join(tmpdir(), 'chiso-temp-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder with a file in it, last changed `ageMs` ago. */
function folder(name: string, ageMs: number): string {
  const path = join(root, name);
  mkdirSync(path);
  writeFileSync(join(path, 'file'), 'dossier_id,unit_code\n');
  const at = new Date(Date.now() - ageMs);
  utimesSync(path, at, at);
  return path;
}

describe('upload temp folders', () => {
  it('are made under the temp folder with a recognisable name that carries the pid', async () => {
    const dir = await makeUploadDir(root);
    expect(basename(dir)).toMatch(new RegExp(`^chiso-upload-${process.pid}-\\w{6}$`));
  });

  it('left behind by a process that is gone are removed at start, and nothing else is', async () => {
    const HOUR = 3_600_000;
    const crashed = folder('chiso-upload-999999999-aB3dE9', HOUR);
    const legacy = folder('chiso-upload-Xy12zQ', HOUR);
    const mine = folder(`chiso-upload-${process.pid}-old123`, HOUR);
    const running = folder(`chiso-upload-${process.ppid}-live12`, HOUR);
    const fresh = folder('chiso-upload-999999998-new123', 0);
    const unrelated = folder('chiso-cli-keep12', HOUR);
    const removed = await removeUploadLeftovers(root, Date.now() - 60_000);
    expect(removed.sort()).toEqual([crashed, legacy, mine].sort());
    for (const path of [crashed, legacy, mine]) expect(existsSync(path)).toBe(false);
    for (const path of [running, fresh, unrelated]) expect(existsSync(path)).toBe(true);
  });
});
