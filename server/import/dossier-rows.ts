import type { DossierRecord } from '../../shared/schemas/dossier';
import { addDays, vnMidnight } from '../../shared/kpi/vn-time';
import type { DossierField } from './dossier-columns';
import type { RowAccess } from './scan';
import { msg } from '../../shared/messages/catalogue';
import { normalizeProcedureCode, parseBoolean, parseChannel, parseDateTime, parseServiceLevel, parseStatus, type Parsed } from './values';

type Row = RowAccess<DossierField>;
const EMPTY = msg('import.cell.required');
const DAY = 86_400_000;

export interface DossierContext {
  unitCodes: ReadonlySet<string>;
  /** When the import runs: what happened to a dossier cannot be dated more than a day later (clocks and zones differ). */
  importedAt: number;
}

/** dd/mm/yyyy HH:mm in Vietnam time, as reports write dates. */
function vnMinute(instant: number): string {
  const iso = new Date(instant + 7 * 3_600_000).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

/** Received, completed and returned are events: none can be after the import, beyond a day's leeway. */
const LATER = { received_at: 'import.dossier.receivedLater', completed_at: 'import.dossier.completedLater', returned_at: 'import.dossier.returnedLater' } as const;

function notLater(row: Row, field: keyof typeof LATER, at: number | null, context: DossierContext): void {
  if (at !== null && at > context.importedAt + DAY) row.issue(field, msg(LATER[field], { at: vnMinute(context.importedAt) }));
}

function required(row: Row, field: DossierField): string | null {
  const text = row.text(field) ?? '';
  if (text !== '') return text;
  row.issue(field, EMPTY);
  return null;
}

function optional<T>(row: Row, field: DossierField, parse: (cell: string) => Parsed<T>): T | null {
  const text = row.text(field);
  if (text === undefined || text === '') return null;
  const parsed = parse(text);
  if (parsed.ok) return parsed.value;
  row.issue(field, parsed.reason);
  return null;
}

/** An instant; a date-only due date means the end of that day (SPEC §1). */
function instant(row: Row, field: DossierField, endOfDay: boolean, mandatory: boolean): number | null {
  const cell = row.cell(field);
  if (cell === undefined || cell === '') {
    if (mandatory) row.issue(field, EMPTY);
    return null;
  }
  const parsed = parseDateTime(cell);
  if (!parsed.ok) {
    row.issue(field, parsed.reason);
    return null;
  }
  return parsed.value.dateOnly && endOfDay ? vnMidnight(addDays(parsed.value.date, 1)) - 1 : parsed.value.instant;
}

/**
 * Validates one row into a dossier, reporting every problem in the row; `null` when there is any. Unknown units
 * are checked here; the same dossier twice in a file is found by the store over the whole file.
 */
export function dossierFromRow(row: Row, context: DossierContext): DossierRecord | null {
  const dossierId = required(row, 'dossier_id');
  const unitCode = required(row, 'unit_code');
  if (unitCode !== null && !context.unitCodes.has(unitCode)) row.issue('unit_code', msg('import.dossier.unknownUnit'));
  const procedureRaw = required(row, 'procedure_code');
  const channel = required(row, 'channel') === null ? null : optional(row, 'channel', parseChannel);
  const receivedAt = instant(row, 'received_at', false, true);
  const dueAt = instant(row, 'due_at', true, true);
  const completedAt = instant(row, 'completed_at', false, false);
  const returnedAt = instant(row, 'returned_at', false, false);
  notLater(row, 'received_at', receivedAt, context);
  notLater(row, 'completed_at', completedAt, context);
  notLater(row, 'returned_at', returnedAt, context);
  const status = optional(row, 'status', parseStatus);
  const serviceLevel = optional(row, 'service_level', parseServiceLevel);
  let endToEnd: boolean | null = serviceLevel === 4 && channel === 'online';
  if (row.has('end_to_end')) endToEnd = required(row, 'end_to_end') === null ? null : optional(row, 'end_to_end', parseBoolean);
  if (endToEnd === true && channel !== null && channel !== 'online') row.issue('end_to_end', msg(channel === 'counter' ? 'import.dossier.endToEndCounter' : 'import.dossier.endToEndPostal'));
  if (receivedAt !== null && dueAt !== null && dueAt < receivedAt) row.issue('due_at', msg('import.dossier.dueBeforeReceived'));
  if (receivedAt !== null && completedAt !== null && completedAt < receivedAt) row.issue('completed_at', msg('import.dossier.completedBeforeReceived'));
  if (completedAt === null && (status === 'completed' || status === 'rejected')) {
    row.issue(row.has('completed_at') ? 'completed_at' : 'status', msg(status === 'completed' ? 'import.dossier.completedNoDate' : 'import.dossier.rejectedNoDate'));
  }
  const eResult = optional(row, 'e_result', parseBoolean);
  const digitized = optional(row, 'digitized', parseBoolean);
  const feeRequired = optional(row, 'fee_required', parseBoolean);
  const paidOnline = optional(row, 'paid_online', parseBoolean);
  if (row.failed || dossierId === null || unitCode === null || procedureRaw === null || channel === null || endToEnd === null || receivedAt === null || dueAt === null) return null;
  return {
    dossierId, unitCode, procedureCode: normalizeProcedureCode(procedureRaw), procedureCodeRaw: procedureRaw,
    procedureName: row.text('procedure_name') || null, channel, endToEnd, receivedAt, dueAt, completedAt, returnedAt,
    status, statusRaw: row.text('status') || null, serviceLevel, eResult, digitized, feeRequired, paidOnline,
  };
}
