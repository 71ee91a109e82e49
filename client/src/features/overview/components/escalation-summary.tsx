import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ESCALATION_LEVELS } from '../../../../../shared/domain/accountability';
import { DEFAULT_LADDER } from '../../../../../shared/kpi/escalation';
import { EscalationBadge } from '../../../components/ui/escalation-badge';
import { useEscalationCounts } from '../api/use-escalation';

/** The escalation ladder this period: how many units stand on each rung, each a link to the filtered flag list. */
export function EscalationSummary({ period, index }: { period: string; index: string | undefined }) {
  const { t } = useTranslation();
  const counts = useEscalationCounts(period, index).data;
  if (!counts) return null;
  return (
    <section className="card escalation-summary" aria-labelledby="escalation-summary">
      <h2 id="escalation-summary">{t('accountability.ladder')}</h2>
      <ul className="plain">
        {[...ESCALATION_LEVELS].reverse().map((level) => (
          <li key={level}>
            <EscalationBadge level={level} />{' '}
            <Link to={`/flags?period=${encodeURIComponent(period)}&level=${level}`}>{t('accountability.units', { count: counts[level] })}</Link>{' '}
            <span className="muted">({t('accountability.fromPeriods', { count: DEFAULT_LADDER.find((s) => s.level === level)?.minPeriods ?? 0 })})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
