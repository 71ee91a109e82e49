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
