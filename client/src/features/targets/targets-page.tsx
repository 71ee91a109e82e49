import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Target } from '../../../../shared/schemas/target';
import { DataTable } from '../../components/ui/data-table';
import { Empty, ErrorNote, QueryState } from '../../components/ui/status';
import { useMe } from '../../lib/use-me';
import { TargetEditor } from './components/target-editor';
import { formatDate, formatFixed } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

export function TargetsPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const trpc = useTRPC();
  const targets = useQuery(trpc.targets.list.queryOptions());
  const isAdmin = useMe().data?.role === 'admin';
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.targets.delete.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  return (
    <>
      <h1>{t('targets.title')}</h1>
      {isAdmin && <TargetEditor />}
      {remove.error && <ErrorNote error={remove.error} />}
      <QueryState query={targets}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty text={t('targets.none')} />
          ) : (
            <DataTable<Target>
              rows={rows}
              rowKey={(r) => `${r.measure}|${r.kind ?? ''}|${r.unitCode ?? ''}|${r.effectiveFrom}`}
              columns={[
                { key: 'measure', header: t('targets.measure'), cell: (r) => t(`measures.${r.measure}`) },
                { key: 'scope', header: t('targets.scope'), cell: (r) => (r.kind ? t(`kinds.${r.kind}`) : r.unitCode) },
                { key: 'threshold', header: t('targets.threshold'), numeric: true, cell: (r) => formatFixed(r.threshold, lng) },
                { key: 'from', header: t('targets.effectiveFrom'), cell: (r) => formatDate(r.effectiveFrom, lng) },
                { key: 'deadline', header: t('targets.deadline'), cell: (r) => (r.deadline ? formatDate(r.deadline, lng) : '—') },
                ...(isAdmin
                  ? [{
                      key: 'delete',
                      header: <span className="sr-only">{t('admin.delete')}</span>,
                      cell: (r: Target) => (
                        <button type="button" className="small" onClick={() => remove.mutate({ measure: r.measure, kind: r.kind, unitCode: r.unitCode, effectiveFrom: r.effectiveFrom })}>
                          {t('admin.delete')}
                        </button>
                      ),
                    }]
                  : []),
              ]}
            />
          )
        }
      </QueryState>
    </>
  );
}
