/** Seeded hostile inputs for the fuzz test: the same seed gives the same requests, so a failure can be replayed. */
export type Random = () => number;

/** mulberry32: small, fast and good enough to pick test inputs. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

export const HOSTILE_STRINGS: readonly string[] = [
  '', ' ', '%', '%ZZ', '%E0%A4%A', '%00', '\u0000', 'a\u0000b', '\r\n', 'Đ', 'ĐN-01', 'Phường Hoàn Kiếm', '😀', '\uD800', '\uFEFF',
  '../../etc/passwd', '<script>alert(1)</script>', "'; DROP TABLE units;--", '=HYPERLINK("http://x","y")', '+1', '@SUM(A1)', '-2+3',
  'x'.repeat(10_000), '2025-W31', '2025-W99', '2025-W00', '0000-W01', '9999-W52', '2025-M13', '2025-Q5', '2025-07-01', '0000-01-01',
  '9999-12-31', '1900-01-01', '2200-12-31', '2025-02-29', '2025-07-01T00:00:00Z', '+275760-09-13T00:00:00Z', 'NaN', 'Infinity', '-1',
  '99999999999999999999999', '1e309', 'null', 'true', '{}', '[]', '__proto__', 'constructor', 'toString', 'commune', 'department',
  'onlineRate', 'leader', 'unit_head', '00070', 'SO-TP', 'chiso-v2', 'qd766', 'week', 'month', 'csv', 'pdf', 'xlsx',
];

export const HOSTILE_NUMBERS: readonly number[] = [
  0, -1, 1, 1.5, -0, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 1e23, Number.MAX_SAFE_INTEGER, 5e-324, 1000, 1001, 260, 261,
];

/** Any JSON value, leaning to the hostile ones; `depth` bounds nesting. */
export function hostileValue(random: Random, depth = 0): unknown {
  const r = random();
  if (r < 0.35) return pick(random, HOSTILE_STRINGS);
  if (r < 0.55) return pick(random, HOSTILE_NUMBERS);
  if (r < 0.62) return random() < 0.5;
  if (r < 0.68) return null;
  if (depth > 2) return pick(random, HOSTILE_STRINGS);
  if (r < 0.8) return Array.from({ length: Math.floor(random() * 4) }, () => hostileValue(random, depth + 1));
  const keys = ['period', 'group', 'unitCode', 'username', 'password', 'limit', 'from', 'to', 'code', 'id', '__proto__', 'constructor', pick(random, HOSTILE_STRINGS)];
  return Object.fromEntries(Array.from({ length: Math.floor(random() * 5) }, () => [pick(random, keys), hostileValue(random, depth + 1)]));
}

/** A valid input with one or two fields replaced by hostile values, removed, or joined by a stray one. */
export function mutated(random: Random, valid: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...valid };
  const keys = Object.keys(valid);
  for (let i = 0; i < 1 + Math.floor(random() * 2); i++) {
    const r = random();
    const key = keys.length ? pick(random, keys) : 'x';
    if (r < 0.7) out[key] = hostileValue(random);
    else if (r < 0.85) delete out[key];
    else out[pick(random, HOSTILE_STRINGS)] = hostileValue(random);
  }
  return out;
}

/** Text for a URL: encoded as a browser would, or raw and broken as an attacker would send it. */
export function urlPart(random: Random, value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  if (random() < 0.2) return pick(random, ['%ZZ', '%E0%A4%A', '%', '%00', '%2e%2e%2f', '%C4%90', '%FF%FE', '%uD800']);
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/** A header value Node will send: hostile text as its UTF-8 bytes read as Latin-1, without the line breaks HTTP forbids. */
export function headerValue(text: string): string {
  const sendable = [...text.slice(0, 2000)].map((c) => ((c < ' ' && c !== '\t') || c === '\u007f' ? '?' : c)).join('');
  return Buffer.from(sendable, 'utf8').toString('latin1');
}

export const ODD_COOKIES: readonly string[] = [
  'chiso_session=%ZZ', 'chiso_session=%E0%A4%A', 'chiso_session=', 'chiso_session', '=', ';;;', 'chiso_session=a; chiso_session=b',
  `chiso_session=${'A'.repeat(6000)}`, 'chiso_session="quoted"', 'chiso_session=\u00c4\u0090', 'other=1; chiso_session=%00', '__proto__=x',
];
