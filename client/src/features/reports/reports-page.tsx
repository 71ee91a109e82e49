import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRecord } from '../../../../shared/schemas/report';
import { DataTable } from '../../components/ui/data-table';
import { ErrorNote, Empty, QueryState } from '../../components/ui/status';
import { formatCount, formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { useMe } from '../../lib/use-me';
import { usePeriod } from '../../lib/use-period';
import { FORM06_SNAPSHOT_PREFIX } from '../../../../shared/domain/form06';
import { Form06Section } from './components/form06-section';

const FORMATS = ['pdf', 'xlsx', 'csv'] as const;

/** Past reports (each a frozen snapshot, every version kept) and, for those allowed, a new one. */
export default function ReportsPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { period } = usePeriod();
  const me = useMe().data;
  const reports = useQuery(trpc.reports.list.queryOptions());
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('pdf');
  const [language, setLanguage] = useState<'vi' | 'en'>(lng === 'en' ? 'en' : 'vi');
  const [regenerate, setRegenerate] = useState(false);
  const generate = useMutation(trpc.reports.generate.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.reports.list.queryFilter()) }));
  const canGenerate = me && me.role !== 'unit_head';
  return (
    <>
      <h1>{t('reports.title')}</h1>
      {canGenerate && (
        <form className="card form-grid" onSubmit={(e) => { e.preventDefault(); generate.mutate({ period, format, language, regenerate }); }}>
          <h2>{t('reports.generate')} · {period}</h2>
          <label>
            {t('reports.format')}{' '}
            <select value={format} onChange={(e) => setFormat(e.target.value as (typeof FORMATS)[number])}>
              {FORMATS.map((f) => <option key={f} value={f}>{f.toUpperCase()}</option>)}
            </select>
          </label>
          <label>
            {t('reports.language')}{' '}
            <select value={language} onChange={(e) => setLanguage(e.target.value as 'vi' | 'en')}>
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={regenerate} onChange={(e) => setRegenerate(e.target.checked)} /> {t('reports.regenerate')}
          </label>
          <button type="submit" disabled={generate.isPending}>{generate.isPending ? t('reports.generating') : t('reports.generate')}</button>
          {generate.error && <ErrorNote error={generate.error} />}
        </form>
      )}
      <QueryState query={reports}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty text={t('reports.none')} />
          ) : (
            <DataTable<ReportRecord>
              rows={rows}
              rowKey={(r) => r.id}
              columns={[
                { key: 'period', header: t('reports.period'), cell: (r) => (r.period.startsWith(FORM06_SNAPSHOT_PREFIX) ? t('form06.snapshot', { period: r.period.slice(FORM06_SNAPSHOT_PREFIX.length) }) : r.period) },
                { key: 'format', header: t('reports.format'), cell: (r) => r.format.toUpperCase() },
                { key: 'language', header: t('reports.language'), cell: (r) => r.language },
                { key: 'version', header: t('reports.version'), numeric: true, cell: (r) => r.version },
                { key: 'cutOff', header: t('reports.cutOff'), cell: (r) => formatDateTime(r.cutOff, lng) },
                { key: 'generated', header: t('reports.generated'), cell: (r) => formatDateTime(r.generatedAt, lng) },
                { key: 'trigger', header: t('reports.trigger'), cell: (r) => t(`reports.triggers.${r.trigger}`) },
                { key: 'size', header: t('reports.size'), numeric: true, cell: (r) => `${formatCount(Math.ceil(r.size / 1024), lng)} kB` },
                {
                  key: 'download',
                  header: <span className="sr-only">{t('reports.download')}</span>,
                  cell: (r) => (
                    <a href={`/api/reports/${r.id}`} download>
                      {t('reports.download')} <span className="sr-only">{r.period} {r.format} v{r.version}</span>
                    </a>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      <Form06Section />
    </>
  );
}
