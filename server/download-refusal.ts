import type { IncomingMessage, ServerResponse } from 'node:http';
import { msg, type Message } from '../shared/messages/catalogue';
import { renderMessage, type MessageLanguage } from '../shared/messages/render';
import type { UserError, UserErrorCode } from './errors';
import { LANGUAGE_COOKIE } from '../shared/domain/language-cookie';


/** Whether the request is a browser opening a link (a navigation): it shows the answer as a page, so it gets one. */
export function wantsPage(req: IncomingMessage): boolean {
  return /\btext\/html\b/i.test(String(req.headers.accept ?? ''));
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

/** The first of Vietnamese and English the browser asks for, by weight (`vi-VN,vi;q=0.9,en;q=0.8`); null for neither. */
function acceptedLanguage(header: string | undefined): MessageLanguage | null {
  const asked = (header ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => /^\s*q=([\d.]+)\s*$/.exec(a)?.[1]).find((v) => v !== undefined);
      return { primary: tag.trim().toLowerCase().split('-')[0], weight: q === undefined ? 1 : Number(q), order };
    })
    .filter((a) => a.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  const first = asked.find((a) => a.primary === 'vi' || a.primary === 'en');
  return first ? (first.primary as MessageLanguage) : null;
}

/**
 * The reader's language: the link's own `lang` (the dashboard writes it into export and annex links), else the
 * dashboard's choice (its cookie), else the browser's languages, else Vietnamese.
 */
export function readerLanguage(req: IncomingMessage): MessageLanguage {
  const lang = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang');
  if (lang === 'vi' || lang === 'en') return lang;
  const chosen = cookie(req, LANGUAGE_COOKIE);
  if (chosen === 'vi' || chosen === 'en') return chosen;
  return acceptedLanguage(req.headers['accept-language']) ?? 'vi';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The line a refusal shows: the message, after the link parameter it is about. */
function line(message: Message, field: string | null, lang: MessageLanguage): string {
  const text = renderMessage(message, lang);
  return field ? `${renderMessage(msg('download.parameter', { name: field }), lang)}: ${text}` : text;
}

/**
 * A small page, complete in itself (styles inline, no script, nothing loaded), in the reader's language: what went
 * wrong and the way back to the dashboard, or to the sign-in page when the session has ended.
 */
export function refusalPage(status: number, message: Message, field: string | null, lang: MessageLanguage): string {
  const title = renderMessage(msg('download.failed'), lang);
  const signIn = status === 401;
  const link = signIn ? { href: '/login', text: renderMessage(msg('download.signIn'), lang) } : { href: '/', text: renderMessage(msg('download.back'), lang) };
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · chiso</title>
<style>
  body { margin: 0; font-family: "Noto Sans", "Segoe UI", Roboto, Arial, sans-serif; background: #f4f6f9; color: #1b1f24; }
  main { max-width: 36rem; margin: 12vh auto 0; padding: 2rem 2.25rem; background: #fff; border-radius: 10px; border-top: 4px solid #b42318; box-shadow: 0 1px 3px rgba(16, 24, 40, 0.12); }
  h1 { margin: 0 0 0.75rem; font-size: 1.35rem; }
  p { margin: 0 0 1.5rem; font-size: 1rem; line-height: 1.55; }
  a { display: inline-block; padding: 0.55rem 1rem; border-radius: 6px; background: #0b5cad; color: #fff; text-decoration: none; font-weight: 600; }
  a:focus-visible { outline: 3px solid #1b1f24; outline-offset: 2px; }
  small { display: block; margin-top: 1.5rem; color: #5b6470; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(line(message, field, lang))}</p>
<a href="${link.href}">${escapeHtml(link.text)}</a>
<small>chiso · HTTP ${status}</small>
</main>
</body>
</html>
`;
}

/**
 * Refuses a download (decision 023 and its addendum): an API client gets `{ error: { message, detail, field } }`
 * with the English text and the code; a browser opening the link gets the page above in the reader's language.
 */
export function refuseDownload(req: IncomingMessage, res: ServerResponse, status: number, message: Message, field: string | null = null, english?: string): void {
  if (wantsPage(req)) {
    const lang = readerLanguage(req);
    const page = refusalPage(status, message, field, lang);
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page), 'Content-Language': lang, 'Cache-Control': 'no-store', Vary: 'Accept, Accept-Language, Cookie' });
    res.end(page);
    return;
  }
  const text = english ?? `${field ? `${field}: ` : ''}${renderMessage(message)}`;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Vary: 'Accept' });
  res.end(JSON.stringify({ error: { message: text, detail: message, ...(field ? { field } : {}) } }));
}

const STATUS: Record<UserErrorCode, number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 };

/** A download refused by the code that makes it (a period that is not one, an unknown unit or index…). */
export function refuseUserError(req: IncomingMessage, res: ServerResponse, error: UserError): void {
  // A message not yet in the catalogue keeps its English text for API clients; readers get the general one.
  refuseDownload(req, res, STATUS[error.code], error.detail ?? msg('request.invalid'), error.detail ? error.field : null, error.detail ? undefined : error.message);
}
