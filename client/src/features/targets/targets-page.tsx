import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Target } from '../../../../shared/schemas/target';
import { DataTable } from '../../components/ui/data-table';
import { Empty, ErrorNote, QueryState } from '../../components/ui/status';
import { useMe } from '../../lib/use-me';
import { TargetEditor } from './components/target-editor';
import { formatDate, formatFixed } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { useSubjects } from '../../lib/use-subjects';

/** How long a deleted target can be put back with one click. */
const UNDO_MS = 15_000;

export function TargetsPage() {
  const { t, i18n } = useTranslation();
  // A target is for a measure or a programme KPI of the catalogue (SPEC §6): each named as the rest of the dashboard names it.
  const subjects = useSubjects();
  const lng = i18n.language;
  const trpc = useTRPC();
  const targets = useQuery(trpc.targets.list.queryOptions());
  const isAdmin = useMe().data?.role === 'admin';
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removed, setRemoved] = useState<Target | null>(null);
  const remove = useMutation(trpc.targets.delete.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  const restore = useMutation(trpc.targets.upsert.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  useEffect(() => {
    if (!removed) return undefined;
    const timer = setTimeout(() => setRemoved(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [removed]);
  const keyOf = (r: Target) => `${r.measure}|${r.kind ?? ''}|${r.unitCode ?? ''}|${r.effectiveFrom}`;
  const undo = (r: Target) => {
    restore.mutate({ measure: r.measure, ...(r.kind ? { kind: r.kind } : { unitCode: r.unitCode as string }), threshold: r.threshold, effectiveFrom: r.effectiveFrom, ...(r.deadline ? { deadline: r.deadline } : {}) });
    setRemoved(null);
  };
  return (
    <>
      <h1>{t('targets.title')}</h1>
      {isAdmin && <TargetEditor />}
      {remove.error && <ErrorNote error={remove.error} />}
      {restore.error && <ErrorNote error={restore.error} />}
      {removed && (
        <p className="undo-bar" role="status">
          {t('targets.deleted', { measure: subjects.label(removed.measure), scope: removed.kind ? t(`kinds.${removed.kind}`) : removed.unitCode })}{' '}
          <button type="button" className="small" onClick={() => undo(removed)}>{t('targets.undo')}</button>
        </p>
      )}
      <QueryState query={targets}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty text={t('targets.none')} />
          ) : (
            <DataTable<Target>
              rows={rows}
              rowKey={keyOf}
              columns={[
                { key: 'measure', header: t('targets.measure'), cell: (r) => subjects.label(r.measure) },
                { key: 'scope', header: t('targets.scope'), cell: (r) => (r.kind ? t(`kinds.${r.kind}`) : r.unitCode) },
                { key: 'threshold', header: t('targets.threshold'), numeric: true, cell: (r) => formatFixed(r.threshold, lng) },
                { key: 'from', header: t('targets.effectiveFrom'), cell: (r) => formatDate(r.effectiveFrom, lng) },
                { key: 'deadline', header: t('targets.deadline'), cell: (r) => (r.deadline ? formatDate(r.deadline, lng) : '—') },
                ...(isAdmin
                  ? [{
                      key: 'delete',
                      header: <span className="sr-only">{t('admin.delete')}</span>,
                      cell: (r: Target) =>
                        confirming === keyOf(r) ? (
                          <span className="confirm">
                            {t('targets.confirmDelete')}{' '}
                            <button
                              type="button" className="small danger"
                              onClick={() => remove.mutate({ measure: r.measure, kind: r.kind, unitCode: r.unitCode, effectiveFrom: r.effectiveFrom }, { onSuccess: () => { setRemoved(r); setConfirming(null); } })}
                            >
                              {t('targets.confirm')}
                            </button>{' '}
                            <button type="button" className="small link" onClick={() => setConfirming(null)}>{t('targets.cancel')}</button>
                          </span>
                        ) : (
                          <button type="button" className="small" onClick={() => setConfirming(keyOf(r))}>{t('admin.delete')}</button>
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
