import { useTranslation } from 'react-i18next';
import { higherIsBetter, isRateMeasure, type Measure } from '../../../../../shared/domain/measure';
import { missesTarget } from '../../../../../shared/kpi/flags';
import { Sparkline } from '../../../components/charts/sparkline';
import { Unbroken } from '../../../components/ui/unbroken';
import { formatChange, formatDate, formatMeasure } from '../../../lib/format';

export interface MeasureCardProps {
  measure: Measure;
  value: number | null;
  previous: number | null;
  previousPeriod: string;
  /** The previous period was cut at the same point of its course (this one is still in progress). */
  partial: boolean;
  target: { threshold: number; deadline: string | null; deadlinePassed: boolean } | null;
  series: readonly (number | null)[];
  seriesLabel: string;
}

/** One measure of a group against its target, its last 12 periods, and the change since the previous period. */
export function MeasureCard({ measure, value, previous, previousPeriod, partial, target, series, seriesLabel }: MeasureCardProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const show = (v: number | null) => formatMeasure(measure, v, lng, t('measures.days'));
  const change = value !== null && previous !== null ? value - previous : null;
  const better = change !== null && change !== 0 && change > 0 === higherIsBetter(measure);
  const below = target !== null && missesTarget(measure, value, target.threshold);
  const unit = isRateMeasure(measure) ? t('overview.points') : measure === 'avgProcessingDays' ? t('measures.days') : '';
  return (
    <article className={`card measure-card${below ? ' is-below' : ''}`}>
      <h3>{t(`measures.${measure}`)}</h3>
      <p className="figure">{show(value)}</p>
      <Sparkline values={series} target={target?.threshold ?? null} label={seriesLabel} />
      <p className="muted">
        {target ? t('overview.target', { value: show(target.threshold) }) : t('overview.noTarget')}
        {target?.deadline ? ` · ${t('overview.deadline', { date: formatDate(target.deadline, lng) })}` : ''}
        {target?.deadlinePassed && below ? <strong className="below-note"> · {t('overview.overdue')}</strong> : null}
        {below ? <strong className="below-note"> · ▼ {t('states.below')}</strong> : null}
      </p>
      <p className={change === null || change === 0 ? 'muted' : better ? 'change-up' : 'change-down'}>
        {change === null
          ? '—'
          : (
            <Unbroken
              text={`${change > 0 ? '▲' : change < 0 ? '▼' : '='} ${t(partial ? 'overview.changeSameTime' : 'overview.change', { value: `${formatChange(change, lng)} ${unit}`.trim(), period: previousPeriod })}`}
              parts={[previousPeriod]}
            />
          )}
      </p>
    </article>
  );
}
