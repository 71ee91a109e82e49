import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_TTL_MS } from './auth/auth-service';
import type { HttpAccess } from './context';

export const COOKIE = 'chiso_session';

/** The session token, or null; a value that is not valid URL-encoding (`%ZZ`) is no session rather than an error. */
export function readToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== COOKIE) continue;
    try {
      return decodeURIComponent(value.join('=')) || null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Secure when the request came over HTTPS, directly or through a proxy that says so. */
function isHttps(req: IncomingMessage): boolean {
  return Boolean((req.socket as { encrypted?: boolean }).encrypted) || req.headers['x-forwarded-proto'] === 'https';
}

export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export function httpAccess(req: IncomingMessage, res: ServerResponse): HttpAccess {
  const attributes = `Path=/; HttpOnly; SameSite=Lax${isHttps(req) ? '; Secure' : ''}`;
  return {
    address: clientAddress(req),
    token: readToken(req),
    setSession: (token) => res.appendHeader('Set-Cookie', `${COOKIE}=${token}; Max-Age=${SESSION_TTL_MS / 1000}; ${attributes}`),
    clearSession: () => res.appendHeader('Set-Cookie', `${COOKIE}=; Max-Age=0; ${attributes}`),
  };
}
