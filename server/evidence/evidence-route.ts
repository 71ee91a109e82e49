import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { msg, type Message } from '../../shared/messages/catalogue';
import { PeriodIdSchema } from '../../shared/schemas/period';
import { UnitCodeSchema } from '../../shared/schemas/unit';
import type { AnalyticsDeps } from '../analytics/deps';
import { attachment } from '../content-disposition';
import type { Viewer } from '../context';
import { refuseDownload } from '../download-refusal';
import { sendError, sendJson } from '../http-json';
import { clientAddress } from '../session-cookie';
import type { ValueKey } from '../store/port';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../upload';
import { FILE_NAME_HEADER, uploadRefusal } from '../upload-guard';
import { cleanFileName, EVIDENCE_KINDS, evidenceKindOf, kindByName } from './file-kind';

export const EVIDENCE_PREFIX = '/api/evidence';

const KeySchema = z.object({ indicator: z.string().regex(/^[A-Z0-9_]{1,100}$/), unitCode: UnitCodeSchema, period: PeriodIdSchema });

class TooLarge extends Error {}

function refuse(res: ServerResponse, status: number, message: Message): void {
  sendError(res, status, message);
}

/** Answers 413 and drops the rest of the body, closing the connection once the answer is out (as imports do). */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  res.setHeader('Connection', 'close');
  sendError(res, 413, msg('evidence.tooLarge', { mb: Math.round(maxBytes / 1024 / 1024) }));
  req.resume();
  setTimeout(() => req.destroy(), 10_000).unref();
}

/** The body, in memory (it is at most a few MB), refused once it passes `maxBytes` whatever its Content-Length said. */
function receive(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        req.off('data', onData);
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('the upload was interrupted')));
    req.on('end', () => resolve(Buffer.concat(chunks, received)));
  });
}

const keyText = (key: ValueKey) => `${key.indicator}/${key.unitCode}/${key.period}`;

/**
 * `POST /api/evidence?indicator=…&unit=…&period=…` with the file as the body and its name in `X-File-Name`: attaches
 * it to that reported value (decision 024). The unit's head (their own unit only), data officers and admins may; the
 * file must be a PDF, PNG, JPEG, XLSX or DOCX by its content and its name alike. A refusal writes nothing.
 */
async function upload(deps: AnalyticsDeps, req: IncomingMessage, res: ServerResponse, viewer: Viewer, limits: UploadLimits): Promise<void> {
  const refusal = uploadRefusal(req);
  if (refusal) return refuse(res, 403, refusal);
  if (viewer.role !== 'unit_head' && viewer.role !== 'data_officer' && viewer.role !== 'admin') return refuse(res, 403, msg('evidence.role'));
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const parsed = KeySchema.safeParse({ indicator: params.get('indicator') ?? '', unitCode: params.get('unit') ?? '', period: params.get('period') ?? '' });
  if (!parsed.success) return refuse(res, 400, msg('evidence.key'));
  const key: ValueKey = parsed.data;
  if (viewer.role === 'unit_head' && viewer.unitCode !== key.unitCode) return refuse(res, 403, msg('evidence.otherUnit'));
  if (Number(req.headers['content-length'] ?? 0) > limits.maxEvidenceBytes) return refuseTooLarge(req, res, limits.maxEvidenceBytes);
  let fileName: string;
  try {
    fileName = cleanFileName(decodeURIComponent(String(req.headers[FILE_NAME_HEADER])));
  } catch {
    return refuse(res, 400, msg('upload.badFileName'));
  }
  if (!fileName) return refuse(res, 400, msg('upload.badFileName'));
  const noValue = msg('evidence.noValue', { indicator: key.indicator, unit: key.unitCode, period: key.period });
  const records = await deps.store.listValueRecords({ unitCode: key.unitCode, period: key.period });
  if (!records.some((r) => r.indicator === key.indicator)) return refuse(res, 404, noValue);
  let content: Buffer;
  try {
    content = await receive(req, limits.maxEvidenceBytes);
  } catch (error) {
    if (error instanceof TooLarge) return refuseTooLarge(req, res, limits.maxEvidenceBytes);
    throw error;
  }
  if (content.length === 0) return refuse(res, 400, msg('evidence.empty'));
  const kind = await evidenceKindOf(content);
  const named = kindByName(fileName);
  if (!kind || !named) return refuse(res, 415, msg('evidence.type'));
  if (kind !== named) return refuse(res, 415, msg('evidence.nameMismatch', { name: fileName, kind: kind.toUpperCase() }));
  const audit = { actor: viewer.username, action: 'evidence.attach', target: keyText(key), before: null, after: null, address: clientAddress(req) };
  const attached = await deps.store.attachEvidence(key, { fileName, contentType: EVIDENCE_KINDS[kind].contentType, content }, viewer.username, audit);
  if (!attached) return refuse(res, 404, noValue);
  sendJson(res, 200, attached);
}

/**
 * `GET /api/evidence/ID`: the file, always as an attachment with the type found in its content, never shown inline.
 * Whoever may see the value may download it: a unit head their own unit's, every other role all. Each download is
 * audited.
 */
async function download(deps: AnalyticsDeps, req: IncomingMessage, res: ServerResponse, viewer: Viewer, path: string): Promise<void> {
  const match = /^\/api\/evidence\/(\d{1,15})$/.exec(path);
  const found = match ? await deps.store.evidenceContent(Number(match[1])) : null;
  if (!found) return refuseDownload(req, res, 404, msg('evidence.unknown'));
  if (viewer.role === 'unit_head' && viewer.unitCode !== found.key.unitCode) return refuseDownload(req, res, 403, msg('access.otherUnit'));
  await deps.store.audit({
    actor: viewer.username, action: 'evidence.download', target: keyText(found.key), before: null,
    after: JSON.stringify({ id: found.file.id, fileName: found.file.fileName, sha256: found.file.sha256 }), address: clientAddress(req),
  });
  res.writeHead(200, {
    'Content-Type': found.file.contentType,
    'Content-Disposition': attachment(found.file.fileName),
    'Content-Length': found.content.length,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : found.content);
}

/** The evidence routes: upload with POST, download with GET. */
export async function serveEvidence(deps: AnalyticsDeps, req: IncomingMessage, res: ServerResponse, viewer: Viewer, url: string, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): Promise<void> {
  const path = url.split('?')[0] ?? '';
  if (path === EVIDENCE_PREFIX) {
    if (req.method !== 'POST') return refuse(res, 405, msg('upload.post'));
    return upload(deps, req, res, viewer, limits);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, msg('request.invalid'));
  return download(deps, req, res, viewer, path);
}
