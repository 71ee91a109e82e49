import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLevelName } from '../../lib/use-ladder';
import type { RouterOutputs } from '../../lib/trpc';
import { EscalationBadge } from '../../components/ui/escalation-badge';
import { Empty, QueryState } from '../../components/ui/status';
import { formatDateTime } from '../../lib/format';
import { useSubjects } from '../../lib/use-subjects';
import { useNotices } from './api/use-notices';

type Notice = RouterOutputs['notices']['list'][number];
type NoticeUnit = Notice['units'][number];

function UnitLine({ unit, period }: { unit: NoticeUnit; period: string }) {
  const { t } = useTranslation();
  const subjects = useSubjects();
  const levelName = useLevelName(period);
  return (
    <>
      <EscalationBadge level={unit.level} period={period} /> <Link to={`/units/${unit.unitCode}?period=${encodeURIComponent(period)}`}>{unit.unitName}</Link>{' '}
      <span className="muted">
        ({unit.previousLevel ? t('notices.previous', { level: levelName ? levelName(unit.previousLevel) : '…' }) : t('notices.noPrevious')}; {t('notices.periodsBelow', { count: unit.periodsBelow })})
      </span>
      <ul className="notice-measures small">
        {unit.measures.map((m) => (
          <li key={m.measure}>
            {`${subjects.label(m.measure)}: ${subjects.format(m.measure, m.value)} / ${subjects.format(m.measure, m.target)}`}
          </li>
        ))}
      </ul>
    </>
  );
}

function NoticeCard({ notice }: { notice: Notice }) {
  const { t, i18n } = useTranslation();
  const levelName = useLevelName(notice.period);
  const first = notice.units[0];
  return (
    <li className="card">
      <div className="muted small">
        {t('notices.period', { period: notice.period })} · {formatDateTime(notice.createdAt, i18n.language)} · {t(`notices.mail.${notice.mail}`)}
      </div>
      {notice.kind === 'escalation' && first ? (
        <>
          <h2>{t('notices.escalation', { unit: first.unitName, level: levelName ? levelName(first.level) : '…' })}</h2>
          <UnitLine unit={first} period={notice.period} />
        </>
      ) : (
        <>
          <h2>{t('notices.digest', { count: notice.units.length })}</h2>
          <ul className="notice-units">
            {notice.units.map((u) => <li key={u.unitCode}><UnitLine unit={u} period={notice.period} /></li>)}
          </ul>
        </>
      )}
    </li>
  );
}

/** What the weekly computation told this user: their unit's new escalation level, or a leader's digest. */
export default function NoticesPage() {
  const { t } = useTranslation();
  const notices = useNotices();
  return (
    <>
      <h1>{t('notices.title')}</h1>
      <QueryState query={notices}>
        {(list) => (list.length === 0 ? <Empty text={t('notices.none')} /> : <ul className="notice-list">{list.map((n) => <NoticeCard key={n.id} notice={n} />)}</ul>)}
      </QueryState>
    </>
  );
}
