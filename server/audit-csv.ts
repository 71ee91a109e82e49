import Papa from 'papaparse';
import type { AuditEntry } from '../shared/schemas/account';
import { safeRecord } from './safe-cell';

/** The audit trail as CSV (UTF-8 with BOM so Excel shows Vietnamese right). */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) => safeRecord({ id: e.id, at: e.at, actor: e.actor ?? '', action: e.action, target: e.target ?? '', before: e.before ?? '', after: e.after ?? '', address: e.address ?? '' }));
  return `\uFEFF${Papa.unparse(rows, { columns: ['id', 'at', 'actor', 'action', 'target', 'before', 'after', 'address'] })}\r\n`;
}
