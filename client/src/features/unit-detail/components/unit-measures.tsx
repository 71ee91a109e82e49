import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../../lib/trpc';
import { StateBadge } from '../../../components/ui/state-badge';
import { isMeasure, type Measure } from '../../../../../shared/domain/measure';
import { formatCount, formatDate, formatFixed, formatMeasure } from '../../../lib/format';

type Detail = RouterOutputs['units']['detail'];

/** Each target in force beside the unit's result, then the other measures. */
export function UnitMeasures({ detail }: { detail: Detail }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const m = detail.measures;
  const show = (measure: Measure, v: number | null) => formatMeasure(measure, v, lng, t('measures.days'));
  return (
    <section aria-labelledby="measures-title">
      <h2 id="measures-title" className="sr-only">{t('unit.target')}</h2>
      <div className="cards">
        {detail.flags.filter((f): f is typeof f & { measure: Measure } => isMeasure(f.measure)).map((f) => {
          const target = detail.targets.find((x) => x.measure === f.measure);
          return (
            <article key={f.measure} className={`card measure-card${f.state === 'below' ? ' is-below' : ''}`}>
              <h3>{t(`measures.${f.measure}`)}</h3>
              <p className="figure">{show(f.measure, f.value)}</p>
              <p className="muted">
                {t('overview.target', { value: show(f.measure, f.target) })}
                {target?.deadline ? ` · ${t('overview.deadline', { date: formatDate(target.deadline, lng) })}` : ''}
              </p>
              <p>
                <StateBadge state={f.state} />
                {f.periodsBelow > 0 ? ` ${t('overview.periodsBelow', { count: f.periodsBelow })}` : ''}
              </p>
            </article>
          );
        })}
        <article className="card measure-card">
          <h3>{t('measures.avgProcessingDays')}</h3>
          <p className="figure">{show('avgProcessingDays', m.avgProcessingDays)}</p>
          <p className="muted">{t('unit.median', { value: formatFixed(m.medianProcessingDays, lng), p90: formatFixed(m.p90ProcessingDays, lng) })}</p>
        </article>
        <article className="card measure-card">
          <h3>{t('measures.received')}</h3>
          <p className="figure">{formatCount(m.received, lng)}</p>
          <p className="muted">{t('measures.overdueOpen')}: {formatCount(m.overdueOpen, lng)}</p>
        </article>
      </div>
    </section>
  );
}
