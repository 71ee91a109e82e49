import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../../components/ui/status';
import { useRoundMutations } from '../api/use-round';

/** The city sends a value back to its unit with a comment saying what to correct. */
export function ReturnButton({ indicator, unitCode, period }: { indicator: string; unitCode: string; period: string }) {
  const { t } = useTranslation();
  const { giveBack } = useRoundMutations();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  if (!open) return <button type="button" className="small" onClick={() => setOpen(true)}>{t('programme.return')}</button>;
  return (
    <form className="inline" onSubmit={(e) => { e.preventDefault(); giveBack.mutate({ indicator, unitCode, period, comment }); }}>
      <label><span className="sr-only">{t('programme.comment')}</span><input value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('programme.comment')} required maxLength={2000} /></label>
      <button type="submit" className="small" disabled={giveBack.isPending}>{t('programme.sendBack')}</button>
      {giveBack.error && <ErrorNote error={giveBack.error} />}
    </form>
  );
}
