import type { AnalyticsDeps } from './analytics/deps';

export const ROLES = ['leader', 'unit_head', 'data_officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking. Decided on the server for every request, never taken from the request's input. */
export interface Viewer {
  username: string;
  role: Role;
  /** The one unit a unit head is bound to. */
  unitCode: string | null;
}

export interface Context {
  deps: AnalyticsDeps;
  viewer: Viewer | null;
}

/**
 * Until accounts exist (issue #4) every request reads as a city leader; the session lookup replaces this one
 * function, and the procedure tiers in trpc.ts already enforce roles and unit scope against it.
 */
export const PROVISIONAL_VIEWER: Viewer = { username: 'leader', role: 'leader', unitCode: null };

/** The request-free part of the context, also used by tests through `createCaller`. */
export function createInnerContext(deps: AnalyticsDeps, viewer: Viewer | null): Context {
  return { deps, viewer };
}
