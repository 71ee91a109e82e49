import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOSSIER_RATES, procedureGain, type DossierRate } from '../../../../../shared/kpi/what-it-takes';
import type { RouterOutputs } from '../../../lib/trpc';
import { formatCount, formatFixed, formatPercent } from '../../../lib/format';

type Detail = RouterOutputs['units']['detail'];
type Procedure = Detail['procedures'][number];
type Key = 'gain' | 'received' | DossierRate | 'overdueOpen';

/**
 * The unit's procedures, by default ordered by how many points fixing each would add to the rates now below target
 * (all three when none is below); any column sorts.
 */
export function ProcedureTable({ detail }: { detail: Detail }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const below = detail.flags.filter((f) => f.state === 'below' && (DOSSIER_RATES as string[]).includes(f.measure)).map((f) => f.measure as DossierRate);
  const focus = below.length ? below : DOSSIER_RATES;
  const received = detail.measures.received;
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: 'gain', desc: true });
  const rows = useMemo(() => {
    const gain = (p: Procedure) => focus.reduce((s, m) => s + procedureGain(m, p, received), 0);
    const value = (p: Procedure, key: Key): number => (key === 'gain' ? gain(p) : key === 'received' ? p.received : key === 'overdueOpen' ? p.overdueOpen : (p[key] ?? -1));
    return [...detail.procedures].map((p) => ({ p, gain: gain(p) })).sort((a, b) => (sort.desc ? -1 : 1) * (value(a.p, sort.key) - value(b.p, sort.key)) || a.p.procedureCode.localeCompare(b.p.procedureCode));
  }, [detail.procedures, focus, received, sort]);
  const header = (key: Key, label: string) => (
    <th scope="col" className="num" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : true })}>
        {label} {sort.key === key ? (sort.desc ? '↓' : '↑') : ''}
      </button>
    </th>
  );
  return (
    <section aria-labelledby="procedures-title">
      <h2 id="procedures-title">{t('unit.procedures')}</h2>
      <p className="muted small">{t('unit.gainHelp', { measures: focus.map((m) => t(`measures.${m}`)).join(', ') })}</p>
      <div className="table-wrap">
        <table className="data">
          <caption className="sr-only">{t('unit.procedures')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('unit.procedure')}</th>
              {header('gain', t('unit.gain'))}
              {header('received', t('measures.received'))}
              {header('onTimeRate', t('measures.onTimeRate'))}
              {header('onlineRate', t('measures.onlineRate'))}
              {header('endToEndRate', t('measures.endToEndRate'))}
              {header('overdueOpen', t('measures.overdueOpen'))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ p, gain }) => (
              <tr key={p.procedureCode}>
                <td className="name">{p.procedureName ?? p.procedureCode} <span className="muted">({p.procedureCode})</span></td>
                <td className="num">+{formatFixed(gain, lng)}</td>
                <td className="num">{formatCount(p.received, lng)}</td>
                <td className="num">{formatPercent(p.onTimeRate, lng)} <span className="muted">({formatCount(p.received - p.onTime, lng)})</span></td>
                <td className="num">{formatPercent(p.onlineRate, lng)}</td>
                <td className="num">{formatPercent(p.endToEndRate, lng)}</td>
                <td className="num">{formatCount(p.overdueOpen, lng)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
