import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { hanoiUnits } from '../server/seed/demo-units';
import { inlineRow, repeat, SHEET_END, SHEET_START, workbook } from '../server/testing/xlsx-parts';
import { benchDossiers } from './generate';
import { loadDirect, memoryOf, OUT, signIn, startServer, stopServer } from './server-process';

/**
 * `npm run bench -- uploads`: the server's memory (RSS sampled every 100 ms, and VmHWM) while it takes two
 * 300,000-row XLSX uploads at once, then hostile workbooks: a rows bomb and a text-table bomb. SPEC's bound: 1 GB.
 */
const ROWS = Number(process.env.UPLOAD_ROWS ?? 300_000);
const HEADER = ['Mã hồ sơ', 'Mã đơn vị', 'Mã TTHC', 'Kênh thực hiện', 'Toàn trình', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày hoàn thành', 'Trạng thái'];

/** A realistic export: Excel's shared strings, date cells with a date-and-time format, Vietnamese headers and values. */
async function exportXlsx(path: string, seed: number): Promise<void> {
  if (existsSync(path)) return;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${path}.partial`, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Hồ sơ');
  ws.addRow(HEADER).commit();
  const wall = (t: number) => new Date(t + 7 * 3_600_000);
  for (const d of benchDossiers(hanoiUnits(), ROWS, seed)) {
    if (d.receivedAt > Date.now()) continue;
    const done = d.completedAt !== null && d.completedAt <= Date.now() ? d.completedAt : null;
    const row = ws.addRow([d.dossierId, d.unitCode, d.procedureCode, d.channel === 'online' ? 'Trực tuyến' : d.channel === 'postal' ? 'Bưu chính' : 'Trực tiếp', d.endToEnd ? 'Có' : 'Không', wall(d.receivedAt), wall(d.dueAt), done === null ? null : wall(done), d.status === 'withdrawn' ? 7 : done ? 10 : 4]);
    for (const c of [6, 7, 8]) row.getCell(c).numFmt = 'dd/mm/yyyy hh:mm';
    row.commit();
  }
  ws.commit();
  await wb.commit();
  copyFileSync(`${path}.partial`, path);
  rmSync(`${path}.partial`);
}

const DOSSIER_HEADER = ['dossier_id', 'unit_code', 'procedure_code', 'channel', 'end_to_end', 'received_at', 'due_at'];
const BOMBS: [string, () => Promise<Buffer>][] = [
  ['rows bomb: a dimension of A1:XFD1048576 and 6,000,000 empty rows', () => workbook([SHEET_START.replace('<sheetData>', '<dimension ref="A1:XFD1048576"/><sheetData>'), inlineRow(1, DOSSIER_HEADER), ...repeat('<row/>', 6_000_000), SHEET_END])],
  ['rows bomb: 1,000,000 rows of one cell each', () => workbook([SHEET_START, inlineRow(1, DOSSIER_HEADER), ...repeat('<row><c t="inlineStr"><is><t>x</t></is></c></row>', 1_000_000), SHEET_END])],
  ['text-table bomb: shared strings that unpack to 2 GB', () => workbook([SHEET_START, SHEET_END], ['<sst>', ...repeat(' ', 2 * 1024 * 1024 * 1024), '</sst>'])],
];

const results: string[] = [];
const say = (line: string) => {
  console.log(line);
  results.push(line);
};

const database = `${OUT}uploads.duckdb`;
for (const f of [database, `${database}.wal`]) rmSync(f, { force: true });
copyFileSync(await loadDirect(1_000_000), database);
const files = [`${OUT}upload-${ROWS}-a.xlsx`, `${OUT}upload-${ROWS}-b.xlsx`];
await exportXlsx(files[0] as string, 11);
await exportXlsx(files[1] as string, 12);
const port = 39000 + Math.floor(Math.random() * 1000);
const server = await startServer(database, port);
const pid = server.pid as number;
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, memoryOf(pid).rssMb);
}, 100);
try {
  const base = `http://127.0.0.1:${port}`;
  const cookie = await signIn(base, 'bench-officer');
  const upload = async (name: string, body: Buffer) => {
    const t0 = Date.now();
    const res = await fetch(`${base}/api/imports?kind=dossiers`, { method: 'POST', body: new Uint8Array(body), headers: { cookie, 'x-file-name': encodeURIComponent(name) } });
    const report = (await res.json()) as { ok?: boolean; rows?: number; issues?: { reason: string }[] };
    return { status: res.status, ok: report.ok, rows: report.rows, reason: report.issues?.[0]?.reason, seconds: (Date.now() - t0) / 1000 };
  };
  const idle = memoryOf(pid).rssMb;
  say(`server on 1,000,000 dossiers, idle after start: RSS ${idle.toFixed(0)} MB`);
  say('| upload | size | answer | time | server peak RSS |');
  say('|---|---|---|---|---|');
  peak = 0;
  const both = await Promise.all(files.map((f, i) => upload(`export-${i}.xlsx`, readFileSync(f))));
  for (const [i, r] of both.entries()) {
    say(`| ${ROWS.toLocaleString('en')}-row XLSX ${'AB'[i]} (sent at the same time as the other) | ${(statSync(files[i] as string).size / 1e6).toFixed(1)} MB | ${r.status}, ${r.rows?.toLocaleString('en')} rows${r.ok ? ' imported' : `, refused: ${r.reason}`} | ${r.seconds.toFixed(1)} s | ${peak.toFixed(0)} MB (both) |`);
  }
  for (const [label, make] of BOMBS) {
    const body = await make();
    peak = memoryOf(pid).rssMb;
    const r = await upload('bomb.xlsx', body);
    say(`| ${label} | ${(body.length / 1e3).toFixed(0)} kB | ${r.status}: ${r.reason} | ${r.seconds.toFixed(1)} s | ${peak.toFixed(0)} MB |`);
  }
  say(`server peak RSS over the whole run (VmHWM): ${memoryOf(pid).peakMb.toFixed(0)} MB`);
} finally {
  clearInterval(sampler);
  await stopServer(server);
}
writeFileSync(`${OUT}uploads.md`, `${results.join('\n')}\n`);
console.log('\nwritten to bench/out/uploads.md');
