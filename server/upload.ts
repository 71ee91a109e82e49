import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { ImportKindSchema } from '../shared/schemas/import';
import type { Env } from './env';
import { importFile } from './import/run-import';
import { sendError, sendJson } from './http-json';
import { msg, type Message } from '../shared/messages/catalogue';
import type { Store } from './store/port';
import { FILE_NAME_HEADER, uploadRefusal } from './upload-guard';
import { makeUploadDir } from './upload-temp';

export interface UploadLimits {
  maxBytes: number;
  maxRows: number;
  /** The largest evidence file attached to a reported value (decision 024). */
  maxEvidenceBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxBytes: 200 * 1024 * 1024, maxRows: 5_000_000, maxEvidenceBytes: 10 * 1024 * 1024 };

export function uploadLimits(env: Pick<Env, 'CHISO_MAX_UPLOAD_MB' | 'CHISO_MAX_ROWS' | 'CHISO_MAX_EVIDENCE_MB'>): UploadLimits {
  return { maxBytes: env.CHISO_MAX_UPLOAD_MB * 1024 * 1024, maxRows: env.CHISO_MAX_ROWS, maxEvidenceBytes: env.CHISO_MAX_EVIDENCE_MB * 1024 * 1024 };
}

class TooLarge extends Error {}

/**
 * Writes the body to `path`, refusing it once it passes `maxBytes` whatever its Content-Length said. The body is
 * received at once, to disk, whoever else is importing: only the import itself waits its turn (run-import.ts).
 */
function receive(req: IncomingMessage, path: string, maxBytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    let received = 0;
    const fail = (error: Error) => {
      req.unpipe(out);
      out.destroy();
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) fail(new TooLarge());
    });
    req.on('error', fail);
    req.on('aborted', () => fail(new Error('the upload was interrupted')));
    out.on('error', fail);
    out.on('finish', resolve);
    req.pipe(out);
  });
}

/** Answers 413 and drops the rest of the body, closing the connection once the answer is out. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, maxBytes: number): false {
  res.setHeader('Connection', 'close');
  sendError(res, 413, msg('upload.tooLarge', { mb: Math.round(maxBytes / 1024 / 1024) }));
  req.resume();
  setTimeout(() => req.destroy(), 10_000).unref();
  return false;
}

function refuse(res: ServerResponse, status: number, message: Message): false {
  sendError(res, status, message);
  return false;
}

function fileNameOf(req: IncomingMessage): string | null {
  try {
    return decodeURIComponent(String(req.headers[FILE_NAME_HEADER])).slice(0, 255) || 'upload';
  } catch {
    return null;
  }
}

/**
 * `POST /api/imports?kind=units|targets|dossiers` with the file as the body and its name in `X-File-Name`:
 * the same import, and the same report, as `chiso import`. The body goes to a temporary file, not to memory.
 * Resolves to whether data was written.
 */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, store: Store, actor: string, address: string, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): Promise<boolean> {
  if (req.method !== 'POST') return refuse(res, 405, msg('upload.post'));
  const refusal = uploadRefusal(req);
  if (refusal) return refuse(res, 403, refusal);
  const url = new URL(req.url ?? '/', 'http://localhost');
  const kind = ImportKindSchema.safeParse(url.searchParams.get('kind'));
  if (!kind.success) return refuse(res, 400, msg('upload.kind'));
  if (Number(req.headers['content-length'] ?? 0) > limits.maxBytes) return refuseTooLarge(req, res, limits.maxBytes);
  const fileName = fileNameOf(req);
  if (fileName === null) return refuse(res, 400, msg('upload.badFileName'));
  const dir = await makeUploadDir();
  const path = join(dir, 'file');
  try {
    try {
      await receive(req, path, limits.maxBytes);
    } catch (error) {
      if (error instanceof TooLarge) return refuseTooLarge(req, res, limits.maxBytes);
      throw error;
    }
    const report = await importFile(store, { kind: kind.data, source: { path }, fileName, actor, address, limits: { maxRows: limits.maxRows } });
    sendJson(res, report.ok ? 200 : 422, report);
    return report.ok;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
