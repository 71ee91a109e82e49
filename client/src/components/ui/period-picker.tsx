import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePeriod } from '../../../../shared/kpi/periods';
import type { PeriodKind } from '../../../../shared/schemas/period';
import { formatDate } from '../../lib/format';
import { DateField } from './date-field';
import { useTRPC } from '../../lib/trpc';
import { usePeriod } from '../../lib/use-period';

const KINDS: PeriodKind[] = ['week', 'month', 'quarter', 'year', 'range'];

/** Week, month, quarter, year or a custom range; the choice is written to the URL. */
export function PeriodPicker() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { period, kind, setPeriod } = usePeriod();
  const [chosenKind, setChosenKind] = useState<PeriodKind>(kind);
  useEffect(() => setChosenKind(kind), [kind]);
  const listKind = chosenKind === 'range' ? 'week' : chosenKind;
  const list = useQuery(trpc.periods.list.queryOptions({ kind: listKind }, { staleTime: 60_000 }));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  useEffect(() => {
    const current = period ? parsePeriod(period) : null;
    if (current?.ok) {
      setFrom(current.period.startDate);
      setTo(current.period.endDate);
    }
  }, [period]);

  return (
    <form className="period-picker" onSubmit={(e) => { e.preventDefault(); if (from && to) setPeriod(`${from}..${to}`); }} aria-label={t('period.label')}>
      <label>
        <span className="sr-only">{t('period.kind')}</span>
        <select value={chosenKind} onChange={(e) => setChosenKind(e.target.value as PeriodKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>{t(`period.${k}`)}</option>
          ))}
        </select>
      </label>
      {chosenKind === 'range' ? (
        <>
          <DateField label={t('period.from')} value={from} onChange={setFrom} required />
          <DateField label={t('period.to')} value={to} onChange={setTo} required />
          <button type="submit">{t('period.apply')}</button>
        </>
      ) : (
        <label>
          <span className="sr-only">{t('period.label')}</span>
          <select value={chosenKind === kind ? (period ?? '') : ''} onChange={(e) => setPeriod(e.target.value)}>
            {chosenKind !== kind && <option value="">…</option>}
            {list.data?.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id} ({t('period.span', { from: formatDate(p.startDate, i18n.language), to: formatDate(p.endDate, i18n.language) })}){p.complete ? '' : ` · ${t('period.inProgress')}`}
              </option>
            ))}
          </select>
        </label>
      )}
    </form>
  );
}
