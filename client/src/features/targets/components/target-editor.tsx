import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MEASURE_ORDER, type Measure } from '../../../../../shared/domain/measure';
import { UNIT_KINDS, type UnitKind } from '../../../../../shared/domain/unit';
import { ErrorNote } from '../../../components/ui/status';
import { DateField } from '../../../components/ui/date-field';
import { useFormFields } from '../../../lib/use-form-fields';
import { useTRPC } from '../../../lib/trpc';

/** For admins: add a target, or replace the one with the same measure, scope and start date. */
export function TargetEditor() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { values: form, field: set, setValues } = useFormFields({ measure: 'onlineRate' as Measure, scope: 'kind' as 'kind' | 'unit', kind: 'ward' as UnitKind, unitCode: '', threshold: '', effectiveFrom: '', deadline: '' });
  const save = useMutation(trpc.targets.upsert.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  return (
    <form
      className="card form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          measure: form.measure,
          ...(form.scope === 'kind' ? { kind: form.kind } : { unitCode: form.unitCode }),
          threshold: Number(form.threshold.replace(',', '.')),
          effectiveFrom: form.effectiveFrom,
          ...(form.deadline ? { deadline: form.deadline } : {}),
        });
      }}
    >
      <h2>{t('admin.addTarget')}</h2>
      <label>
        {t('targets.measure')}{' '}
        <select value={form.measure} onChange={set('measure')}>
          {MEASURE_ORDER.map((m) => <option key={m} value={m}>{t(`measures.${m}`)}</option>)}
        </select>
      </label>
      <label>
        {t('targets.scope')}{' '}
        <select value={form.scope} onChange={set('scope')}>
          <option value="kind">{t('admin.kind')}</option>
          <option value="unit">{t('admin.unit')}</option>
        </select>
      </label>
      {form.scope === 'kind' ? (
        <label>
          {t('admin.kind')}{' '}
          <select value={form.kind} onChange={set('kind')}>
            {UNIT_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
          </select>
        </label>
      ) : (
        <label>{t('admin.code')} <input value={form.unitCode} onChange={set('unitCode')} required /></label>
      )}
      <label>{t('targets.threshold')} <input inputMode="decimal" value={form.threshold} onChange={set('threshold')} required pattern="\d+([.,]\d+)?" /></label>
      <DateField label={t('targets.effectiveFrom')} value={form.effectiveFrom} onChange={(v) => setValues({ ...form, effectiveFrom: v })} required />
      <DateField label={t('targets.deadline')} value={form.deadline} onChange={(v) => setValues({ ...form, deadline: v })} />
      <button type="submit" disabled={save.isPending}>{t('admin.save')}</button>
      {save.error && <ErrorNote error={save.error} />}
      {save.isSuccess && <p role="status">{t('admin.saved')}</p>}
    </form>
  );
}
