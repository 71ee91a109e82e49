import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context, Role } from './context';
import { UserError } from './errors';

function explainZod(error: ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: zod ? `The request is not valid: ${explainZod(zod)}` : internal ? 'Something went wrong on the server; the error has been logged.' : shape.message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns domain errors into tRPC codes, so HTTP statuses are right and messages are the user's. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof UserError) {
    throw new TRPCError({ code: result.error.cause.code, message: result.error.cause.message });
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

/** Needs a viewer; checked before the input is parsed. */
export const viewerProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

export function roleProcedure(...roles: Role[]) {
  return viewerProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.viewer.role)) throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role does not allow this.' });
    return next();
  });
}

/** Where the request came from and who made it, for audit entries. */
export function auditBy(ctx: Context, action: string, target: string | null, before: unknown, after: unknown) {
  return { actor: ctx.viewer?.username ?? null, action, target, before: before === null ? null : JSON.stringify(before), after: after === null ? null : JSON.stringify(after), address: ctx.http.address };
}

/** For procedures about one unit: a unit head reaches only their own. Apply after `.input()` with a `unitCode`. */
export const unitScope = t.middleware(async ({ ctx, input, next }) => {
  const unitCode = (input as { unitCode?: unknown } | undefined)?.unitCode;
  const viewer = ctx.viewer;
  if (!viewer) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  if (viewer.role === 'unit_head' && viewer.unitCode !== unitCode) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'A unit head sees the detail of their own unit only.' });
  }
  return next();
});
