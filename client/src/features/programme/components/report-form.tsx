import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../../lib/trpc';
import { ErrorNote } from '../../../components/ui/status';
import { useRoundMutations } from '../api/use-round';

type Row = RouterOutputs['indicators']['round']['rows'][number];
type Indicator = RouterOutputs['indicators']['list'][number];

const num = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(/\s/g, '').replace(',', '.')));

/** One indicator for one unit: numerator and denominator (or a value), a note, and send; correcting keeps the history. */
export function ReportForm({ row, indicator, period }: { row: Row; indicator: Indicator | undefined; period: string }) {
  const { t } = useTranslation();
  const { submit } = useRoundMutations();
  const r = row.record;
  const [numerator, setNumerator] = useState(r?.numerator?.toString() ?? '');
  const [denominator, setDenominator] = useState(r?.denominator?.toString() ?? '');
  const [value, setValue] = useState(r && r.numerator === null && r.value !== null ? r.value.toString() : '');
  const [note, setNote] = useState(r?.note ?? '');
  const fraction = indicator?.unit === 'percent' || value === '';
  const send = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate({ indicator: row.indicator, unitCode: row.unitCode, period, numerator: fraction ? num(numerator) : undefined, denominator: fraction ? num(denominator) : undefined, value: fraction ? undefined : num(value), note: note || undefined });
  };
  const label = indicator ? indicator.name : row.indicator;
  return (
    <form className="report-form" onSubmit={send} aria-label={label}>
      {fraction ? (
        <>
          <label>{t('programme.numerator')} <input inputMode="decimal" value={numerator} onChange={(e) => setNumerator(e.target.value)} required /></label>
          <label>{t('programme.denominator')} <input inputMode="decimal" value={denominator} onChange={(e) => setDenominator(e.target.value)} required /></label>
        </>
      ) : (
        <label>{t('programme.value')} <input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} required /></label>
      )}
      <label>{t('programme.note')} <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} /></label>
      <button type="submit" disabled={submit.isPending}>{r ? t('programme.correct') : t('programme.send')}</button>
      {submit.error && <ErrorNote error={submit.error} />}
      {submit.isSuccess && <span role="status" className="small">{t('programme.sent')}</span>}
    </form>
  );
}
