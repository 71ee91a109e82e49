#!/usr/bin/env node
// `node scripts/chiso.mjs cli|start [arguments]`: runs the compiled command line or server from dist/server,
// compiling it first when it is missing or older than its sources (scripts/build-server.mjs).
import { pathToFileURL } from 'node:url';
import { builtPath, ensureBuilt, ENTRIES } from './build-server.mjs';

// Before anything uses libuv's thread pool: DuckDB queries hold its threads while they run, and password hashing,
// file reads and compression need some free (server/store/duckdb/duckdb-store.ts sizes its read pool by this).
process.env.UV_THREADPOOL_SIZE ??= '16';

const [entry] = process.argv.splice(2, 1);
if (!entry || !(entry in ENTRIES)) {
  process.stderr.write(`usage: node scripts/chiso.mjs ${Object.keys(ENTRIES).join('|')} [arguments]\n`);
  process.exit(2);
}
if (await ensureBuilt()) process.stderr.write('(compiled the server and the command line into dist/server)\n');
await import(pathToFileURL(builtPath(entry)).href);
