import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ImportKindSchema } from '../shared/schemas/import';
import { importFile } from './import/run-import';
import { sendJson } from './http-json';
import type { Store } from './store/port';
import { FILE_NAME_HEADER, uploadRefusal } from './upload-guard';
import { makeUploadDir } from './upload-temp';

export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

function reply(res: ServerResponse, status: number, body: unknown): false {
  sendJson(res, status, body);
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
export async function handleUpload(req: IncomingMessage, res: ServerResponse, store: Store, actor: string, address: string): Promise<boolean> {
  if (req.method !== 'POST') return reply(res, 405, { error: { message: 'Send the file with POST.' } });
  const refusal = uploadRefusal(req);
  if (refusal) return reply(res, 403, { error: { message: refusal } });
  const url = new URL(req.url ?? '/', 'http://localhost');
  const kind = ImportKindSchema.safeParse(url.searchParams.get('kind'));
  if (!kind.success) return reply(res, 400, { error: { message: 'Say what the file holds: ?kind=units, targets or dossiers.' } });
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) return reply(res, 413, { error: { message: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.` } });
  const fileName = fileNameOf(req);
  if (fileName === null) return reply(res, 400, { error: { message: 'Write the file name in X-File-Name URL-encoded (as encodeURIComponent does).' } });
  const dir = await makeUploadDir();
  const path = join(dir, 'file');
  try {
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_UPLOAD_BYTES) req.destroy(new Error('too large'));
    });
    await pipeline(req, createWriteStream(path));
    const report = await importFile(store, { kind: kind.data, source: { path }, fileName, actor, address });
    sendJson(res, report.ok ? 200 : 422, report);
    return report.ok;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
