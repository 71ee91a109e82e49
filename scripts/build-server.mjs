// Compiles the server and the command line into dist/server (one ES module per entry, packages left in
// node_modules), so that `npm start` and `npm run chiso` run plain JavaScript instead of compiling TypeScript at
// every start. `node scripts/build-server.mjs` builds; `ensureBuilt()` builds only when a source is newer.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, 'dist', 'server');
export const ENTRIES = { cli: 'server/cli.ts', start: 'server/start.ts' };
/** Entries that are not commands: worker threads the server starts from beside its own file (decision 028). */
export const WORKERS = { 'render-worker': 'server/reports/render-worker.ts' };
/** What the build is made from: a change to any of these makes it stale. */
const SOURCES = ['server', 'shared', 'package.json', 'package-lock.json', 'scripts/build-server.mjs'];

function newest(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

export const builtPath = (entry) => join(OUT_DIR, `${entry}.js`);
const CHUNK_DIR = join(OUT_DIR, 'chunks');
/** A process started from an earlier build may still load its chunks on demand: they are kept for a day. */
const KEEP_OLD_CHUNKS_MS = 86_400_000;

function pruneChunks(current) {
  let names;
  try {
    names = readdirSync(CHUNK_DIR);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(CHUNK_DIR, name);
    if (!current.has(path) && Date.now() - statSync(path).mtimeMs > KEEP_OLD_CHUNKS_MS) rmSync(path, { force: true });
  }
}

/** True when every entry is built and no source is newer than the oldest of them. */
export function isFresh() {
  let oldest = Infinity;
  for (const entry of [...Object.keys(ENTRIES), ...Object.keys(WORKERS)]) {
    try {
      oldest = Math.min(oldest, statSync(builtPath(entry)).mtimeMs);
    } catch {
      return false;
    }
  }
  return SOURCES.every((source) => newest(join(ROOT, source)) <= oldest);
}

/**
 * Builds every entry. Files are written beside their final name and renamed into place, so that a process starting
 * meanwhile (or another build at the same time) never reads half a file.
 */
export async function buildServer() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { ...ENTRIES, ...WORKERS },
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    // Each command's libraries (spreadsheets, PDF, PostgreSQL…) in chunks of their own, loaded when it runs.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    write: false,
    logLevel: 'warning',
  });
  // Chunks first and the entries last, so that an entry is never in place before the chunks it imports.
  const isChunk = (file) => file.path.startsWith(CHUNK_DIR);
  const files = [...result.outputFiles.filter(isChunk), ...result.outputFiles.filter((f) => !isChunk(f))];
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    const partial = `${file.path}.partial-${process.pid}`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  pruneChunks(new Set(files.map((f) => f.path)));
  return files.length;
}

/** Builds when stale; answers whether it built. */
export async function ensureBuilt() {
  if (isFresh()) return false;
  await buildServer();
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const count = await buildServer();
  process.stdout.write(`built the server and the command line into ${OUT_DIR} (${count} files, ${Date.now() - started} ms)\n`);
}
