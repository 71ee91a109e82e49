import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChange, formatFixed } from '../../../lib/format';
import type { RouterOutputs } from '../../../lib/trpc';
import { useWhatIf } from '../api/use-what-if';
import { ErrorNote } from '../../../components/ui/status';

type Detail = RouterOutputs['units']['detail'];
const RATES = ['onlineRate', 'endToEndRate', 'onTimeRate'] as const;

/** "If our end-to-end share rose to 35 %…": the index and rank the unit would have, by the ranking's own maths. */
export function WhatIfPanel({ detail, index }: { detail: Detail; index: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [changes, setChanges] = useState<{ code: string; value: number }[] | null>(null);
  const answer = useWhatIf(detail.unit.code, detail.period.id, index, changes);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = Object.entries(draft)
      .filter(([, v]) => v.trim() !== '')
      .map(([code, v]) => ({ code, value: Number(v.replace(',', '.')) }))
      .filter((c) => Number.isFinite(c.value));
    setChanges(list.length ? list : null);
  };
  const a = answer.data;
  return (
    <section aria-labelledby="what-if-title">
      <h2 id="what-if-title">{t('whatIf.title')}</h2>
      <form className="what-if" onSubmit={submit}>
        {RATES.map((code) => (
          <label key={code}>
            {t(`measures.${code}`)} (%)
            <input inputMode="decimal" placeholder={formatFixed(detail.measures[code], lng)} value={draft[code] ?? ''} onChange={(e) => setDraft({ ...draft, [code]: e.target.value })} />
          </label>
        ))}
        <label>
          {t('whatIf.moreOnline')}
          <input inputMode="numeric" placeholder="0" value={draft.online ?? ''} onChange={(e) => setDraft({ ...draft, online: e.target.value })} />
        </label>
        <button type="submit">{t('whatIf.compute')}</button>
      </form>
      {answer.error && <ErrorNote error={answer.error} />}
      {a && (
        <p aria-live="polite">
          {t('whatIf.result', {
            index: formatFixed(a.after.index, lng), change: formatChange(a.after.index !== null && a.before.index !== null ? a.after.index - a.before.index : null, lng),
            rank: a.after.rank ?? '—', before: a.before.rank ?? '—',
          })}
        </p>
      )}
    </section>
  );
}
