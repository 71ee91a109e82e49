import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../../lib/trpc';
import { formatIndicator } from '../../../lib/format';
import { StateBadge } from '../../../components/ui/state-badge';
import { QueryState } from '../../../components/ui/status';
import { usePillars } from '../api/use-pillars';

type Row = RouterOutputs['indicators']['pillars']['pillars'][number]['indicators'][number];

function IndicatorCard({ row, period }: { row: Row; period: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const show = (v: number | null) => formatIndicator(row.unit, v, lng, t('measures.days'));
  const name = lng === 'en' && row.nameEn ? row.nameEn : row.name;
  const targets = row.targets.map((x) => `${show(x.threshold)} (${x.kinds.map((k) => t(`kinds.${k}`)).join(', ')})`).join('; ');
  return (
    <article className={`card measure-card${row.cityState === 'below' ? ' is-below' : ''}`} data-indicator={row.code}>
      <h4>{name}</h4>
      <p className="muted small">{t('pillars.period', { period: row.period })}</p>
      <p className="figure">{show(row.cityValue)}</p>
      <p className="muted">
        {row.targets.length === 1 ? t('overview.target', { value: show((row.targets[0] as Row['targets'][number]).threshold) }) : t('pillars.targets', { list: targets })}
        {' · '}{t('pillars.reported', { reported: row.reported, units: row.units })}
      </p>
      {row.cityState && <p><StateBadge state={row.cityState} /></p>}
      <p className="small">{t('overview.unitsBelow', { count: row.states.below, total: row.units })}</p>
      {row.below.length === 0 ? (
        <p className="muted small">{t('pillars.noneBelow')}</p>
      ) : (
        <ul className="flag-list" aria-label={`${t('pillars.below')}: ${name}`}>
          {row.below.map((u) => (
            <li key={u.unitCode}>
              <Link to={`/units/${u.unitCode}?period=${encodeURIComponent(period)}`}>{u.unitName}</Link> {show(u.value)} / {show(u.target)}
              {u.periodsBelow > 1 ? <span className="muted"> · {t('overview.periodsBelow', { count: u.periodsBelow })}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** The programme KPIs next to the dossier KPIs (SPEC §6): one section per pillar, the city against each target. */
export function PillarSections({ period }: { period: string }) {
  const { t } = useTranslation();
  const pillars = usePillars(period);
  return (
    <section aria-labelledby="pillars-title" className="pillar-sections">
      <h2 id="pillars-title">{t('pillars.title')}</h2>
      <QueryState query={pillars}>
        {(data) => (
          <>
            {data.pillars.map((p) => (
              <section key={p.pillar} aria-labelledby={`pillar-${p.pillar}`} data-pillar={p.pillar}>
                <h3 id={`pillar-${p.pillar}`}>{t(`programme.pillars.${p.pillar}`)}</h3>
                {p.indicators.length === 0 ? (
                  <p className="muted">{t('pillars.noIndicators')}</p>
                ) : (
                  <div className="cards">{p.indicators.map((row) => <IndicatorCard key={row.code} row={row} period={data.period.id} />)}</div>
                )}
              </section>
            ))}
          </>
        )}
      </QueryState>
    </section>
  );
}
