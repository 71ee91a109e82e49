import type { DossierRecord } from '../../shared/schemas/dossier';
import { addDays, vnMidnight } from '../../shared/kpi/vn-time';
import type { DossierField } from './dossier-columns';
import type { RowAccess } from './scan';
import { normalizeProcedureCode, parseBoolean, parseChannel, parseDateTime, parseServiceLevel, parseStatus, type Parsed } from './values';

export interface DossierRowContext {
  unitCodes: ReadonlySet<string>;
  /** dossier_id → the line it was first seen on. */
  seen: Map<string, number>;
}

/** Validates one row into a dossier, reporting every problem in the row; `null` when there is any. */
export function dossierFromRow(row: RowAccess<DossierField>, ctx: DossierRowContext): DossierRecord | null {
  let bad = false;
  const problem = (field: DossierField, reason: string) => {
    bad = true;
    row.issue(field, reason);
  };
  const required = (field: DossierField): string | null => {
    const text = row.text(field) ?? '';
    if (text === '') {
      problem(field, 'is empty, but this column is required');
      return null;
    }
    return text;
  };
  function optional<T>(field: DossierField, parse: (cell: string) => Parsed<T>): T | null {
    const text = row.text(field);
    if (text === undefined || text === '') return null;
    const parsed = parse(text);
    if (!parsed.ok) {
      problem(field, parsed.reason);
      return null;
    }
    return parsed.value;
  }
  const instant = (field: DossierField, endOfDay: boolean, mandatory: boolean): number | null => {
    const cell = row.cell(field);
    if (cell === undefined || cell === '') {
      if (mandatory) problem(field, 'is empty, but this column is required');
      return null;
    }
    const parsed = parseDateTime(cell);
    if (!parsed.ok) {
      problem(field, parsed.reason);
      return null;
    }
    return parsed.value.dateOnly && endOfDay ? vnMidnight(addDays(parsed.value.date, 1)) - 1 : parsed.value.instant;
  };

  const dossierId = required('dossier_id');
  if (dossierId !== null) {
    const first = ctx.seen.get(dossierId);
    if (first !== undefined) problem('dossier_id', `appears twice in this file: first on line ${first}`);
    else ctx.seen.set(dossierId, row.line);
  }
  const unitCode = required('unit_code');
  if (unitCode !== null && !ctx.unitCodes.has(unitCode)) problem('unit_code', 'is not a known unit: import the unit first, or correct the code');
  const procedureRaw = required('procedure_code');
  const channelText = required('channel');
  const channel = channelText === null ? null : optional('channel', parseChannel);
  const receivedAt = instant('received_at', false, true);
  const dueAt = instant('due_at', true, true);
  const completedAt = instant('completed_at', false, false);
  const returnedAt = instant('returned_at', false, false);
  const status = optional('status', parseStatus);
  const serviceLevel = optional('service_level', parseServiceLevel);
  let endToEnd: boolean | null = null;
  if (row.has('end_to_end')) {
    if (required('end_to_end') !== null) endToEnd = optional('end_to_end', parseBoolean);
  } else {
    endToEnd = serviceLevel === 4 && channel === 'online';
  }
  if (endToEnd === true && channel !== null && channel !== 'online') problem('end_to_end', `is yes, but a dossier submitted by ${channel} cannot be done end-to-end online`);
  if (receivedAt !== null && dueAt !== null && dueAt < receivedAt) problem('due_at', 'is before the date the dossier was received');
  if (receivedAt !== null && completedAt !== null && completedAt < receivedAt) problem('completed_at', 'is before the date the dossier was received');
  if (completedAt === null && (status === 'completed' || status === 'rejected')) {
    problem(row.has('completed_at') ? 'completed_at' : 'status', `is missing: the status says the dossier was ${status}, so it needs a completion date`);
  }
  const eResult = optional('e_result', parseBoolean);
  const digitized = optional('digitized', parseBoolean);
  const feeRequired = optional('fee_required', parseBoolean);
  const paidOnline = optional('paid_online', parseBoolean);

  if (bad || dossierId === null || unitCode === null || procedureRaw === null || channel === null || endToEnd === null || receivedAt === null || dueAt === null) return null;
  const statusRaw = row.text('status');
  return {
    dossierId, unitCode, procedureCode: normalizeProcedureCode(procedureRaw), procedureCodeRaw: procedureRaw,
    procedureName: row.text('procedure_name') || null, channel, endToEnd, receivedAt, dueAt, completedAt, returnedAt,
    status, statusRaw: statusRaw ? statusRaw : null, serviceLevel, eResult, digitized, feeRequired, paidOnline,
  };
}
