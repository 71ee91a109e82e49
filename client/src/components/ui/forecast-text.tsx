import { useTranslation } from 'react-i18next';
import { formatChange, formatDate, formatMeasure } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';

type Forecast = RouterOutputs['units']['detail']['forecasts'][number];

/** One sentence per target with a deadline, and how it was worked out beside it. */
export function ForecastText({ forecast: f }: { forecast: Forecast }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const params = { target: formatMeasure(f.measure, f.threshold, lng, t('measures.days')), period: f.reachedIn, deadline: formatDate(f.deadline, lng), slope: formatChange(f.slope, lng), n: f.basis };
  return (
    <span>
      {t(`forecast.${f.outcome}`, params)}
      {f.slope !== null && f.outcome !== 'deadline-passed' && <span className="muted"> {t('forecast.how', params)}</span>}
    </span>
  );
}
