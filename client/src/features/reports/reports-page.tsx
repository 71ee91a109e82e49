import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRecord } from '../../../../shared/schemas/report';
import { DEFAULT_INDEX_ID } from '../../../../shared/kpi/definitions';
import { DataTable } from '../../components/ui/data-table';
import { Empty, QueryState } from '../../components/ui/status';
import { formatCount, formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { useIndex } from '../../lib/use-index';
import { useMe } from '../../lib/use-me';
import { useMessages } from '../../lib/messages';
import { usePeriod } from '../../lib/use-period';
import { FORM06_SNAPSHOT_PREFIX } from '../../../../shared/domain/form06';
import { Form06Section } from './components/form06-section';
import { existingReport, generateState, type GenerateState } from './lib/report-state';

const FORMATS = ['pdf', 'xlsx', 'csv'] as const;
const LANGUAGES = ['vi', 'en'] as const;

const download = (r: ReportRecord) => `/api/reports/${r.id}`;

/** What became of the last request: being made, made, already there, or failed with the server's message. */
function GenerateStatus({ state, onRegenerate }: { state: GenerateState; onRegenerate: () => void }) {
  const { t, i18n } = useTranslation();
  const describe = (r: { format: string; language: string }) => `${r.format.toUpperCase()}, ${t(`reports.languages.${r.language}`)}`;
  if (state.kind === 'failed') {
    return (
      <div className="status status-error" role="alert" data-state="failed">
        <p>{t('reports.failed', { message: state.message })}</p>
      </div>
    );
  }
  return (
    <div className="status" role="status" aria-live="polite" data-state={state.kind}>
      {state.kind === 'making' && <p>{t(state.regenerate ? 'reports.makingNew' : 'reports.making', { period: state.request.period, what: describe(state.request) })}</p>}
      {state.kind === 'ready' && (
        <p>
          {t('reports.ready', { period: state.record.period, version: state.record.version, what: describe(state.record) })}{' '}
          <a href={download(state.record)} download>{t('reports.download')}</a>
        </p>
      )}
      {state.kind === 'reused' && (
        <p>
          {t('reports.reused', { period: state.record.period, version: state.record.version, what: describe(state.record), date: formatDateTime(state.record.generatedAt, i18n.language) })}{' '}
          <a href={download(state.record)} download>{t('reports.download')}</a>{' '}
          <button type="button" onClick={onRegenerate}>{t('reports.regenerate')}</button>
        </p>
      )}
    </div>
  );
}

/** Past reports (each a frozen snapshot, every version kept) and, for those allowed, a new one or a new version. */
export default function ReportsPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { period } = usePeriod();
  const { index } = useIndex();
  const me = useMe().data;
  const reports = useQuery(trpc.reports.list.queryOptions());
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('pdf');
  const [language, setLanguage] = useState<(typeof LANGUAGES)[number]>(lng === 'en' ? 'en' : 'vi');
  const generate = useMutation(trpc.reports.generate.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.reports.list.queryFilter()) }));
  const canGenerate = me && me.role !== 'unit_head';
  const existing = existingReport(reports.data ?? [], { period, format, language, definitionId: index ?? DEFAULT_INDEX_ID });
  const { describe } = useMessages();
  // A refusal is shown in the reader's language (the server sends a message code beside its English text).
  const state = generateState({ ...generate, error: generate.error ? { message: describe(generate.error) } : null }, DEFAULT_INDEX_ID);
  const run = (regenerate: boolean) => generate.mutate({ period, format, language, regenerate, ...(index ? { index } : {}) });
  return (
    <>
      <h1>{t('reports.title')}</h1>
      {canGenerate && (
        <form className="card form-grid" aria-labelledby="generate-title" onSubmit={(e) => { e.preventDefault(); run(existing !== null); }}>
          <h2 id="generate-title">{t('reports.generate')} · {period}</h2>
          <label>
            {t('reports.format')}{' '}
            <select value={format} onChange={(e) => setFormat(e.target.value as (typeof FORMATS)[number])}>
              {FORMATS.map((f) => <option key={f} value={f}>{f.toUpperCase()}</option>)}
            </select>
          </label>
          <label>
            {t('reports.language')}{' '}
            <select value={language} onChange={(e) => setLanguage(e.target.value as (typeof LANGUAGES)[number])}>
              {LANGUAGES.map((l) => <option key={l} value={l}>{t(`reports.languages.${l}`)}</option>)}
            </select>
          </label>
          {existing && (
            <p className="muted wide" data-testid="report-exists">
              {t('reports.exists', { version: existing.version, date: formatDateTime(existing.generatedAt, lng), cutOff: formatDateTime(existing.cutOff, lng) })}{' '}
              <a href={download(existing)} download>{t('reports.download')} <span className="sr-only">v{existing.version}</span></a>
            </p>
          )}
          <button type="submit" disabled={generate.isPending}>
            {generate.isPending ? t('reports.generating') : existing ? t('reports.regenerate') : t('reports.generate')}
          </button>
          <GenerateStatus state={state} onRegenerate={() => run(true)} />
        </form>
      )}
      <QueryState query={reports}>
        {(rows) =>
          rows.length === 0 && state.kind !== 'making' ? (
            <Empty text={t('reports.none')} />
          ) : (
            <DataTable<ReportRecord | 'making'>
              rows={state.kind === 'making' ? ['making', ...rows] : rows}
              rowKey={(r) => (r === 'making' ? 'making' : r.id)}
              caption={t('reports.list')}
              captionHidden
              columns={[
                { key: 'period', header: t('reports.period'), nowrap: true, cell: (r) => (r === 'making' ? period : r.period.startsWith(FORM06_SNAPSHOT_PREFIX) ? t('form06.snapshot', { period: r.period.slice(FORM06_SNAPSHOT_PREFIX.length) }) : r.period) },
                { key: 'format', header: t('reports.format'), nowrap: true, cell: (r) => (r === 'making' ? format : r.format).toUpperCase() },
                // The download right after what it is, so that it stays in view on a tablet whatever else the table holds.
                {
                  key: 'download',
                  nowrap: true,
                  header: <span className="sr-only">{t('reports.download')}</span>,
                  cell: (r) =>
                    r === 'making' ? null : (
                      <a href={download(r)} download>
                        {t('reports.download')} <span className="sr-only">{r.period} {r.format} {t(`reports.languages.${r.language}`)} v{r.version}</span>
                      </a>
                    ),
                },
                { key: 'language', header: t('reports.language'), cell: (r) => t(`reports.languages.${r === 'making' ? language : r.language}`) },
                { key: 'index', header: t('index.label'), nowrap: true, cell: (r) => (r === 'making' ? (index ?? DEFAULT_INDEX_ID) : r.definitionId) },
                { key: 'version', header: t('reports.version'), numeric: true, cell: (r) => (r === 'making' ? '' : r.version) },
                { key: 'state', header: t('reports.state'), cell: (r) => (r === 'making' ? <strong>{t('reports.states.making')}</strong> : t('reports.states.ready')) },
                { key: 'cutOff', header: t('reports.cutOff'), cell: (r) => (r === 'making' ? '' : formatDateTime(r.cutOff, lng)) },
                { key: 'generated', header: t('reports.generated'), cell: (r) => (r === 'making' ? '' : formatDateTime(r.generatedAt, lng)) },
                { key: 'trigger', header: t('reports.trigger'), cell: (r) => (r === 'making' ? '' : t(`reports.triggers.${r.trigger}`)) },
                { key: 'size', header: t('reports.size'), numeric: true, cell: (r) => (r === 'making' ? '' : `${formatCount(Math.ceil(r.size / 1024), lng)} kB`) },
              ]}
            />
          )
        }
      </QueryState>
      <Form06Section />
    </>
  );
}
