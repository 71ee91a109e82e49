import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { periodContaining, previousPeriod } from '../../../../shared/kpi/periods';
import { DataTable } from '../../components/ui/data-table';
import { QueryState } from '../../components/ui/status';
import { formatDate, formatDateTime, formatFixed } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';
import { useMe } from '../../lib/use-me';
import { useViewParams } from '../../lib/use-view-params';
import { useCatalogue, useRound } from './api/use-round';
import { ReportForm } from './components/report-form';
import { ReturnButton } from './components/return-button';
import { EvidenceLink } from './components/evidence-link';

type Row = RouterOutputs['indicators']['round']['rows'][number];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const STATUS_ORDER = ['late', 'returned', 'missing', 'reported'] as const;

/**
 * The programme KPIs' monthly round: a unit head reports their unit's figures; the city sees who has reported, who is
 * late ("chưa báo cáo"), and returns a value with a comment.
 */
export default function ProgrammePage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const me = useMe().data;
  const [params, update] = useViewParams();
  const lastMonth = previousPeriod(periodContaining('month', Date.now())).id;
  const period = MONTH.test(params.get('round') ?? '') ? (params.get('round') as string) : lastMonth;
  const indicatorFilter = params.get('indicator');
  const round = useRound(period);
  const catalogue = useCatalogue();
  const byCode = useMemo(() => new Map((catalogue.data ?? []).map((i) => [i.code, i])), [catalogue.data]);
  const months = useMemo(() => {
    const out = [periodContaining('month', Date.now())];
    while (out.length < 18) out.push(previousPeriod(out[out.length - 1] as (typeof out)[number]));
    return out.map((p) => p.id);
  }, []);
  const name = (code: string) => {
    const i = byCode.get(code);
    return i ? (lng === 'en' && i.nameEn ? i.nameEn : i.name) : code;
  };
  const isHead = me?.role === 'unit_head';
  const canReturn = me?.role === 'leader' || me?.role === 'admin';
  return (
    <>
      <h1>{t('programme.title')}</h1>
      <div className="filters">
        <label>
          {t('programme.round')}{' '}
          <select value={period} onChange={(e) => update({ round: e.target.value })}>
            {months.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
        {!isHead && (
          <label>
            {t('programme.indicator')}{' '}
            <select value={indicatorFilter ?? ''} onChange={(e) => update({ indicator: e.target.value || null })}>
              <option value="">{t('programme.all')}</option>
              {(catalogue.data ?? []).filter((i) => i.frequency === 'month').map((i) => <option key={i.code} value={i.code}>{name(i.code)}</option>)}
            </select>
          </label>
        )}
      </div>
      <QueryState query={round}>
        {(data) => {
          const rows = data.rows.filter((r) => !indicatorFilter || r.indicator === indicatorFilter);
          // Without a chosen indicator the city sees what needs chasing; one indicator shows every unit.
          const listed = indicatorFilter ? rows : rows.filter((r) => r.status !== 'reported');
          const count = (s: Row['status']) => rows.filter((r) => r.status === s).length;
          const missing = rows.filter((r) => r.status === 'late' || r.status === 'missing' || r.status === 'returned');
          return (
            <>
              <p className="period-line">
                {t('programme.due', { date: formatDate(data.dueDate, lng) })} · {STATUS_ORDER.map((s) => `${t(`programme.status.${s}`)}: ${count(s)}`).join(' · ')}
              </p>
              {isHead ? (
                <DataTable<Row>
                  rows={rows}
                  rowKey={(r) => r.indicator}
                  caption={t('programme.yourUnit')}
                  columns={[
                    { key: 'indicator', header: t('programme.indicator'), cell: (r) => <>{name(r.indicator)} <span className="muted small">· {t(`programme.pillars.${byCode.get(r.indicator)?.pillar ?? 'other'}`)}</span></> },
                    { key: 'status', header: t('programme.state'), cell: (r) => <StatusCell row={r} /> },
                    { key: 'form', header: t('programme.report'), cell: (r) => <ReportForm row={r} indicator={byCode.get(r.indicator)} period={data.period} /> },
                  ]}
                />
              ) : (
                <>
                  <h2>{t('programme.notReported', { count: missing.length })}</h2>
                  <DataTable<Row>
                    rows={[...listed].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.unitName.localeCompare(b.unitName, 'vi'))}
                    rowKey={(r) => `${r.indicator}|${r.unitCode}`}
                    caption={t('programme.title')}
                    captionHidden
                    columns={[
                      { key: 'unit', header: t('rankings.unit'), cell: (r) => r.unitName },
                      { key: 'indicator', header: t('programme.indicator'), cell: (r) => name(r.indicator) },
                      { key: 'status', header: t('programme.state'), cell: (r) => <StatusCell row={r} /> },
                      { key: 'value', header: t('programme.value'), numeric: true, cell: (r) => (r.record ? formatFixed(r.record.value, lng) : '—') },
                      { key: 'by', header: t('programme.by'), cell: (r) => (r.record ? `${r.record.actor ?? '—'} · ${formatDateTime(r.record.at, lng)}` : '') },
                      { key: 'evidence', header: t('programme.evidence'), cell: (r) => (r.record?.evidence ? <EvidenceLink evidence={r.record.evidence} /> : '') },
                      { key: 'return', header: <span className="sr-only">{t('programme.return')}</span>, cell: (r) => (canReturn && r.record?.state === 'submitted' ? <ReturnButton indicator={r.indicator} unitCode={r.unitCode} period={data.period} /> : null) },
                    ]}
                  />
                </>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function StatusCell({ row }: { row: Row }) {
  const { t } = useTranslation();
  const cls = row.status === 'late' || row.status === 'returned' ? 'badge badge-below' : row.status === 'missing' ? 'badge badge-at-risk' : 'badge badge-met';
  return (
    <>
      <span className={cls}>{t(`programme.status.${row.status}`)}</span>
      {row.status === 'returned' && row.record?.comment && <div className="small">{t('programme.returnedWith', { comment: row.record.comment })}</div>}
      {row.record?.note && <div className="small muted">{row.record.note}</div>}
    </>
  );
}
