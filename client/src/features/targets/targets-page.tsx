import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
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
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('targets.measure')}</th>
                    <th scope="col">{t('targets.scope')}</th>
                    <th scope="col" className="num">{t('targets.threshold')}</th>
                    <th scope="col">{t('targets.effectiveFrom')}</th>
                    <th scope="col">{t('targets.deadline')}</th>
                    {isAdmin && <th scope="col"><span className="sr-only">{t('admin.delete')}</span></th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.measure}|${r.kind ?? ''}|${r.unitCode ?? ''}|${r.effectiveFrom}`}>
                      <td>{t(`measures.${r.measure}`)}</td>
                      <td>{r.kind ? t(`kinds.${r.kind}`) : r.unitCode}</td>
                      <td className="num">{formatFixed(r.threshold, lng)}</td>
                      <td>{formatDate(r.effectiveFrom, lng)}</td>
                      <td>{r.deadline ? formatDate(r.deadline, lng) : '—'}</td>
                      {isAdmin && (
                        <td>
                          <button type="button" className="small" onClick={() => remove.mutate({ measure: r.measure, kind: r.kind, unitCode: r.unitCode, effectiveFrom: r.effectiveFrom })}>
                            {t('admin.delete')}
                          </button>
                        </td>
                      )}
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
