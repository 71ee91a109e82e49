import type { IncomingMessage } from 'node:http';
import { msg, type Message } from '../shared/messages/catalogue';

/** The header the dashboard sends with every upload; a page on another origin cannot add it without a CORS preflight, which this server never grants. */
export const FILE_NAME_HEADER = 'x-file-name';


/** Whether an Origin names the host the request was sent to (directly, or as a reverse proxy reports it). */
function sameHost(origin: string, hosts: readonly (string | undefined)[]): boolean {
  try {
    const from = new URL(origin);
    return hosts.some((host) => host !== undefined && new URL(`${from.protocol}//${host}`).host === from.host);
  } catch {
    return false; // `Origin: null` (a sandboxed frame, a file) or a malformed one
  }
}

/**
 * Why an upload must be refused before its body is read, or null. SameSite cookies still travel from a sibling origin
 * of the same site (another port of the same host), so a session cookie alone does not show the dashboard sent it.
 */
export function uploadRefusal(req: IncomingMessage): Message | null {
  if (req.headers[FILE_NAME_HEADER] === undefined) return msg('upload.noFileName');
  const origin = req.headers.origin;
  const forwarded = req.headers['x-forwarded-host'];
  if (origin !== undefined && !sameHost(origin, [req.headers.host, typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined])) {
    return msg('upload.otherSite', { origin });
  }
  return null;
}
