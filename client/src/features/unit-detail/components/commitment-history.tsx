import { useTranslation } from 'react-i18next';
import { CommitmentBadge } from '../../../components/ui/commitment-badge';
import { Empty, QueryState } from '../../../components/ui/status';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useCommitments } from '../api/use-commitments';

/** Every explanation the unit has given, newest first, each with its state as the data now shows it. */
export function CommitmentHistory({ unitCode }: { unitCode: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const commitments = useCommitments(unitCode);
  return (
    <>
      <h3>{t('accountability.history')}</h3>
      <QueryState query={commitments}>
        {(list) =>
          list.length === 0 ? (
            <Empty text={t('accountability.none')} />
          ) : (
            <ul className="history">
              {list.map((c) => (
                <li key={c.id} className="card">
                  <CommitmentBadge state={c.state} /> <strong>{t(`measures.${c.measure}`, { defaultValue: c.measure })}</strong> · {t('accountability.period')} {c.period} ·{' '}
                  {t('accountability.due', { date: formatDate(c.dueDate, lng) })}
                  {c.judgedIn && <span className="muted"> ({t('accountability.judgedIn', { period: c.judgedIn })})</span>}
                  <p><span className="muted">{t('accountability.explanation')}:</span> {c.explanation}</p>
                  <p><span className="muted">{t('accountability.action')}:</span> {c.action}</p>
                  <div className="muted small">{t('accountability.writtenBy', { who: c.createdBy ?? '—', at: formatDateTime(c.createdAt, lng) })}</div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
