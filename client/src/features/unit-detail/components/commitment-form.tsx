import { useTranslation } from 'react-i18next';
import { ACCOUNTABILITY_TEXT_MAX } from '../../../../../shared/domain/accountability';
import { firstAllowedDueDate } from '../../../../../shared/kpi/commitments';
import { mustParsePeriod } from '../../../../../shared/kpi/periods';
import { vnDateString } from '../../../../../shared/kpi/vn-time';
import { DateField } from '../../../components/ui/date-field';
import { ErrorNote } from '../../../components/ui/status';
import { useFormFields } from '../../../lib/use-form-fields';
import { useSubmitCommitment } from '../api/use-commitments';
import { useSubjects } from '../../../lib/use-subjects';

/** For the unit's head (or an admin): why a target was missed, what will be done, and by when. */
export function CommitmentForm({ unitCode, period, below }: { unitCode: string; period: string; below: readonly string[] }) {
  const { t } = useTranslation();
  const subjects = useSubjects();
  const submit = useSubmitCommitment();
  const p = mustParsePeriod(period);
  const first = firstAllowedDueDate(p, vnDateString(Date.now()));
  const { values: form, setValues, field: set } = useFormFields({ measure: below[0] ?? '', explanation: '', action: '', dueDate: first });
  const counter = (text: string) => <span className="muted small">{t('accountability.chars', { count: text.length, max: ACCOUNTABILITY_TEXT_MAX })}</span>;
  return (
    <form
      className="card form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        submit.mutate(
          { unitCode, period, measure: form.measure, explanation: form.explanation, action: form.action, dueDate: form.dueDate },
          { onSuccess: () => setValues((v) => ({ ...v, explanation: '', action: '' })) },
        );
      }}
    >
      <h3>{t('accountability.write')}</h3>
      <label>
        {t('accountability.measure')}{' '}
        <select value={form.measure} onChange={set('measure')} required>
          {below.map((m) => <option key={m} value={m}>{subjects.label(m)}</option>)}
        </select>
      </label>
      {/* Typed day first whatever the browser's locale: "12/06/2026" must not be read as 6 December by one and 12 June by another. */}
      <DateField label={t('accountability.dueDate')} value={form.dueDate} onChange={(dueDate) => setValues((v) => ({ ...v, dueDate }))} required />
      <label className="wide">
        {t('accountability.explanation')} <textarea value={form.explanation} onChange={set('explanation')} maxLength={ACCOUNTABILITY_TEXT_MAX} required />
        {counter(form.explanation)}
      </label>
      <label className="wide">
        {t('accountability.action')} <textarea value={form.action} onChange={set('action')} maxLength={ACCOUNTABILITY_TEXT_MAX} required />
        {counter(form.action)}
      </label>
      <button type="submit" disabled={submit.isPending}>{t('accountability.submit')}</button>
      {submit.error && <ErrorNote error={submit.error} />}
      {submit.isSuccess && <p role="status">{t('accountability.sent')}</p>}
    </form>
  );
}
