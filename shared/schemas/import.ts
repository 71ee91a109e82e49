import { z } from 'zod';

import { IMPORT_KINDS } from '../domain/import';
import { MessageSchema } from './message';

export { IMPORT_KINDS, type ImportKind } from '../domain/import';

export const ImportKindSchema = z.enum(IMPORT_KINDS);

export const ImportRecordSchema = z.object({
  id: z.number().int(),
  kind: z.enum([...IMPORT_KINDS, 'seed']),
  fileName: z.string(),
  rows: z.number().int(),
  outcome: z.enum(['imported', 'refused']),
  errorCount: z.number().int(),
  actor: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;

/**
 * One problem with one cell (or the whole file when `line` is null): `message` is its code and parameters, which the
 * dashboard renders in the reader's language; `reason` is the same in English, for the CLI and API clients.
 */
export const ImportIssueSchema = z.object({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
  message: MessageSchema,
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;
