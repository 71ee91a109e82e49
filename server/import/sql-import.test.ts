import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/port';
import { ROLLUP_TABLES } from '../store/rollup-sql';
import { ENGINES, type Engine } from '../store/testing/engines';
import { lcg, randomDossiers, UNITS_CSV } from '../store/testing/random-dossiers';
import type { DossierRecord } from '../../shared/schemas/dossier';
import { importFile, type ImportReport, type ImportRequest } from './run-import';

/**
 * The SQL path (decisions 026 and 031) against the row parser, on each engine: on good files of every shape it must
 * store exactly what the row parser stores, and on files with any fault it must decline so that the row parser
 * writes the same report.
 */

const NOW = Date.parse('2026-01-01T00:00:00Z');
let engine: Engine;
let fast: Store;
let rows: Store;

const comparable = (r: ImportReport) => ({
  ok: r.ok, rows: r.rows, issues: r.issues, issueCount: r.issueCount,
  record: r.record && { kind: r.record.kind, fileName: r.record.fileName, rows: r.record.rows, outcome: r.record.outcome, errorCount: r.record.errorCount, actor: r.record.actor },
});

/** A table's rows in one order on either engine. */
const sorted = (list: Record<string, unknown>[]) => list.map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).sort();

async function stored(store: Store) {
  const tables: Record<string, unknown> = { dossiers: sorted(await engine.rows(store, 'SELECT * FROM dossiers')) };
  for (const t of ROLLUP_TABLES) tables[t] = sorted(await engine.rows(store, `SELECT * FROM ${t}`));
  return { tables, version: await store.dataVersion(), audit: (await store.listAudit(5, 0)).map((e) => ({ action: e.action, target: e.target, after: e.after?.replace(/"importId":\d+/, '') })) };
}

/** Imports `csv` by both paths into the two stores; returns the path the default import took, and why. */
async function both(csv: Buffer, extra: Partial<ImportRequest> = {}): Promise<{ path: string; declined: string | null; report: ImportReport }> {
  let path = 'none';
  let declined: string | null = null;
  const req = { kind: 'dossiers' as const, fileName: 'd.csv', actor: 'officer', now: NOW, ...extra };
  const byDefault = await importFile(fast, { ...req, source: { buffer: csv }, onPath: (p, why) => ((path = p), (declined = why)) });
  const byRows = await importFile(rows, { ...req, source: { buffer: csv }, rowsOnly: true });
  expect(comparable(byDefault)).toEqual(comparable(byRows));
  expect(await stored(fast)).toEqual(await stored(rows));
  return { path, declined, report: byDefault };
}

