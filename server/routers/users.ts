import { z } from 'zod';
import { AccountSchema, CreateAccountInputSchema, ResetPasswordInputSchema, UpdateAccountInputSchema } from '../../shared/schemas/account';
import { hashPassword } from '../auth/password';
import { assertPasswordAllowed } from '../auth/password-policy';
import { UserError } from '../errors';
import type { StoredAccount } from '../store/port';
import { auditBy, roleProcedure, router } from '../trpc';
import { msg } from '../../shared/messages/catalogue';

const admin = roleProcedure('admin');
const visible = ({ passwordHash: _hidden, ...account }: StoredAccount) => account;

async function knownUnit(store: { listUnits(): Promise<{ code: string }[]> }, unitCode: string | null | undefined) {
  if (unitCode && !(await store.listUnits()).some((u) => u.code === unitCode)) throw new UserError('BAD_REQUEST', msg('unit.unknown', { code: unitCode }));
}

export const usersRouter = router({
  list: admin.output(z.array(AccountSchema)).query(({ ctx }) => ctx.deps.store.listAccounts()),
  create: admin
    .input(CreateAccountInputSchema)
    .output(AccountSchema)
    .mutation(async ({ ctx, input }) => {
      if (await ctx.deps.store.getAccount(input.username)) throw new UserError('CONFLICT', msg('user.taken', { username: input.username }));
      await knownUnit(ctx.deps.store, input.unitCode);
      assertPasswordAllowed(input.password, input.username);
      const now = new Date().toISOString();
      const account: StoredAccount = { username: input.username, displayName: input.displayName, role: input.role, unitCode: input.unitCode, passwordHash: await hashPassword(input.password), disabled: false, demo: false, createdAt: now, updatedAt: now, email: input.email, language: input.language };
      await ctx.deps.store.saveAccount(account, auditBy(ctx, 'account.create', account.username, null, visible(account)));
      return visible(account);
    }),
  update: admin
    .input(UpdateAccountInputSchema)
    .output(AccountSchema)
    .mutation(async ({ ctx, input }) => {
      const before = await ctx.deps.store.getAccount(input.username);
      if (!before) throw new UserError('NOT_FOUND', msg('user.unknown', { username: input.username }));
      if (input.username === ctx.viewer.username && (input.disabled || (input.role && input.role !== 'admin'))) throw new UserError('BAD_REQUEST', msg('user.self'));
      const role = input.role ?? before.role;
      const unitCode = input.unitCode !== undefined ? input.unitCode : role === 'unit_head' ? before.unitCode : null;
      if ((role === 'unit_head') !== Boolean(unitCode)) throw new UserError('BAD_REQUEST', msg('user.unitBinding'));
      await knownUnit(ctx.deps.store, unitCode);
      const after: StoredAccount = { ...before, role, unitCode, displayName: input.displayName !== undefined ? input.displayName : before.displayName, disabled: input.disabled ?? before.disabled, updatedAt: new Date().toISOString(),
        email: input.email !== undefined ? input.email : (before.email ?? null), language: input.language !== undefined ? input.language : (before.language ?? null) };
      await ctx.deps.store.saveAccount(after, auditBy(ctx, 'account.update', after.username, visible(before), visible(after)));
      if (after.disabled || after.role !== before.role || after.unitCode !== before.unitCode) {
        await ctx.deps.store.deleteSessionsOf(after.username);
        ctx.auth.forgetAccount(after.username);
      }
      return visible(after);
    }),
  resetPassword: admin
    .input(ResetPasswordInputSchema)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const before = await ctx.deps.store.getAccount(input.username);
      if (!before) throw new UserError('NOT_FOUND', msg('user.unknown', { username: input.username }));
      assertPasswordAllowed(input.password, before.username);
      const after = { ...before, passwordHash: await hashPassword(input.password), demo: false, updatedAt: new Date().toISOString() };
      await ctx.deps.store.saveAccount(after, auditBy(ctx, 'account.reset-password', after.username, null, null));
      await ctx.deps.store.deleteSessionsOf(after.username);
      ctx.auth.forgetAccount(after.username);
      return { ok: true as const };
    }),
});
