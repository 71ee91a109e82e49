import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, Empty, QueryState } from '../../components/ui/status';
import { formatCount, formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { useMe } from '../../lib/use-me';
import { usePeriod } from '../../lib/use-period';

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
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.period')}</th>
                    <th scope="col">{t('reports.format')}</th>
                    <th scope="col">{t('reports.language')}</th>
                    <th scope="col" className="num">{t('reports.version')}</th>
                    <th scope="col">{t('reports.cutOff')}</th>
                    <th scope="col">{t('reports.generated')}</th>
                    <th scope="col">{t('reports.trigger')}</th>
                    <th scope="col" className="num">{t('reports.size')}</th>
                    <th scope="col"><span className="sr-only">{t('reports.download')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id}>
                      <td>{r.period}</td>
                      <td>{r.format.toUpperCase()}</td>
                      <td>{r.language}</td>
                      <td className="num">{r.version}</td>
                      <td>{formatDateTime(r.cutOff, lng)}</td>
                      <td>{formatDateTime(r.generatedAt, lng)}</td>
                      <td>{t(`reports.triggers.${r.trigger}`)}</td>
                      <td className="num">{formatCount(Math.ceil(r.size / 1024), lng)} kB</td>
                      <td>
                        <a href={`/api/reports/${r.id}`} download>{t('reports.download')} <span className="sr-only">{r.period} {r.format} v{r.version}</span></a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </>
  );
}
