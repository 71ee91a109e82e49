import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/domain/unit';
import { DataTable } from '../../components/ui/data-table';
import { ErrorNote, QueryState } from '../../components/ui/status';
import { useFormFields } from '../../lib/use-form-fields';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';

type UnitRow = RouterOutputs['units']['list'][number];
const EMPTY = { code: '', name: '', nameEn: '', kind: 'ward' as UnitKind, headName: '', headTitle: '' };

/** Rename a unit, set its head, or add one; every change goes to the audit trail. */
export default function UnitsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const units = useQuery(trpc.units.list.queryOptions());
  const { values: form, setValues: setForm, field: set } = useFormFields(EMPTY);
  const save = useMutation(trpc.units.upsert.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  const edit = (u: UnitRow) => setForm({ code: u.code, name: u.name, nameEn: u.nameEn ?? '', kind: u.kind, headName: u.headName ?? '', headTitle: u.headTitle ?? '' });
  const existing = units.data?.find((u) => u.code === form.code);
  return (
    <>
      <h1>{t('admin.units')}</h1>
      <form
        className="card form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ code: form.code, name: form.name, nameEn: form.nameEn || null, kind: form.kind, parentCode: existing?.parentCode ?? null, headName: form.headName || null, headTitle: form.headTitle || null, population: existing?.population ?? null });
        }}
      >
        <h2>{t('admin.addUnit')}</h2>
        <label>{t('admin.code')} <input value={form.code} onChange={set('code')} required /></label>
        <label>{t('rankings.unit')} <input value={form.name} onChange={set('name')} required /></label>
        <label>{t('admin.nameEn')} <input value={form.nameEn} onChange={set('nameEn')} /></label>
        <label>
          {t('admin.kind')}{' '}
          <select value={form.kind} onChange={set('kind')}>
            {UNIT_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
          </select>
        </label>
        <label>{t('admin.headName')} <input value={form.headName} onChange={set('headName')} /></label>
        <label>{t('admin.headTitle')} <input value={form.headTitle} onChange={set('headTitle')} /></label>
        <button type="submit" disabled={save.isPending}>{t('admin.save')}</button>
        {save.error && <ErrorNote error={save.error} />}
        {save.isSuccess && <p role="status">{t('admin.saved')}</p>}
      </form>
      <QueryState query={units}>
        {(rows) => (
          <DataTable<UnitRow>
            rows={rows}
            rowKey={(u) => u.code}
            columns={[
              { key: 'code', header: t('admin.code'), cell: (u) => u.code },
              { key: 'name', header: t('rankings.unit'), cell: (u) => u.name },
              { key: 'kind', header: t('admin.kind'), cell: (u) => t(`kinds.${u.kind}`) },
              { key: 'head', header: t('admin.headName'), cell: (u) => u.headName ?? '—' },
              { key: 'edit', header: <span className="sr-only">{t('admin.edit')}</span>, cell: (u) => <button type="button" className="small" onClick={() => edit(u)}>{t('admin.edit')}</button> },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
