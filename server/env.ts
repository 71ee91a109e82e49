import { z } from 'zod';

const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const urlOf = (protocols: readonly string[], example: string) =>
  z
    .string()
    .trim()
    .refine((s) => URL.canParse(s) && protocols.includes(new URL(s).protocol), `a URL such as ${example}`);

/** `CHISO_DB` names a PostgreSQL server when it is a `postgres://` or `postgresql://` URL; anything else is a DuckDB file. */
export const isPostgresUrl = (db: string): boolean => /^postgres(?:ql)?:\/\//i.test(db);

/** `CHISO_DB` fit for a log line: a URL's password is hidden. */
export function databaseLabel(db: string): string {
  if (!isPostgresUrl(db) || !URL.canParse(db)) return db;
  const url = new URL(db);
  if (url.password) url.password = '***';
  return url.toString();
}

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** A DuckDB file (or `:memory:`), or a `postgres://` / `postgresql://` URL for a shared PostgreSQL database. */
  CHISO_DB: z
    .string()
    .trim()
    .min(1)
    .default('./data/chiso.duckdb')
    .refine((db) => !isPostgresUrl(db) || URL.canParse(db), 'a file path, or a URL such as postgres://chiso:password@db.internal:5432/chiso'),
  /** PostgreSQL only: connections each process keeps (processes × this must stay under the server's max_connections). */
  CHISO_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
  CHISO_DB_MEMORY: z.string().regex(/^\d+(?:KB|MB|GB)$/i, 'a size such as 512MB').default('512MB'),
  CHISO_MIN_VOLUME: z.coerce.number().int().min(0).default(30),
  CHISO_REPORT_SCHEDULE: z.string().default('MON 07:00'),
  /** Where notices are mailed from (SPEC §9); no mail is sent when unset. */
  CHISO_SMTP_URL: z.preprocess(blankIsUnset, urlOf(['smtp:', 'smtps:'], 'smtp://user:password@mail.example.vn:587 or smtp://127.0.0.1:2525').optional()),
  CHISO_SMTP_FROM: z.string().trim().min(3).default('chiso <chiso@localhost>'),
  /** The dashboard's address as users reach it, for links in e-mails. */
  CHISO_PUBLIC_URL: z.preprocess(blankIsUnset, urlOf(['http:', 'https:'], 'https://chiso.hanoi.gov.vn').default('http://localhost:3000')).transform((u) => u.replace(/\/+$/, '')),
  /** The largest file an upload may send, in MB. */
  CHISO_MAX_UPLOAD_MB: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(100_000).default(200)),
  /** The largest evidence file (an official letter, a spreadsheet) a unit may attach to a reported value, in MB. */
  CHISO_MAX_EVIDENCE_MB: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(1_000).default(10)),
  /** The most rows one imported file may have, counting title and empty rows. */
  CHISO_MAX_ROWS: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).default(5_000_000)),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});
export type Env = z.infer<typeof EnvSchema>;

/** Reads the settings once at start-up and fails fast, in plain words, on a bad one. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`chiso cannot start: a setting is wrong\n${lines.join('\n')}`);
  }
  return parsed.data;
}
