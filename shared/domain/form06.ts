/**
 * Biểu số 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP), SPEC §8: what the form counts and how it lays its columns out.
 * The client takes its table from here (values only, no zod), the XLSX its merged header.
 */

/** The figures of one row, in the order of the JSON output (SPEC §8). */
export const FORM06_FIELDS = [
  'carriedOver', 'receivedOnline', 'receivedOffline', 'receivedTotal',
  'resolvedTotal', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate',
  'pendingTotal', 'pendingWithinDeadline', 'pendingOverdue',
] as const;
export type Form06Field = (typeof FORM06_FIELDS)[number];

/** The form's numeric columns (3) to (13), left to right, as the printed form orders them. */
export const FORM06_COLUMNS: readonly Form06Field[] = [
  'receivedTotal', 'receivedOnline', 'receivedOffline', 'carriedOver',
  'resolvedTotal', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate',
  'pendingTotal', 'pendingWithinDeadline', 'pendingOverdue',
];

export type Form06HeadKey =
  | 'received' | 'result' | 'total' | 'newlyReceived' | 'carriedOver' | 'resolved' | 'pending'
  | 'online' | 'offline' | 'early' | 'onTime' | 'late' | 'withinDeadline' | 'overdue';

/** One cell of the form's header over the numeric columns: `row` 0–2, `col` an index into FORM06_COLUMNS. */
export interface Form06HeadCell {
  key: Form06HeadKey;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * The header above columns (3)–(13): two rows of merged group headers over the leaf row, as the form prints it.
 * STT and the unit name span all three rows to its left.
 */
export const FORM06_HEAD: readonly Form06HeadCell[] = [
  { key: 'received', row: 0, col: 0, rowSpan: 1, colSpan: 4 },
  { key: 'result', row: 0, col: 4, rowSpan: 1, colSpan: 7 },
  { key: 'total', row: 1, col: 0, rowSpan: 2, colSpan: 1 },
  { key: 'newlyReceived', row: 1, col: 1, rowSpan: 1, colSpan: 2 },
  { key: 'carriedOver', row: 1, col: 3, rowSpan: 2, colSpan: 1 },
  { key: 'resolved', row: 1, col: 4, rowSpan: 1, colSpan: 4 },
  { key: 'pending', row: 1, col: 8, rowSpan: 1, colSpan: 3 },
  { key: 'online', row: 2, col: 1, rowSpan: 1, colSpan: 1 },
  { key: 'offline', row: 2, col: 2, rowSpan: 1, colSpan: 1 },
  { key: 'total', row: 2, col: 4, rowSpan: 1, colSpan: 1 },
  { key: 'early', row: 2, col: 5, rowSpan: 1, colSpan: 1 },
  { key: 'onTime', row: 2, col: 6, rowSpan: 1, colSpan: 1 },
  { key: 'late', row: 2, col: 7, rowSpan: 1, colSpan: 1 },
  { key: 'total', row: 2, col: 8, rowSpan: 1, colSpan: 1 },
  { key: 'withinDeadline', row: 2, col: 9, rowSpan: 1, colSpan: 1 },
  { key: 'overdue', row: 2, col: 10, rowSpan: 1, colSpan: 1 },
];

/** Rows of the header: the two group rows and the leaf row. */
export const FORM06_HEAD_ROWS = 3;

/** Stored snapshots of the quarterly form are reports of the period `bieu06-2025-Q3`, so that they never pass for the weekly pack. */
export const FORM06_SNAPSHOT_PREFIX = 'bieu06-';
