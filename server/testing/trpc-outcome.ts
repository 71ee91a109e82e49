import { TRPCError } from '@trpc/server';

/**
 * How a procedure call ended, for tests: 'OK', the tRPC error's code (followed by its message with `withMessage`),
 * or the text of any other error.
 */
export async function outcomeOf(promise: Promise<unknown>, withMessage = false): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return withMessage ? `${error.code}: ${error.message}` : error.code;
    return `THREW: ${String(error)}`;
  }
}
