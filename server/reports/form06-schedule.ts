import { createHash } from 'node:crypto';
import { FORM06_SNAPSHOT_PREFIX } from '../../shared/domain/form06';
import { periodContaining, previousPeriod } from '../../shared/kpi/periods';
import { DAY_MS } from '../../shared/kpi/vn-time';
import type { ReportRecord } from '../../shared/schemas/report';
import type { AnalyticsDeps } from '../analytics/deps';
import { form06Document } from '../analytics/form06';
import { ClaimedRuns } from './claimed-runs';
import { renderOffThread } from './render-off-thread';

/** What a stored Biểu 06 records in place of an index definition: the form and the rules it was counted by. */
const FORM06_DEFINITION = { id: 'bieu06', name: 'Biểu số 06/VPCP/KSTT', basis: 'Thông tư 01/2020/TT-VPCP', rules: 'SPEC §8' };

/** The quarter whose Biểu 06 a run at `at` makes: the one before, when `at` falls in the first week of a quarter. */
export function dueQuarter(at: number): string | null {
  const quarter = periodContaining('quarter', at);
  return at - quarter.start < 7 * DAY_MS ? previousPeriod(quarter).id : null;
}

/** Makes a period's Biểu 06 now and stores it as a frozen report snapshot (XLSX, Vietnamese). */
export async function saveForm06Snapshot(deps: AnalyticsDeps, period: string, trigger: ReportRecord['trigger'], actor: string | null): Promise<ReportRecord> {
  const doc = await form06Document(deps, { period });
  const generatedAt = new Date(deps.now()).toISOString();
  const content = await renderOffThread({ kind: 'form06-xlsx', doc, generatedAt });
  return deps.store.saveReport(
    {
      period: `${FORM06_SNAPSHOT_PREFIX}${doc.period.id}`, format: 'xlsx', language: 'vi', cutOff: new Date(doc.cutOff).toISOString(), generatedAt,
      inputsHash: createHash('sha256').update(JSON.stringify(doc.form)).digest('hex'), definitionId: FORM06_DEFINITION.id,
      definitionJson: JSON.stringify(FORM06_DEFINITION), targets: '[]', trigger, createdBy: actor,
    },
    content,
  );
}

/** With the weekly run: the previous quarter's form, once across processes and restarts. Returns the quarter made, if any. */
export async function runQuarterlyForm06(deps: AnalyticsDeps, at: number, by: string, runs = new ClaimedRuns(deps.store, by, deps.now)): Promise<string | null> {
  const quarter = dueQuarter(at);
  if (!quarter) return null;
  const made = await runs.run(`form06:${quarter}`, async () => {
    // A run given back by a stopping process may have stored its form all the same (claimed-runs.ts).
    const period = `${FORM06_SNAPSHOT_PREFIX}${quarter}`;
    if ((await deps.store.listReports()).some((r) => r.period === period && r.trigger === 'schedule')) return;
    await saveForm06Snapshot(deps, quarter, 'schedule', null);
  });
  return made ? quarter : null;
}
