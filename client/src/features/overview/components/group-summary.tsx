import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../../lib/trpc';
import { formatCount } from '../../../lib/format';
import { StateBadge } from '../../../components/ui/state-badge';
import { MeasureCard } from './measure-card';

type Overview = RouterOutputs['kpi']['overview'];
const MEASURES = ['onlineRate', 'endToEndRate', 'onTimeRate', 'avgProcessingDays'] as const;

export function GroupSummary({ group, overview }: { group: Overview['groups'][number]; overview: Overview }) {
  const { t, i18n } = useTranslation();
  const period = overview.period.id;
  const total = group.unitCount;
  return (
    <section className="group-summary" aria-labelledby={`group-${group.group}`}>
      <h2 id={`group-${group.group}`}>
        {t(`groups.${group.group}`)} <span className="muted">· {t('overview.received', { n: formatCount(group.measures.received, i18n.language) })}</span>
      </h2>
      <div className="cards">
        {MEASURES.map((m) => {
          const target = group.targets.find((x) => x.measure === m) ?? null;
          return <MeasureCard key={m} measure={m} value={group.measures[m]} previous={group.previous?.[m] ?? null} previousPeriod={overview.previousPeriod} target={target} />;
        })}
      </div>
      <div className="two-col">
        <div>
          <h3>{t('overview.distribution')}</h3>
          <p>
            <Link to={`/flags?period=${period}`}>{t('overview.unitsBelow', { count: group.states.below, total })}</Link>
          </p>
          <ul className="plain">
            <li><StateBadge state="below" /> {group.states.below}</li>
            <li><StateBadge state="at-risk" /> {group.states.atRisk}</li>
            <li><StateBadge state="met" /> {group.states.met}</li>
            <li><StateBadge state="no-data" /> {group.states.noData}</li>
          </ul>
        </div>
        <div>
          <h3>{t('overview.longest')}</h3>
          <ol className="plain">
            {group.longestBelow.map((u) => (
              <li key={u.unitCode}>
                <Link to={`/units/${u.unitCode}?period=${period}`}>{u.unitName}</Link> — {t('overview.periodsBelow', { count: u.periodsBelow })}
                <span className="muted"> ({u.measures.map((m) => t(`measures.${m}`)).join(', ')})</span>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}
