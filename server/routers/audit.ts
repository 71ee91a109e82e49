import { z } from 'zod';
import { AuditEntrySchema } from '../../shared/schemas/account';
import { roleProcedure, router } from '../trpc';

export const auditRouter = router({
  list: roleProcedure('admin')
    .input(z.object({ limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) }).optional())
    .output(z.array(AuditEntrySchema))
    .query(({ ctx, input }) => ctx.deps.store.listAudit(input?.limit ?? 200, input?.offset ?? 0)),
});
