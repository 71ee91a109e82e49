import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, formatCivilDate, parseDateString } from '../../../../../shared/kpi/vn-time';
import { isRateMeasure, type Measure } from '../../../../../shared/domain/measure';
import { TrendChart } from '../../../components/charts/trend-chart';
import { Empty, QueryState } from '../../../components/ui/status';
import { formatFixed } from '../../../lib/format';
import { useTrend } from '../api/use-unit';
import { trendView } from '../lib/trend-view';

const CHOICES: Measure[] = ['onlineRate', 'endToEndRate', 'onTimeRate', 'avgProcessingDays', 'overdueOpen'];

/** The unit's measure over the 26 weeks (or 12 months) up to the period shown, against its target. */
export function TrendPanel({ unitCode, endDate }: { unitCode: string; endDate: string }) {
  const { t, i18n } = useTranslation();
  const [measure, setMeasure] = useState<Measure>('onlineRate');
  const [granularity, setGranularity] = useState<'week' | 'month'>('week');
  const end = parseDateString(endDate);
  const from = end ? formatCivilDate(addDays(end, granularity === 'week' ? -26 * 7 + 1 : -365)) : endDate;
  const trend = useTrend(unitCode, measure, from, endDate, granularity);
  const format = (v: number) => formatFixed(v, i18n.language);
  return (
    <section aria-labelledby="trend-title">
      <h2 id="trend-title">{t('unit.trend')}</h2>
      <div className="filters">
        <label>
          <span className="sr-only">{t('targets.measure')}</span>
          <select value={measure} onChange={(e) => setMeasure(e.target.value as Measure)}>
            {CHOICES.map((m) => <option key={m} value={m}>{t(`measures.${m}`)}</option>)}
          </select>
        </label>
        <label>
          {t('unit.granularity')}{' '}
          <select value={granularity} onChange={(e) => setGranularity(e.target.value as 'week' | 'month')}>
            <option value="week">{t('period.week')}</option>
            <option value="month">{t('period.month')}</option>
          </select>
        </label>
      </div>
      <QueryState query={trend}>
        {(data) => {
          const view = trendView(data, isRateMeasure(measure));
          if (view.points.length === 0) return <Empty text={t('unit.trendNoData')} />;
          return (
            <>
              <TrendChart
                points={view.points}
                valueName={t(`measures.${measure}`)}
                targetName={t('unit.target')}
                deadline={view.deadlineLabel ? { label: view.deadlineLabel, name: t('targets.deadline') } : null}
                format={format}
                domain={view.domain}
              />
              <p className="muted small" data-testid="trend-notes">
                {view.domain[0] > 0 && <>{t('unit.axisFrom', { value: format(view.domain[0]) })} </>}
                {t('unit.trendFrom', { period: view.points[0]?.label })}
                {view.gaps.length > 0 && <> {t('unit.trendGaps', { periods: view.gaps.join(', ') })}</>}
              </p>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
