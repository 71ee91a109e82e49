import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { DossierRecord } from '../shared/schemas/dossier';
import type { Unit } from '../shared/schemas/unit';
import { Dice } from '../server/seed/random';

const HOUR = 3_600_000;
const FROM = Date.parse('2025-01-01T00:00:00Z');
const TO = Date.parse('2026-11-01T00:00:00Z');

/** Dossiers spread evenly over Jan 2025 – Oct 2026 and over the units, in time order. */
export function* benchDossiers(units: readonly Unit[], count: number, seed = 1): Generator<DossierRecord> {
  const dice = new Dice(seed);
  const step = (TO - FROM) / count;
  for (let i = 0; i < count; i++) {
    const unit = units[dice.int(0, units.length - 1)] as Unit;
    const receivedAt = Math.floor(FROM + i * step);
    const online = dice.chance(0.6);
    const dueAt = receivedAt + dice.int(1, 15) * 24 * HOUR;
    const completedAt = dice.chance(0.9) ? receivedAt + Math.floor(dice.uniform(0.1, 18) * 24 * HOUR) : null;
    yield {
      dossierId: `B${seed}-${i}`, unitCode: unit.code, procedureCode: `1.00${dice.int(1000, 1040)}`, procedureCodeRaw: '', procedureName: null,
      channel: online ? 'online' : dice.chance(0.05) ? 'postal' : 'counter', endToEnd: online && dice.chance(0.4), receivedAt, dueAt,
      completedAt, returnedAt: null, status: dice.chance(0.005) ? 'withdrawn' : completedAt ? 'completed' : 'processing', statusRaw: null,
      serviceLevel: null, eResult: null, digitized: null, feeRequired: null, paidOnline: null,
    };
  }
}

const iso = (t: number) => new Date(t + 7 * HOUR).toISOString().slice(0, 19);

export const CSV_HEADER = 'dossier_id,unit_code,procedure_code,channel,end_to_end,received_at,due_at,completed_at,status';

/** A dossier as a line of chiso's own CSV format (Vietnam local times without offset). */
export function csvLine(d: DossierRecord): string {
  return `${d.dossierId},${d.unitCode},${d.procedureCode},${d.channel},${d.endToEnd},${iso(d.receivedAt)},${iso(d.dueAt)},${d.completedAt === null ? '' : iso(d.completedAt)},${d.status}`;
}

/** Writes `count` benchmark dossiers as chiso's CSV to `path`. */
export async function writeCsv(path: string, units: readonly Unit[], count: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${CSV_HEADER}\n`);
  let buffer = '';
  for (const d of benchDossiers(units, count)) {
    buffer += `${csvLine(d)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
