import { useTranslation } from 'react-i18next';
import { higherIsBetter, type Measure } from '../../../../../shared/domain/measure';
import { missesTarget } from '../../../../../shared/kpi/flags';
import { formatChange, formatDate, formatMeasure } from '../../../lib/format';

export interface MeasureCardProps {
  measure: Measure;
  value: number | null;
  previous: number | null;
  previousPeriod: string;
  target: { threshold: number; deadline: string | null } | null;
}

/** One measure of a group against its target, with the change since the previous period. */
export function MeasureCard({ measure, value, previous, previousPeriod, target }: MeasureCardProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const show = (v: number | null) => formatMeasure(measure, v, lng, t('measures.days'));
  const change = value !== null && previous !== null ? value - previous : null;
  const better = change !== null && change !== 0 && change > 0 === higherIsBetter(measure);
  const below = target !== null && missesTarget(measure, value, target.threshold);
  return (
    <article className={`card measure-card${below ? ' is-below' : ''}`}>
      <h3>{t(`measures.${measure}`)}</h3>
      <p className="figure">{show(value)}</p>
      <p className="muted">
        {target ? t('overview.target', { value: show(target.threshold) }) : t('overview.noTarget')}
        {target?.deadline ? ` · ${t('overview.deadline', { date: formatDate(target.deadline, lng) })}` : ''}
        {below ? <strong className="below-note"> · ▼ {t('states.below')}</strong> : null}
      </p>
      <p className={change === null || change === 0 ? 'muted' : better ? 'change-up' : 'change-down'}>
        {change === null ? '—' : `${change > 0 ? '▲' : change < 0 ? '▼' : '='} ${t('overview.change', { value: formatChange(change, lng), period: previousPeriod })}`}
      </p>
    </article>
  );
}
