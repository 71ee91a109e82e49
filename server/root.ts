import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above `dir` that holds package.json. */
function projectFolder(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json'))) return at;
    if (dirname(at) === at) throw new Error(`chiso cannot start: no package.json above ${dir}`);
  }
}

/**
 * The project's folder, the same whether this code runs from its sources (server/) or from the compiled build
 * (dist/server/, scripts/build-server.mjs): files shipped beside the sources are found from here.
 */
export const ROOT = projectFolder(dirname(fileURLToPath(import.meta.url)));
