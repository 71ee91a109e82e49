import { useIndex } from '../../lib/use-index';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/ui/status';
import { PeriodLine } from '../../components/ui/period-line';
import { IndexLine } from '../../components/ui/index-line';
import { usePeriod } from '../../lib/use-period';
import { useOverview } from './api/use-overview';
import { GroupSummary } from './components/group-summary';
import { EscalationSummary } from './components/escalation-summary';
import { PillarSections } from './components/pillar-sections';

export function OverviewPage() {
  const { t } = useTranslation();
  const { period } = usePeriod();
  const { index } = useIndex();
  const overview = useOverview(period, index);
  return (
    <>
      <h1>{t('overview.title')}</h1>
      <QueryState query={overview}>
        {(data) => (
          <>
            <PeriodLine period={data.period} />
            <IndexLine id={data.definition.id} version={data.definition.version} />
            <EscalationSummary period={data.period.id} index={index} />
            {data.groups.map((g) => (
              <GroupSummary key={g.group} group={g} overview={data} />
            ))}
          </>
        )}
      </QueryState>
      <PillarSections period={period} />
    </>
  );
}
