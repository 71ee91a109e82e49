import { useTranslation } from 'react-i18next';
import { DOSSIER_RATES, dossiersToTarget, type DossierRate } from '../../../../../shared/kpi/what-it-takes';
import { formatCount, formatPercent } from '../../../lib/format';
import type { RouterOutputs } from '../../../lib/trpc';

type Detail = RouterOutputs['units']['detail'];

/** For each rate target not met this period: how many more dossiers would have reached it. */
export function WhatItTakes({ detail }: { detail: Detail }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const lines = detail.targets
    .filter((target): target is typeof target & { measure: DossierRate } => (DOSSIER_RATES as string[]).includes(target.measure))
    .map((target) => ({ target, more: dossiersToTarget(target.measure, detail.measures, target.threshold) }))
    .filter((x) => x.more !== null && x.more > 0);
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="what-it-takes-title">
      <h2 id="what-it-takes-title">{t('unit.whatItTakes')}</h2>
      <ul>
        {lines.map(({ target, more }) => (
          <li key={target.measure}>
            {t(`unit.takes.${target.measure}`, { count: more ?? 0, n: formatCount(more ?? 0, lng), target: formatPercent(target.threshold, lng), received: formatCount(detail.measures.received, lng) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
