import type { Role } from '../shared/domain/access';
import type { AnalyticsDeps } from './analytics/deps';
import type { AuthService } from './auth/auth-service';

export type { Role } from '../shared/domain/access';

/** Who is asking. Decided on the server from the session for every request, never taken from the request's input. */
export interface Viewer {
  username: string;
  role: Role;
  /** The one unit a unit head is bound to. */
  unitCode: string | null;
}

/** What a procedure may do with the HTTP exchange, without touching it directly. */
export interface HttpAccess {
  address: string;
  token: string | null;
  setSession(token: string): void;
  clearSession(): void;
}

export interface Context {
  deps: AnalyticsDeps;
  auth: AuthService;
  viewer: Viewer | null;
  http: HttpAccess;
}

export const NO_HTTP: HttpAccess = { address: 'local', token: null, setSession: () => undefined, clearSession: () => undefined };

/** The request-free part of the context, also used by tests through `createCaller`. */
export function createInnerContext(deps: AnalyticsDeps, auth: AuthService, viewer: Viewer | null, http: HttpAccess = NO_HTTP): Context {
  return { deps, auth, viewer, http };
}
