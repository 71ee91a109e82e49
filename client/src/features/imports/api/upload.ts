import type { Message } from '../../../../../shared/messages/catalogue';
import type { ImportIssue, ImportKind } from '../../../../../shared/schemas/import';

export interface UploadReport {
  ok: boolean;
  fileName: string;
  rows: number;
  issues: ImportIssue[];
  issueCount: number;
}

/** Sends a file to `POST /api/imports`; the server answers 200 or 422 with the same report either way. */
export async function uploadFile(kind: ImportKind, file: File): Promise<UploadReport> {
  const res = await fetch(`/api/imports?kind=${kind}`, { method: 'POST', body: file, headers: { 'x-file-name': encodeURIComponent(file.name) } });
  const body = (await res.json().catch(() => null)) as (UploadReport & { error?: { message: string; detail?: Message } }) | null;
  if (!body) throw new Error(`HTTP ${res.status}`);
  // Shaped like a tRPC error's data, so the page renders the refusal in the reader's language.
  if (body.error) throw Object.assign(new Error(body.error.message), { data: { httpStatus: res.status, detail: body.error.detail ?? null } });
  return body;
}
