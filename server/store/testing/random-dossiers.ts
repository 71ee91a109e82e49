import { CHANNELS, type DossierRecord } from '../../../shared/schemas/dossier';
import type { ImportOutcome, Store } from '../port';

/** A small deterministic generator, so that a failure can be replayed from its seed. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export const HOUR = 3_600_000;
export const RANDOM_START = Date.parse('2025-06-28T00:00:00Z');
export const UNIT_COUNT = 7;
const STATUSES = [null, 'processing', 'completed', 'rejected', 'withdrawn', 'not_received'] as const;
const NAMES = [null, 'Đăng ký kết hôn', 'Cấp bản sao trích lục', "Tab\tand \\ back\nslash 'quoted'"] as const;

/**
 * Dossiers over about two months and seven units, with every optional column sometimes missing, completions
 * on the due instant, before and after it, and still open ones: what the measures must tell apart.
 */
export function randomDossiers(n: number, seed: number): DossierRecord[] {
  const rnd = lcg(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const receivedAt = RANDOM_START + Math.floor(rnd() * 60 * 24) * HOUR + (rnd() < 0.1 ? 0 : Math.floor(rnd() * HOUR));
    const dueAt = receivedAt + Math.floor(rnd() * 10 * 24) * HOUR;
    const done = rnd();
    const completedAt = done < 0.1 ? dueAt : done < 0.7 ? receivedAt + Math.floor(rnd() * 12 * 24) * HOUR : null;
    const channel = pick(CHANNELS);
    const fee = rnd() < 0.5 ? rnd() < 0.5 : null;
    const procedure = Math.floor(rnd() * 5);
    return {
      dossierId: `D${seed}-${i}`, unitCode: `U${Math.floor(rnd() * UNIT_COUNT)}`, procedureCode: `1.00${procedure}`, procedureCodeRaw: `1.00${procedure}.000.00.00.H48`,
      procedureName: pick(NAMES), channel, endToEnd: channel === 'online' && rnd() < 0.4, receivedAt, dueAt, completedAt,
      returnedAt: completedAt !== null && rnd() < 0.5 ? completedAt + HOUR : null, status: pick(STATUSES), statusRaw: rnd() < 0.2 ? 'Đã trả kết quả' : null,
      serviceLevel: rnd() < 0.3 ? 4 : null, eResult: rnd() < 0.5 ? rnd() < 0.5 : null, digitized: rnd() < 0.3 ? true : null, feeRequired: fee, paidOnline: fee ? rnd() < 0.5 : null,
    };
  });
}

export const outcome = (rows: number, kind: ImportOutcome['kind'] = 'dossiers'): ImportOutcome => ({
  kind, fileName: 'test.csv', rows, outcome: 'imported', errorCount: 0, actor: null, startedAt: Date.now(),
});

/** Writes `dossiers` as one import (lines numbered from 2, after a header), as the import of a file would. */
export async function writeDossiers(store: Store, dossiers: readonly DossierRecord[]): Promise<void> {
  const writer = await store.openDossierWriter();
  dossiers.forEach((d, i) => writer.append(d, i + 2));
  await writer.commit(outcome(dossiers.length));
}

/** A reference continuous quantile, interpolated as DuckDB's `quantile_cont` does: (1 − d)·lo + d·hi. */
export function quantileCont(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = p * (sorted.length - 1);
  const lo = Math.floor(h);
  const first = sorted[lo] as number;
  const second = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  const d = h - lo;
  return (1 - d) * first + d * second;
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
const NATIONAL_STATUS: Record<string, string> = { not_received: '1' };

/**
 * The dossiers as a CSV export with chiso's own headers, and the records an import of it yields (a completed or
 * rejected dossier needs a completion date, so those without one are still processing; names are on one line).
 */
export function dossiersCsv(dossiers: readonly DossierRecord[]): { csv: Buffer; records: DossierRecord[] } {
  const records = dossiers.map((d) => {
    const status = d.completedAt === null && (d.status === 'completed' || d.status === 'rejected') ? 'processing' : d.status;
    const procedureName = d.procedureName?.replace(/[\t\n\r]/g, ' ') ?? null;
    return { ...d, procedureName, status, statusRaw: status === null ? null : (NATIONAL_STATUS[status] ?? status), serviceLevel: null };
  });
  const header = 'dossier_id,unit_code,procedure_code,procedure_name,channel,end_to_end,received_at,due_at,completed_at,returned_at,status,e_result,digitized,fee_required,paid_online';
  const cell = (v: string | boolean | null) => {
    const text = v === null ? '' : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = records.map((d) =>
    [d.dossierId, d.unitCode, d.procedureCodeRaw, d.procedureName, d.channel, d.endToEnd, iso(d.receivedAt), iso(d.dueAt), iso(d.completedAt), iso(d.returnedAt), d.statusRaw, d.eResult, d.digitized, d.feeRequired, d.paidOnline]
      .map(cell)
      .join(','),
  );
  return { csv: Buffer.from([header, ...lines].join('\n'), 'utf8'), records };
}

export const UNITS_CSV = Buffer.from(['code,name,kind', ...Array.from({ length: UNIT_COUNT }, (_, u) => `U${u},Phường Thử ${u},${u < 5 ? 'ward' : 'department'}`)].join('\n'), 'utf8');
