import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { INDICATOR_FREQUENCIES, INDICATOR_UNITS, PILLARS, type Indicator } from '../../../../shared/domain/indicator';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/domain/unit';
import { ErrorNote, QueryState } from '../../components/ui/status';
import { useFormFields } from '../../lib/use-form-fields';
import { useTRPC } from '../../lib/trpc';

const EMPTY = { code: '', name: '', nameEn: '', pillar: 'da06', unit: 'percent', direction: 'higher', frequency: 'month', description: '' };
type Field = 'code' | 'name' | 'nameEn' | 'description';
const CODE = /^[A-Z0-9_]{1,100}$/;

/** The same limits as the catalogue's schema (SPEC §6), checked here to name each field; the server checks again. */
function problems(e: { code: string; name: string; nameEn: string | null; description: string | null }): Partial<Record<Field, true>> {
  const out: Partial<Record<Field, true>> = {};
  if (!CODE.test(e.code)) out.code = true;
  if (e.name.trim() === '' || e.name.length > 1000) out.name = true;
  if ((e.nameEn ?? '').length > 1000) out.nameEn = true;
  if ((e.description ?? '').length > 5000) out.description = true;
  return out;
}

/** The indicator catalogue (SPEC §6): admins add and edit entries; the server validates again and audits every change. */
export default function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const catalogue = useQuery(trpc.indicators.list.queryOptions());
  const { values: form, setValues: setForm, field: set } = useFormFields(EMPTY);
  const [kinds, setKinds] = useState<UnitKind[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field | 'exists', true>>>({});
  const save = useMutation(trpc.indicators.upsert.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  const edit = (i: Indicator) => {
    setEditing(i.code);
    setErrors({});
    setKinds(i.kinds);
    setForm({ code: i.code, name: i.name, nameEn: i.nameEn ?? '', pillar: i.pillar, unit: i.unit, direction: i.direction, frequency: i.frequency, description: i.description ?? '' });
  };
  const reset = () => {
    setEditing(null);
    setErrors({});
    setKinds([]);
    setForm(EMPTY);
  };
  const submit = () => {
    const entry: Indicator = {
      code: form.code.trim(), name: form.name.trim(), nameEn: form.nameEn.trim() || null, description: form.description.trim() || null, kinds,
      pillar: form.pillar as Indicator['pillar'], unit: form.unit as Indicator['unit'], direction: form.direction as Indicator['direction'], frequency: form.frequency as Indicator['frequency'],
    };
    const found: Partial<Record<Field | 'exists', true>> = problems(entry);
    if (!editing && catalogue.data?.some((i) => i.code === entry.code)) found.exists = true;
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(entry, { onSuccess: reset });
  };
  const fieldError = (f: Field | 'exists') => (errors[f] ? <span className="field-error" id={`err-${f}`} role="alert">{t(`indicatorAdmin.errors.${f}`)}</span> : null);
  const text = (f: Field, required = false) => (
    <label className={f === 'description' ? 'wide' : undefined}>
      {t(`indicatorAdmin.${f}`)}{' '}
      <input value={form[f]} onChange={set(f)} readOnly={f === 'code' && editing !== null} aria-invalid={errors[f] ? true : undefined} aria-describedby={errors[f] ? `err-${f}` : undefined} required={required} />
      {fieldError(f)}
    </label>
  );
  const choice = (f: 'pillar' | 'unit' | 'direction' | 'frequency', options: readonly string[], label: (o: string) => string) => (
    <label>
      {t(`indicatorAdmin.${f}`)}{' '}
      <select value={form[f]} onChange={set(f)}>{options.map((o) => <option key={o} value={o}>{label(o)}</option>)}</select>
    </label>
  );
  const nameOf = (i: Indicator) => (i18n.language === 'en' && i.nameEn ? i.nameEn : i.name);
  return (
    <>
      <h1>{t('indicatorAdmin.title')}</h1>
      <form className="card form-grid" noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <h2>{editing ? `${t('indicatorAdmin.edit')}: ${editing}` : t('indicatorAdmin.add')}</h2>
        {text('code', true)}
        {fieldError('exists')}
        {text('name', true)}
        {text('nameEn')}
        {choice('pillar', PILLARS, (p) => t(`programme.pillars.${p}`))}
        {choice('unit', INDICATOR_UNITS, (u) => t(`indicatorAdmin.units.${u}`))}
        {choice('direction', ['higher', 'lower'], (d) => t(`indicatorAdmin.directions.${d}`))}
        {choice('frequency', INDICATOR_FREQUENCIES, (f) => t(`indicatorAdmin.frequencies.${f}`))}
        <fieldset className="wide">
          <legend>{t('indicatorAdmin.kinds')} <span className="muted small">{t('indicatorAdmin.allKinds')}</span></legend>
          {UNIT_KINDS.map((k) => (
            <label key={k}>
              <input type="checkbox" checked={kinds.includes(k)} onChange={(e) => setKinds((ks) => (e.target.checked ? [...ks, k] : ks.filter((x) => x !== k)))} /> {t(`kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        {text('description')}
        <div className="wide">
          <button type="submit" disabled={save.isPending}>{t('indicatorAdmin.save')}</button>{' '}
          {editing && <button type="button" onClick={reset}>{t('indicatorAdmin.cancel')}</button>}
        </div>
        {save.error && <ErrorNote error={save.error} />}
        {save.isSuccess && <p role="status">{t('indicatorAdmin.saved', { code: save.data.code })}</p>}
      </form>
      <QueryState query={catalogue}>
        {(list) => (
          <div className="table-wrap table-scroll">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('indicatorAdmin.code')}</th><th scope="col">{t('indicatorAdmin.name')}</th><th scope="col">{t('indicatorAdmin.pillar')}</th>
                  <th scope="col">{t('indicatorAdmin.unit')}</th><th scope="col">{t('indicatorAdmin.frequency')}</th><th scope="col">{t('indicatorAdmin.kinds')}</th><th scope="col"><span className="sr-only">{t('indicatorAdmin.edit')}</span></th>
                </tr>
              </thead>
              <tbody>
                {list.map((i) => (
                  <tr key={i.code}>
                    <td className="nowrap">{i.code}</td><td>{nameOf(i)}</td><td>{t(`programme.pillars.${i.pillar}`)}</td><td>{t(`indicatorAdmin.units.${i.unit}`)}</td>
                    <td>{t(`indicatorAdmin.frequencies.${i.frequency}`)}</td><td>{i.kinds.length ? i.kinds.map((k) => t(`kinds.${k}`)).join(', ') : t('indicatorAdmin.allKinds')}</td>
                    <td><button type="button" onClick={() => edit(i)} aria-label={`${t('indicatorAdmin.edit')} ${i.code}`}>{t('indicatorAdmin.edit')}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </>
  );
}
