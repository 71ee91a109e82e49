/**
 * The most calls one tRPC request may carry. A batch multiplies what one request costs (60 rankings in one request
 * kept the server busy for half a minute), so the server refuses larger ones and the dashboard splits at this size.
 */
export const MAX_BATCH_CALLS = 10;

/** Signing in is never batched: a batch of sign-ins would try many passwords in one request. */
export const UNBATCHED_PROCEDURES: readonly string[] = ['auth.login'];
