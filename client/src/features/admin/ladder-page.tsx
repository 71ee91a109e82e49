import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ESCALATION_LEVELS, type EscalationLevel } from '../../../../shared/domain/accountability';
import { DataTable } from '../../components/ui/data-table';
import { DateField } from '../../components/ui/date-field';
import { ErrorNote, QueryState } from '../../components/ui/status';
import { formatDate, formatDateTime } from '../../lib/format';
import { useLadder } from '../../lib/use-ladder';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';

type Version = RouterOutputs['escalation']['versions'][number];
interface Row {
  level: EscalationLevel;
  used: boolean;
  minPeriods: string;
  name: string;
  nameEn: string;
}

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The form's rows: every level the product knows, filled from a version (levels it leaves out unticked). */
function rowsOf(v: Pick<Version, 'steps'>): Row[] {
  return ESCALATION_LEVELS.map((level) => {
    const s = v.steps.find((x) => x.level === level);
    return { level, used: Boolean(s), minPeriods: s ? String(s.minPeriods) : '', name: s?.name ?? '', nameEn: s?.nameEn ?? '' };
  });
}

/**
 * The escalation ladder is data: an admin sets how many periods below target reach each level and what the levels are
 * called, from a day on. The server checks the ladder, keeps every version (periods already judged keep theirs) and
 * audits the change.
 */
export default function LadderPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.escalation.versions.queryOptions());
  const current = useLadder().data;
  const [rows, setRows] = useState<Row[] | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState(today());
  const save = useMutation(trpc.escalation.save.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  useEffect(() => {
    if (current && rows === null) setRows(rowsOf(current));
  }, [current, rows]);
  const set = (level: EscalationLevel, patch: Partial<Row>) => setRows((rs) => (rs ?? []).map((r) => (r.level === level ? { ...r, ...patch } : r)));
  const submit = () => {
    const steps = (rows ?? []).filter((r) => r.used).map((r) => ({ level: r.level, minPeriods: Number(r.minPeriods), name: r.name, nameEn: r.nameEn }));
    save.mutate({ effectiveFrom, steps });
  };
  return (
    <>
      <h1>{t('ladder.title')}</h1>
      <p className="muted">{t('ladder.help')}</p>
      <QueryState query={versions}>
        {(list) => (
          <DataTable<Version>
            rows={[...list].reverse()}
            rowKey={(v) => String(v.version)}
            caption={t('ladder.versions')}
            columns={[
              { key: 'version', header: t('reports.version'), numeric: true, cell: (v) => v.version },
              { key: 'from', header: t('ladder.effectiveFrom'), cell: (v) => (v.version === 0 ? t('ladder.always') : formatDate(v.effectiveFrom, lng)) },
              { key: 'steps', header: t('ladder.levels'), cell: (v) => v.steps.map((s) => `${lng === 'en' ? s.nameEn : s.name} (≥ ${s.minPeriods})`).join(' → ') },
              { key: 'origin', header: t('indexes.origin'), cell: (v) => (v.version === 0 ? t('ladder.default') : `${v.createdBy ?? '—'} · ${v.createdAt ? formatDateTime(v.createdAt, lng) : ''}`) },
              { key: 'edit', header: <span className="sr-only">{t('admin.edit')}</span>, cell: (v) => <button type="button" className="small" onClick={() => setRows(rowsOf(v))}>{t('ladder.startFrom')}</button> },
            ]}
          />
        )}
      </QueryState>
      {current && <p>{t('ladder.inForce', { version: current.version })}</p>}
      <form className="card" aria-labelledby="ladder-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <h2 id="ladder-form">{t('ladder.newVersion')}</h2>
        {rows && (
          <table className="ladder-form">
            <thead>
              <tr><th>{t('ladder.level')}</th><th>{t('ladder.used')}</th><th>{t('ladder.minPeriods')}</th><th>{t('ladder.name')}</th><th>{t('ladder.nameEn')}</th></tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.level}>
                  <th scope="row">{i + 1}. <code>{r.level}</code></th>
                  <td><input type="checkbox" checked={r.used} aria-label={t('ladder.usedLevel', { level: r.level })} onChange={(e) => set(r.level, { used: e.target.checked })} /></td>
                  <td><input type="number" min={1} max={52} step={1} value={r.minPeriods} disabled={!r.used} aria-label={t('ladder.minPeriodsOf', { level: r.level })} onChange={(e) => set(r.level, { minPeriods: e.target.value })} /></td>
                  <td><input value={r.name} disabled={!r.used} maxLength={100} aria-label={t('ladder.nameOf', { level: r.level })} onChange={(e) => set(r.level, { name: e.target.value })} /></td>
                  <td><input value={r.nameEn} disabled={!r.used} maxLength={100} aria-label={t('ladder.nameEnOf', { level: r.level })} onChange={(e) => set(r.level, { nameEn: e.target.value })} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <DateField label={t('ladder.effectiveFrom')} value={effectiveFrom} onChange={setEffectiveFrom} required />
        <p className="muted small">{t('ladder.effectiveHelp')}</p>
        <button type="submit" disabled={save.isPending || !rows}>{t('ladder.save')}</button>
        {save.error && <ErrorNote error={save.error} />}
        {save.isSuccess && <p role="status">{t('ladder.saved', { version: save.data.version })}</p>}
      </form>
    </>
  );
}
