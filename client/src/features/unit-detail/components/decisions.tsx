import { useTranslation } from 'react-i18next';
import { ACCOUNTABILITY_TEXT_MAX, DECISION_OWNER_MAX } from '../../../../../shared/domain/accountability';
import { DateField } from '../../../components/ui/date-field';
import { Empty, ErrorNote, QueryState } from '../../../components/ui/status';
import { formatDate } from '../../../lib/format';
import { useFormFields } from '../../../lib/use-form-fields';
import { useAddDecision, useDecisions } from '../api/use-decisions';

/** What the meeting decided about the unit: what, who follows it up, by when. */
export function DecisionList({ unitCode }: { unitCode: string }) {
  const { t, i18n } = useTranslation();
  const decisions = useDecisions(unitCode);
  return (
    <>
      <h3>{t('accountability.decisions')}</h3>
      <QueryState query={decisions}>
        {(list) =>
          list.length === 0 ? (
            <Empty text={t('accountability.noDecisions')} />
          ) : (
            <ul className="history">
              {list.map((d) => (
                <li key={d.id} className="card">
                  <strong>{d.owner}</strong> · {t('accountability.due', { date: formatDate(d.dueDate, i18n.language) })} · {t('accountability.period')} {d.period}
                  <p>{d.decision}</p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

/** For leaders at the meeting. */
export function DecisionForm({ unitCode, period }: { unitCode: string; period: string }) {
  const { t } = useTranslation();
  const add = useAddDecision();
  const { values: form, setValues, field: set } = useFormFields({ decision: '', owner: '', dueDate: '' });
  return (
    <form
      className="card form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ unitCode, period, ...form }, { onSuccess: () => setValues({ decision: '', owner: '', dueDate: '' }) });
      }}
    >
      <h3>{t('accountability.addDecision')}</h3>
      <label className="wide">{t('accountability.decision')} <textarea value={form.decision} onChange={set('decision')} maxLength={ACCOUNTABILITY_TEXT_MAX} required /></label>
      <label>{t('accountability.owner')} <input value={form.owner} onChange={set('owner')} maxLength={DECISION_OWNER_MAX} required /></label>
      <DateField label={t('accountability.dueDate')} value={form.dueDate} onChange={(dueDate) => setValues((v) => ({ ...v, dueDate }))} required />
      <button type="submit" disabled={add.isPending}>{t('accountability.saveDecision')}</button>
      {add.error && <ErrorNote error={add.error} />}
      {add.isSuccess && <p role="status">{t('accountability.savedDecision')}</p>}
    </form>
  );
}
