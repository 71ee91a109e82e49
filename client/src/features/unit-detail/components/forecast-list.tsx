import { useTranslation } from 'react-i18next';
import { ForecastText } from '../../../components/ui/forecast-text';
import type { RouterOutputs } from '../../../lib/trpc';

type Forecast = RouterOutputs['units']['detail']['forecasts'][number];

export function ForecastList({ forecasts }: { forecasts: readonly Forecast[] }) {
  const { t } = useTranslation();
  if (forecasts.length === 0) return null;
  return (
    <section aria-labelledby="forecast-title">
      <h2 id="forecast-title">{t('forecast.title')}</h2>
      <ul>
        {forecasts.map((f) => (
          <li key={f.measure}>
            <strong>{t(`measures.${f.measure}`)}</strong>: <ForecastText forecast={f} />
          </li>
        ))}
      </ul>
    </section>
  );
}
