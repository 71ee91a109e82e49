import type { Message } from '../../../../../shared/messages/catalogue';

export interface ValueKey {
  indicator: string;
  unitCode: string;
  period: string;
}

/** Where an evidence file is downloaded from (always as an attachment). */
export const evidenceUrl = (id: number) => `/api/evidence/${id}`;

/** Sends a file to `POST /api/evidence` as the evidence of a reported value; a refusal is thrown shaped like a tRPC error. */
export async function uploadEvidence(key: ValueKey, file: File): Promise<void> {
  const params = new URLSearchParams({ indicator: key.indicator, unit: key.unitCode, period: key.period });
  const res = await fetch(`/api/evidence?${params}`, { method: 'POST', body: file, headers: { 'x-file-name': encodeURIComponent(file.name) } });
  if (res.ok) return;
  const body = (await res.json().catch(() => null)) as { error?: { message: string; detail?: Message } } | null;
  // Shaped like a tRPC error's data, so the page renders the refusal in the reader's language.
  throw Object.assign(new Error(body?.error?.message ?? `HTTP ${res.status}`), { data: { httpStatus: res.status, detail: body?.error?.detail ?? null } });
}
