import { z } from 'zod';
import { NoticeSchema, NoticeUnitSchema, SetLanguageInputSchema, type Notice } from '../../shared/schemas/accountability';
import { UserError } from '../errors';
import type { NoticeRecord } from '../store/port';
import { auditBy, router, viewerProcedure } from '../trpc';
import { msg } from '../../shared/messages/catalogue';

const LISTED = 50;
const UnitsSchema = z.array(NoticeUnitSchema);

function parsed(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

function notice(r: NoticeRecord): Notice {
  const units = UnitsSchema.safeParse(parsed(r.payload));
  return { id: r.id, period: r.period, kind: r.kind, createdAt: r.createdAt, units: units.success ? units.data : [], mail: r.mailStatus };
}

export const noticesRouter = router({
  /** The signed-in user's own notices, newest first. */
  list: viewerProcedure.output(z.array(NoticeSchema)).query(async ({ ctx }) => (await ctx.deps.store.listNotices(ctx.viewer.username, LISTED)).map(notice)),
  /** The language the user's notices are mailed in; the dashboard sets it when the user switches language. */
  setLanguage: viewerProcedure
    .input(SetLanguageInputSchema)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const before = await ctx.deps.store.getAccount(ctx.viewer.username);
      if (!before) throw new UserError('NOT_FOUND', msg('user.unknown', { username: ctx.viewer.username }));
      if (before.language !== input.language) {
        const after = { ...before, language: input.language, updatedAt: new Date().toISOString() };
        await ctx.deps.store.saveAccount(after, auditBy(ctx, 'account.language', before.username, { language: before.language ?? null }, { language: input.language }));
      }
      return { ok: true as const };
    }),
});
