import type { RankingOutput } from '../shared/schemas/ranking';

const fixed = (v: number | null) => (v === null ? '—' : v.toFixed(2));
const SHORT: Record<string, string> = { onlineRate: 'online', endToEndRate: 'e2e', onTimeRate: 'on-time', avgProcessingDays: 'days', overdueOpen: 'overdue' };

function pad(text: string, width: number, right = false): string {
  const len = [...text].length;
  if (len >= width) return text;
  return right ? ' '.repeat(width - len) + text : text + ' '.repeat(width - len);
}

/** The ranking as a plain-text table for a terminal. */
export function rankingTable(out: RankingOutput): string {
  const header = ['Rank', 'Δ', 'Code', 'Unit', 'Received', 'Online %', 'E2E %', 'On time %', 'Days', 'Index', 'Rating', 'Below target'];
  const rows = out.rows.map((r) => [
    r.rank === null ? '—' : String(r.rank),
    r.rankChange === null ? '' : r.rankChange > 0 ? `+${r.rankChange}` : String(r.rankChange),
    r.unitCode,
    r.unitName,
    String(r.received),
    fixed(r.onlineRate),
    fixed(r.endToEndRate),
    fixed(r.onTimeRate),
    fixed(r.avgProcessingDays),
    fixed(r.index),
    r.rating ?? (r.status === 'insufficient-data' ? 'too few dossiers' : ''),
    r.flags.filter((f) => f.state === 'below').map((f) => `${SHORT[f.measure] ?? f.measure} ${fixed(f.value)}<${f.target} (${f.periodsBelow})`).join(', '),
  ]);
  const numeric = new Set([0, 1, 4, 5, 6, 7, 8, 9]);
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] as number, numeric.has(i))).join('  ').trimEnd();
  return [`Ranking ${out.group} · ${out.period} · data as of ${out.asOf} · index ${out.index.id} v${out.index.version}`, line(header), ...rows.map(line)].join('\n');
}
