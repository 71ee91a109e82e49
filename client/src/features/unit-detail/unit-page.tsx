import { useIndex } from '../../lib/use-index';
import { useParams } from 'react-router';
import { mustParsePeriod } from '../../../../shared/kpi/periods';
import { useTranslation } from 'react-i18next';
import { PeriodLine } from '../../components/ui/period-line';
import { IndexLine } from '../../components/ui/index-line';
import { IndexValue } from '../../components/ui/index-value';
import { IndexComponents } from './components/index-components';
import { ForecastList } from './components/forecast-list';
import { WhatItTakes } from './components/what-it-takes';
import { RankChangePanel } from './components/rank-change-panel';
import { WhatIfPanel } from './components/what-if-panel';
import { RankChange } from '../../components/ui/rank-change';
import { QueryState } from '../../components/ui/status';
import { usePeriod } from '../../lib/use-period';
import { useUnitDetail } from './api/use-unit';
import { OverdueTable } from './components/overdue-table';
import { ProcedureTable } from './components/procedure-table';
import { TrendPanel } from './components/trend-panel';
import { UnitMeasures } from './components/unit-measures';
import { AccountabilityPanel } from './components/accountability-panel';
import { UnitIndicators } from './components/unit-indicators';
import { EscalationBadge } from '../../components/ui/escalation-badge';

/** Everything about one unit: the page its head lives on. */
export default function UnitPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { period } = usePeriod();
  const { index } = useIndex();
  const detail = useUnitDetail(code, period, index);
  const endDate = mustParsePeriod(period).endDate;
  return (
    <>
      <QueryState query={detail}>
        {(d) => (
          <>
            <h1>{d.unit.name}</h1>
            <p className="unit-meta">
              <span>{t(`kinds.${d.unit.kind}`)} · {d.unit.code}</span>
              {d.unit.headName && <span> · {t('unit.head')}: {d.unit.headName}</span>}
            </p>
            <PeriodLine period={d.period} />
            <IndexLine id={d.definition.id} version={d.definition.version} />
            <p className="rank-line">
              <strong>{d.rank === null ? t('unit.notRanked') : t('unit.rankOf', { rank: d.rank, total: d.rankedUnits })}</strong> · {t('measures.index')} <IndexValue index={d.index} coverage={d.indexCoverage} components={d.components} />
              {d.rating ? ` · ${t(`ratings.${d.rating}`)}` : ''} · <RankChange change={d.rankChange} />
              {d.status === 'insufficient-data' ? <span className="muted"> · {t('states.insufficient')}</span> : null}
              {d.escalation && <> · {t('accountability.level')}: <EscalationBadge level={d.escalation} period={d.period.id} /></>}
              {' · '}
              <a href={`/api/reports/annex?unit=${encodeURIComponent(d.unit.code)}&period=${encodeURIComponent(d.period.id)}&lang=${i18n.language}${index ? `&index=${encodeURIComponent(index)}` : ''}`} download>
                {t('unit.annex')}
              </a>
            </p>
            <UnitMeasures detail={d} />
            <UnitIndicators unitCode={d.unit.code} period={d.period.id} />
            <WhatItTakes detail={d} />
            <ForecastList forecasts={d.forecasts} />
            <AccountabilityPanel detail={d} />
            <IndexComponents detail={d} />
            <WhatIfPanel detail={d} index={index} />
          </>
        )}
      </QueryState>
      {!detail.error && <TrendPanel unitCode={code} endDate={endDate} />}
      {detail.data && (
        <>
          <RankChangePanel unitCode={detail.data.unit.code} period={detail.data.period.id} index={index} />
          <ProcedureTable detail={detail.data} />
          <OverdueTable detail={detail.data} />
        </>
      )}
    </>
  );
}