const HEADERS = {
  chiso: ['dossier_id', 'unit_code', 'procedure_code', 'procedure_name', 'channel', 'end_to_end', 'received_at', 'due_at', 'completed_at', 'returned_at', 'status', 'e_result', 'digitized', 'fee_required', 'paid_online'],
  vietnamese: ['Mã hồ sơ', 'Mã đơn vị', 'Mã TTHC', 'Tên thủ tục', 'Kênh nộp', 'Toàn trình', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày có kết quả', 'Ngày trả', 'Trạng thái', 'Kết quả điện tử', 'Số hóa', 'Có phí', 'Thanh toán trực tuyến'],
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
type DateForm = (ms: number, dateOnly: boolean) => string;
const wall = (ms: number) => new Date(ms + 7 * 3_600_000);
const DATE_FORMS: Record<string, DateForm> = {
  isoLocal: (ms, d) => (d ? wall(ms).toISOString().slice(0, 10) : wall(ms).toISOString().slice(0, 19)),
  isoSpaceMinutes: (ms) => wall(ms).toISOString().slice(0, 16).replace('T', ' '),
  isoUtc: (ms) => new Date(ms).toISOString(),
  isoUtcSeconds: (ms) => `${new Date(ms).toISOString().slice(0, 19)}Z`,
  dmy: (ms, d) => {
    const w = wall(ms);
    const date = `${pad(w.getUTCDate())}/${pad(w.getUTCMonth() + 1)}/${w.getUTCFullYear()}`;
    return d ? date : `${date} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`;
  },
  dmyShort: (ms) => {
    const w = wall(ms);
    return `${w.getUTCDate()}/${w.getUTCMonth() + 1}/${w.getUTCFullYear()} ${w.getUTCHours()}:${pad(w.getUTCMinutes())}`;
  },
  offset: (ms) => `${wall(ms).toISOString().slice(0, 19)}+07:00`,
};

interface Shape {
  header: keyof typeof HEADERS;
  delimiter: ',' | ';';
  newline: '\n' | '\r\n';
  bom: boolean;
  preamble: boolean;
  note: boolean;
  dates: (keyof typeof DATE_FORMS)[];
  words: boolean;
  padded: boolean;
  blankRows: boolean;
  serviceLevel: boolean;
}

const SHAPES: Shape[] = [
  { header: 'chiso', delimiter: ',', newline: '\n', bom: false, preamble: false, note: false, dates: ['isoLocal'], words: false, padded: false, blankRows: false, serviceLevel: false },
  { header: 'vietnamese', delimiter: ';', newline: '\r\n', bom: true, preamble: true, note: true, dates: ['dmy'], words: true, padded: false, blankRows: true, serviceLevel: false },
  { header: 'chiso', delimiter: ',', newline: '\r\n', bom: false, preamble: false, note: true, dates: ['isoUtc', 'isoSpaceMinutes', 'isoUtcSeconds'], words: false, padded: true, blankRows: false, serviceLevel: true },
  { header: 'vietnamese', delimiter: ',', newline: '\n', bom: false, preamble: true, note: false, dates: ['isoLocal', 'dmy', 'dmyShort', 'offset'], words: true, padded: true, blankRows: true, serviceLevel: true },
];

const CHANNEL_WORDS = { online: ['online', 'Trực tuyến', '2'], counter: ['counter', 'Trực tiếp', '1'], postal: ['postal', 'Bưu chính', '3'] } as const;

/** A file of `n` random dossiers in `shape`; cells quoted only when they must be. */
function fileOf(shape: Shape, n: number, seed: number): { lines: string[]; text: () => Buffer; header: string[] } {
  const rnd = lcg(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const quote = (v: string) => (v.includes(shape.delimiter) || /["\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const header = [...HEADERS[shape.header]];
  if (shape.serviceLevel) header.splice(5, 1, shape.header === 'chiso' ? 'service_level' : 'Mức độ');
  if (shape.note) header.push('Ghi chú');
  const bool = (b: boolean | null) => (b === null ? '' : shape.words ? pick(b ? ['Có', 'x', 'true'] : ['Không', '0', 'false']) : String(b));
  const records: DossierRecord[] = randomDossiers(n, seed);
  const lines = records.map((d) => {
    const form = DATE_FORMS[pick(shape.dates)] as DateForm;
    const date = (ms: number | null, dateOnly = false) => (ms === null ? '' : form(ms, dateOnly));
    const status = d.completedAt === null && (d.status === 'completed' || d.status === 'rejected') ? 'processing' : d.status;
    const cells = [
      d.dossierId, d.unitCode, d.procedureCodeRaw, d.procedureName?.replace(/[\t\n\r]/g, ' ') ?? '', shape.words ? pick(CHANNEL_WORDS[d.channel]) : d.channel,
      shape.serviceLevel ? (d.channel === 'online' && d.endToEnd ? 'Mức độ 4' : pick(['', '2', '3'])) : bool(d.endToEnd),
      date(d.receivedAt), date(d.dueAt, rnd() < 0.3), date(d.completedAt), date(d.returnedAt), status === null ? '' : status === 'not_received' ? '1' : shape.words && status === 'completed' ? 'Đã trả kết quả' : status,
      bool(d.eResult), bool(d.digitized), bool(d.feeRequired), bool(d.paidOnline),
      ...(shape.note ? [pick(['', 'ghi chú, có dấu phẩy', 'nói "rõ"', 'hai\ndòng', 'x; y'])] : []),
    ].map((c) => (shape.padded && c !== '' && rnd() < 0.2 ? ` ${c}  ` : c));
    return cells.map(quote).join(shape.delimiter);
  });
  if (shape.blankRows) lines.splice(Math.floor(n / 2), 0, shape.delimiter.repeat(header.length - 1), '');
  const text = () => {
    const all = [...(shape.preamble ? ['BÁO CÁO HỒ SƠ TUẦN 31', ''] : []), header.map(quote).join(shape.delimiter), ...lines].join(shape.newline) + shape.newline;
    return Buffer.concat([shape.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(all, 'utf8')]);
  };
  return { lines, text, header };
}

describe.each(ENGINES)('the SQL path and the row parser on $name', (e) => {
  beforeEach(async () => {
    engine = e;
    [fast, rows] = await Promise.all([e.open(), e.open()]);
    for (const store of [fast, rows]) expect((await importFile(store, { kind: 'units', source: { buffer: UNITS_CSV }, fileName: 'u.csv', actor: null })).ok).toBe(true);
  });
  afterEach(async () => {
    await Promise.all([fast.close(), rows.close()]);
  });

  it.each(SHAPES.map((s, i) => [i, s] as const))('store the same dossiers and report the same for a good file of shape %i', async (i, shape) => {
    const file = fileOf(shape, 400, 100 + i);
    const { path, declined, report } = await both(file.text());
    expect(report.issues.slice(0, 3)).toEqual([]);
    expect(report.ok).toBe(true);
    expect([path, declined]).toEqual(['sql', null]);
    // Imported again: every dossier replaced, the same state.
    expect((await both(file.text())).path).toBe('sql');
  });

  it('read ids with spaces inside, punctuation, or spaces around (trimmed by the row parser) the same way', async () => {
    const shape = SHAPES[0] as Shape;
    const file = fileOf(shape, 120, 13);
    const at = HEADERS.chiso.indexOf('dossier_id');
    const ids = ['HS 001/2025', '~!#$%&()*+-./:;<=>?@[]^_`{|}', ' HS-LEAD', 'HS-TRAIL ', 'x', 'A  B'];
    ids.forEach((id, k) => {
      const cells = (file.lines[k * 10] as string).split(',');
      cells[at] = `"${id.replace(/"/g, '""')}"`;
      file.lines[k * 10] = cells.join(',');
    });
    const { path, report } = await both(file.text());
    expect(report.ok).toBe(true);
    expect(path).toBe('sql');
  });

  it('read many procedure codes in the national long form through the table of their readings', async () => {
    const shape = SHAPES[0] as Shape;
    const file = fileOf(shape, 300, 17);
    const at = HEADERS.chiso.indexOf('procedure_code');
    file.lines.forEach((line, k) => {
      const cells = line.split(',');
      // 60 distinct codes, each stored as its first two parts: more than a CASE takes, so the readings are joined.
      cells[at] = `1.${100000 + (k % 60)}.000.00.00.H${k % 60}`;
      file.lines[k] = cells.join(',');
    });
    const { path, report } = await both(file.text());
    expect([path, report.ok]).toEqual(['sql', true]);
    const codes = await engine.rows(fast, "SELECT DISTINCT procedure_code FROM dossiers WHERE procedure_code LIKE '1.1000%'");
    expect(codes).toHaveLength(60);
    // The code and status as written are kept where they differ from their reading, and only there (decision 032).
    const statusAt = HEADERS.chiso.indexOf('status');
    for (const store of [fast, rows]) {
      const kept = await engine.rows(store, `SELECT dossier_id, procedure_code_raw, coalesce(procedure_code_raw, procedure_code) AS code_written,
          status, status_raw, coalesce(status_raw, status) AS status_written FROM dossiers ORDER BY dossier_id`);
      expect(kept).toHaveLength(file.lines.length);
      for (const r of kept) {
        const k = file.lines.findIndex((line) => line.startsWith(`${String(r.dossier_id)},`));
        const status = (file.lines[k] as string).split(',')[statusAt] || null;
        expect([r.code_written, r.status_written]).toEqual([`1.${100000 + (k % 60)}.000.00.00.H${k % 60}`, status]);
        expect(r.status_raw === null).toBe(status === r.status);
      }
    }
  });

  it('replace part of what is stored and keep the rollups exact', async () => {
    const shape = SHAPES[0] as Shape;
    expect((await both(fileOf(shape, 600, 7).text())).path).toBe('sql');
    const part = fileOf(shape, 300, 7);
    part.lines.forEach((line, k) => {
      part.lines[k] = line.replace(/,U\d,/, `,U${k % 7},`);
    });
    expect((await both(part.text())).path).toBe('sql');
    expect(await fast.rollupDrift()).toBe(0);
  });

  /** One cell of row `row` (0-based among data rows) changed: [name, column, value]. */
  const CELL_FAULTS: [string, string, string][] = [
    ['empty id', 'dossier_id', ''],
    ['id too long', 'dossier_id', 'H'.repeat(101)],
    ['control character in id', 'dossier_id', 'A\u0007B'],
    ['id of spaces', 'dossier_id', '   '],
    ['unknown unit', 'unit_code', 'NOWHERE'],
    ['empty unit', 'unit_code', ''],
    ['empty procedure', 'procedure_code', ''],
    ['replacement character in name', 'procedure_name', 'x\ufffdy'],
    ['control character in name', 'procedure_name', 'Cấp\u001b bản sao'],
    ['name too long', 'procedure_name', 'C'.repeat(1001)],
    ['unknown channel', 'channel', 'email'],
    ['empty channel', 'channel', ''],
    ['not a yes/no', 'end_to_end', 'maybe'],
    ['empty end-to-end', 'end_to_end', ''],
    ['empty received', 'received_at', ''],
    ['30 February', 'received_at', '2025-02-30T01:00:00'],
    ['hour 24', 'received_at', '2025-07-01T24:00:00'],
    ['second 60', 'received_at', '2025-07-01T23:59:60'],
    ['minute 60', 'received_at', '2025-07-01T10:60:00'],
    ['hour 24 (dd/mm/yyyy)', 'received_at', '01/07/2025 24:00'],
    ['hour 24, UTC', 'completed_at', '2025-08-01T24:00:00Z'],
    ['one-digit month (ISO)', 'received_at', '2025-7-01T08:00:00'],
    ['year out of range', 'received_at', '1999-12-31T10:00:00'],
    ['month 13', 'received_at', '2025-13-01'],
    ['31/02', 'received_at', '31/02/2025 10:00:00'],
    ['not a date', 'received_at', 'hôm qua'],
    ['received after the import', 'received_at', '2026-01-03T00:00:00'],
    ['due before received', 'due_at', '2000-01-01'],
    ['completed before received', 'completed_at', '2000-01-01T00:00:00'],
    ['returned after the import', 'returned_at', '2026-02-01T00:00:00'],
    ['bad offset', 'completed_at', '2025-08-01T08:00:00+25:00'],
    ['unknown status', 'status', 'lost'],
    ['not a yes/no (e_result)', 'e_result', 'perhaps'],
    ['value too long', 'paid_online', 'x'.repeat(1001)],
  ];

  it.each(CELL_FAULTS)('decline a file with one fault (%s) and leave the report to the row parser', async (_name, column, value) => {
    const shape = SHAPES[0] as Shape;
    const file = fileOf(shape, 200, 31);
    const at = shape.header === 'chiso' ? HEADERS.chiso.indexOf(column) : -1;
    const cells = (file.lines[120] as string).split(',');
    cells[at] = value.includes(',') ? `"${value}"` : value;
    file.lines[120] = cells.join(',');
    const { path, report } = await both(file.text());
    expect(report.ok).toBe(false);
    expect(path).toBe('rows');
  });

  it('decline rules between cells: completed without a date, end-to-end at the counter, a repeated id', async () => {
    const base = () => fileOf(SHAPES[0] as Shape, 200, 41);
    const set = (lines: string[], k: number, column: string, value: string) => {
      const cells = (lines[k] as string).split(',');
      cells[HEADERS.chiso.indexOf(column)] = value;
      lines[k] = cells.join(',');
    };
    let file = base();
    set(file.lines, 50, 'completed_at', '');
    set(file.lines, 50, 'status', 'completed');
    expect(await both(file.text())).toMatchObject({ path: 'rows', report: { ok: false } });
    file = base();
    set(file.lines, 60, 'channel', 'counter');
    set(file.lines, 60, 'end_to_end', 'true');
    expect(await both(file.text())).toMatchObject({ path: 'rows', report: { ok: false } });
    file = base();
    set(file.lines, 70, 'dossier_id', (file.lines[3] as string).split(',')[0] as string);
    expect(await both(file.text())).toMatchObject({ path: 'rows', report: { ok: false } });
  });

  /** Files DuckDB's reader and papaparse could read differently: the SQL path must not take them. */
  const BYTE_FAULTS: [string, (lines: string[]) => void][] = [
    ['a NUL byte in a column nobody reads', (l) => (l[5] += ',\u0000')],
    ['a space before a quote', (l) => (l[9] = (l[9] as string).replace(/^([^,]*),([^,]*),([^,]*),/, '$1,$2,$3, "x",'))],
    ['text after a closing quote', (l) => (l[9] = (l[9] as string).replace(/^([^,]*),([^,]*),([^,]*),/, '$1,$2,$3,"x"y,'))],
    ['a quote inside a cell', (l) => (l[9] = (l[9] as string).replace(/^([^,]*),([^,]*),([^,]*),/, '$1,$2,$3,a"b,'))],
    ['an unterminated quote', (l) => (l[l.length - 1] = `${l[l.length - 1]},"open`)],
    ['a row with a cell less', (l) => (l[9] = (l[9] as string).replace(/,[^,]*$/, ''))],
    ['a row with a cell more', (l) => (l[9] += ',extra')],
    ['a lone carriage return', (l) => (l[9] = (l[9] as string).replace(/,([^,]*),/, ',$1\r,'))],
    ['a CRLF among LFs', (l) => (l[9] += '\r')],
    ['a row of spaces', (l) => l.splice(9, 0, '   ')],
    ['the header again as a data row', (l) => l.splice(0, 0, HEADERS.chiso.join(','))],
    ['a repeated header column', () => undefined],
  ];

  it.each(BYTE_FAULTS)('decline a file with %s and report as the row parser does', async (name, change) => {
    const file = fileOf(SHAPES[0] as Shape, 150, 51);
    change(file.lines);
    let csv = file.text();
    if (name === 'a repeated header column') csv = Buffer.from(csv.toString('utf8').replace('procedure_name', 'dossier_id'));
    const { path } = await both(csv);
    expect(path).toBe('rows');
  });

  it('decline a file that is not UTF-8, or past the row limit, and let the row parser decide', async () => {
    const file = fileOf(SHAPES[1] as Shape, 100, 61);
    const latin = Buffer.from(file.text().toString('utf8').replace(/^\ufeff/, ''), 'latin1');
    expect((await both(latin)).path).toBe('rows');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fileOf(SHAPES[0] as Shape, 50, 62).text().toString('utf8'), 'utf16le')]);
    expect(await both(utf16)).toMatchObject({ path: 'rows', report: { ok: true } });
    expect(await both(fileOf(SHAPES[0] as Shape, 100, 63).text(), { limits: { maxRows: 100 } })).toMatchObject({ path: 'rows', report: { ok: false } });
  });

  it('read every date form the same way as the row parser, or leave it to it', async () => {
    const cells = [
      '2025-07-01', '2025-07-01T08:05', '2025-07-01 08:05', '2025-07-01T08:05:09', '2025-07-01 08:05:09', '2025-07-01T01:05:09Z',
      '2025-07-01T01:05:09.123Z', '2025-07-01T01:05:09.1Z', '2025-07-01T08:05:09+07:00', '2025-07-01t08:05:09', '01/07/2025', '1/7/2025',
      '01/07/2025 08:05', '01/07/2025 08:05:09', '1/7/2025 8:05', '20250701080509', ' 2025-07-01T08:05:09 ', '2025-07-01T08:05:09 Z',
      '29/02/2024', '29/02/2025', '2025-07-01T23:59', '31/12/2099 23:59:59', '01/01/2000', '2025-07-01T08:05:09.999999999',
    ];
    for (const cell of cells) {
      const csv = Buffer.from(`dossier_id,unit_code,procedure_code,channel,end_to_end,received_at,due_at\nD1,U1,1.001,online,true,${cell},${cell}\nD2,U2,1.002,counter,false,2025-06-30T08:00:00,${cell}\n`);
      const { report } = await both(csv);
      expect([cell, report.issues]).toEqual([cell, expect.any(Array)]);
    }
  });
});
