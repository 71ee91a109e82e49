import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, isMessageCode } from '../shared/messages/catalogue';

const ROOT = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const CATALOGUE_FILES = ['catalogue.ts', 'vi.ts', 'en.ts', 'render.ts'].map((name) => join(ROOT, 'shared', 'messages', name));

/** Every code the server can send: each literal naming a code of the catalogue in server/ and shared/, the catalogue aside. */
function producedCodes(): Set<string> {
  const found = new Set<string>();
  for (const file of [...sources(join(ROOT, 'server')), ...sources(join(ROOT, 'shared'))]) {
    if (CATALOGUE_FILES.includes(file)) continue;
    for (const [, code] of readFileSync(file, 'utf8').matchAll(/'([a-z]+\.[A-Za-z0-9.]+)'/g)) if (code && isMessageCode(code)) found.add(code);
  }
  return found;
}

describe('the codes the server sends', () => {
  it('holds every code the server produces, and only those', () => {
    const produced = producedCodes();
    expect(produced.size).toBeGreaterThan(100);
    expect(MESSAGE_CODES.filter((code) => !produced.has(code))).toEqual([]);
  });
});

/** The routes outside tRPC whose answers a browser may show: downloads opened by a link (decision 023, addendum). */
const DOWNLOAD_ROUTES = ['server/http-files.ts', 'server/exports/view-export.ts', 'server/reports/form06-download.ts', 'server/evidence/evidence-route.ts'];

describe('the refusals of downloads', () => {
  it('are messages of the catalogue, never an English sentence of their own', () => {
    for (const file of DOWNLOAD_ROUTES) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text, file).not.toMatch(/sendJson\(res, [45]\d\d/);
      expect(text, file).not.toMatch(/error: \{ message: [`'"]/);
    }
  });
});
