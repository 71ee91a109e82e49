import { z } from 'zod';
import { ImportRecordSchema } from '../../shared/schemas/import';
import { roleProcedure, router } from '../trpc';

export const importsRouter = router({
  list: roleProcedure('data_officer', 'admin')
    .input(z.object({ limit: z.number().int().min(1).max(500).default(50) }).optional())
    .output(z.array(ImportRecordSchema))
    .query(({ ctx, input }) => ctx.deps.store.listImports(input?.limit ?? 50)),
});
