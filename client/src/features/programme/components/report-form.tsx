import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../../lib/trpc';
import { ErrorNote } from '../../../components/ui/status';
import { useRoundMutations } from '../api/use-round';
import { EvidenceLink } from './evidence-link';

type Row = RouterOutputs['indicators']['round']['rows'][number];
type Indicator = RouterOutputs['indicators']['list'][number];

const num = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(/\s/g, '').replace(',', '.')));

/**
 * One indicator for one unit: numerator and denominator (or a value), a note, an optional evidence file, and send;
 * correcting keeps the history, and the evidence unless another file is chosen.
 */
export function ReportForm({ row, indicator, period }: { row: Row; indicator: Indicator | undefined; period: string }) {
  const { t } = useTranslation();
  const { submit, attach } = useRoundMutations();
  const [file, setFile] = useState<File | null>(null);
  const [fileInput, setFileInput] = useState(0);
  const r = row.record;
  const [numerator, setNumerator] = useState(r?.numerator?.toString() ?? '');
  const [denominator, setDenominator] = useState(r?.denominator?.toString() ?? '');
  const [value, setValue] = useState(r && r.numerator === null && r.value !== null ? r.value.toString() : '');
  const [note, setNote] = useState(r?.note ?? '');
  const fraction = indicator?.unit === 'percent' || value === '';
  const send = (e: FormEvent) => {
    e.preventDefault();
    attach.reset();
    const key = { indicator: row.indicator, unitCode: row.unitCode, period };
    submit.mutate(
      { ...key, numerator: fraction ? num(numerator) : undefined, denominator: fraction ? num(denominator) : undefined, value: fraction ? undefined : num(value), note: note || undefined },
      {
        // The value first: evidence is attached to a reported value.
        onSuccess: () => {
          if (!file) return;
          attach.mutate({ key, file }, { onSuccess: () => { setFile(null); setFileInput((n) => n + 1); } });
        },
      },
    );
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
      <label title={t('programme.evidenceHint')}>
        {t('programme.evidenceFile')}{' '}
        <input key={fileInput} type="file" className="evidence-input" accept=".pdf,.png,.jpg,.jpeg,.xlsx,.docx,application/pdf,image/png,image/jpeg" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <button type="submit" disabled={submit.isPending || attach.isPending}>{r ? t('programme.correct') : t('programme.send')}</button>
      {r?.evidence && <EvidenceLink evidence={r.evidence} />}
      {submit.error && <ErrorNote error={submit.error} />}
      {attach.error && <ErrorNote error={attach.error} />}
      {submit.isSuccess && !attach.isPending && !attach.error && <span role="status" className="small">{attach.isSuccess ? t('programme.evidenceAttached') : t('programme.sent')}</span>}
    </form>
  );
}
