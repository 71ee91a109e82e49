import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  CHISO_DB: z.string().min(1).default('./data/chiso.duckdb'),
  CHISO_DB_MEMORY: z.string().regex(/^\d+(?:KB|MB|GB)$/i, 'a size such as 512MB').default('512MB'),
  CHISO_MIN_VOLUME: z.coerce.number().int().min(0).default(30),
  CHISO_REPORT_SCHEDULE: z.string().default('MON 07:00'),
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
