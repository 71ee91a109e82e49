import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context, Role } from './context';
import { UserError, type UserErrorCode } from './errors';
import { msg, type Message } from '../shared/messages/catalogue';
import { zodErrorMessage } from '../shared/messages/zod';

function explainZod(error: ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** The message of the catalogue an error carries, and the field it is about (decision 023); null for plain text. */
function coded(error: TRPCError): { detail: Message | null; field: string | null } {
  if (error.cause instanceof ZodError) {
    const { message, field } = zodErrorMessage(error.cause);
    return { detail: message, field };
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') return { detail: msg('server.internal'), field: null };
  return error.cause instanceof UserError ? { detail: error.cause.detail, field: error.cause.field } : { detail: null, field: null };
}

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: zod ? `The request is not valid: ${explainZod(zod)}` : internal ? 'Something went wrong on the server; the error has been logged.' : shape.message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, ...coded(error) },
    };
  },
});

/** A refusal with its message of the catalogue, for the dashboard to render in the reader's language. */
function refusal(code: UserErrorCode, message: Message): TRPCError {
  const cause = new UserError(code, message);
  return new TRPCError({ code, message: cause.message, cause });
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns domain errors into tRPC codes, so HTTP statuses are right and messages are the user's. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof UserError) {
    throw new TRPCError({ code: result.error.cause.code, message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

/** Needs a viewer; checked before the input is parsed. */
export const viewerProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw refusal('UNAUTHORIZED', msg('auth.signIn'));
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

export function roleProcedure(...roles: Role[]) {
  return viewerProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.viewer.role)) throw refusal('FORBIDDEN', msg('access.role'));
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
  if (!viewer) throw refusal('UNAUTHORIZED', msg('auth.signIn'));
  if (viewer.role === 'unit_head' && viewer.unitCode !== unitCode) {
    throw refusal('FORBIDDEN', msg('access.otherUnit'));
  }
  return next();
});
