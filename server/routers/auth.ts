import { z } from 'zod';
import { LoginInputSchema, MeSchema } from '../../shared/schemas/account';
import { publicProcedure, router, viewerProcedure } from '../trpc';

export const authRouter = router({
  login: publicProcedure
    .input(LoginInputSchema)
    .output(MeSchema)
    .mutation(async ({ ctx, input, signal }) => {
      const { token, me } = await ctx.auth.login(input.username, input.password, ctx.http.address, signal);
      ctx.http.setSession(token);
      return me;
    }),
  logout: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await ctx.auth.logout(ctx.http.token, ctx.viewer?.username ?? null, ctx.http.address);
    ctx.http.clearSession();
    return { ok: true as const };
  }),
  me: viewerProcedure.output(MeSchema).query(async ({ ctx }) => {
    const account = await ctx.deps.store.getAccount(ctx.viewer.username);
    return { username: ctx.viewer.username, displayName: account?.displayName ?? null, role: ctx.viewer.role, unitCode: ctx.viewer.unitCode, demo: account?.demo ?? false };
  }),
});
