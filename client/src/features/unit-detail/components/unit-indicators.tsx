import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../../lib/trpc';
import { formatDate, formatIndicator } from '../../../lib/format';
import { StateBadge } from '../../../components/ui/state-badge';
import { QueryState } from '../../../components/ui/status';
import { useUnitIndicators } from '../api/use-unit-indicators';

type Data = RouterOutputs['indicators']['unit'];

function IndicatorTable({ data }: { data: Data }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const nameOf = (code: string) => {
    const i = data.indicators.find((x) => x.code === code);
    return i ? (lng === 'en' && i.nameEn ? i.nameEn : i.name) : code;
  };
  if (data.indicators.length === 0) return <p className="muted">{t('pillars.none')}</p>;
  return (
    <>
      {/* A scroll box is reachable by keyboard (it has no links of its own to carry the focus). */}
      <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-labelledby="unit-indicators">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('programme.indicator')}</th>
              <th scope="col">{t('programme.round')}</th>
              <th scope="col" className="num">{t('pillars.value')}</th>
              <th scope="col" className="num">{t('unit.target')}</th>
              <th scope="col">{t('programme.state')}</th>
              <th scope="col">{t('pillars.trend')}</th>
            </tr>
          </thead>
          <tbody>
            {data.indicators.map((i) => {
              const show = (v: number | null) => formatIndicator(i.unit, v, lng, t('measures.days'));
              return (
                <tr key={i.code} data-indicator={i.code}>
                  <td>{nameOf(i.code)} <div className="muted small">{t(`programme.pillars.${i.pillar}`)}</div></td>
                  <td className="nowrap">{i.period}</td>
                  <td className="num">{show(i.value)}</td>
                  <td className="num">{i.target === null ? t('overview.noTarget') : show(i.target)}</td>
                  <td>
                    {i.state ? <StateBadge state={i.state} /> : '—'}
                    {i.periodsBelow > 0 ? <div className="muted small">{t('overview.periodsBelow', { count: i.periodsBelow })}</div> : null}
                  </td>
                  {/* Periods part between them, never inside "2026-05: 93,01 %". */}
                  <td className="small">
                    {i.trend.map((p, k) => <span key={p.period}>{k > 0 ? ' · ' : ''}<span className="nowrap">{`${p.period}: ${show(p.value)}`}</span></span>)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>{t('pillars.unreported')}</h3>
      {data.unreported.length === 0 ? (
        <p className="muted">{t('pillars.allReported')}</p>
      ) : (
        <ul aria-label={t('pillars.unreported')}>
          {data.unreported.map((u) => (
            <li key={`${u.indicator}|${u.period}`}>
              {nameOf(u.indicator)} · {u.period} · <span className={u.late ? 'change-down' : 'muted'}>{t(u.late ? 'pillars.late' : 'pillars.due', { date: formatDate(u.dueDate, lng) })}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** All the unit's programme KPIs with target, last periods and state, and what it has not reported (SPEC §6). */
export function UnitIndicators({ unitCode, period }: { unitCode: string; period: string }) {
  const { t } = useTranslation();
  const query = useUnitIndicators(unitCode, period);
  return (
    <section aria-labelledby="unit-indicators">
      <h2 id="unit-indicators">{t('pillars.unitTitle')}</h2>
      <QueryState query={query}>{(data) => <IndicatorTable data={data} />}</QueryState>
    </section>
  );
}
