import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EscalationBadge } from '../../../components/ui/escalation-badge';
import { useEscalationCounts } from '../api/use-escalation';

/** The escalation ladder in force this period: how many units stand on each rung, each a link to the filtered flag list. */
export function EscalationSummary({ period, index }: { period: string; index: string | undefined }) {
  const { t } = useTranslation();
  const data = useEscalationCounts(period, index).data;
  if (!data) return null;
  return (
    <section className="card escalation-summary" aria-labelledby="escalation-summary">
      <h2 id="escalation-summary">{t('accountability.ladder')}</h2>
      <ul className="plain">
        {[...data.ladder.steps].reverse().map((step) => (
          <li key={step.level}>
            <EscalationBadge level={step.level} period={period} />{' '}
            <Link to={`/flags?period=${encodeURIComponent(period)}&level=${step.level}`}>{t('accountability.units', { count: data.counts[step.level] })}</Link>{' '}
            <span className="muted">({t('accountability.fromPeriods', { count: step.minPeriods })})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
