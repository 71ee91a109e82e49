import { useTranslation } from 'react-i18next';
import { GROUPS, type Group } from '../../../../../shared/domain/unit';
import { PeriodLine } from '../../../components/ui/period-line';
import { QueryState } from '../../../components/ui/status';
import { usePeriod } from '../../../lib/use-period';
import { useViewParam } from '../../../lib/use-view-params';
import { useForm06 } from '../api/use-form06';
import { form06DownloadUrl, form06PeriodInfo } from '../lib/form06-view';
import { Form06Table } from './form06-table';

/** Biểu số 06 for the period in the URL and the chosen group, on screen and as the XLSX to send. */
export function Form06Section() {
  const { t } = useTranslation();
  const { period } = usePeriod();
  const [groupParam, setGroup] = useViewParam('group');
  const group = GROUPS.find((g) => g === groupParam);
  const form = useForm06(period, group);
  return (
    <section className="card" aria-labelledby="form06-title">
      <h2 id="form06-title">{t('form06.title')} · {period}</h2>
      <p className="muted">{t('form06.subtitle')}</p>
      <div className="form-grid">
        <label>
          {t('form06.group')}{' '}
          <select value={group ?? ''} onChange={(e) => setGroup(e.target.value || null)}>
            <option value="">{t('form06.allGroups')}</option>
            {GROUPS.map((g: Group) => <option key={g} value={g}>{t(`groups.${g}`)}</option>)}
          </select>
        </label>
        <a href={form06DownloadUrl(period, group)} download>{t('form06.download')}</a>
      </div>
      <QueryState query={form}>
        {(data) => (
          <>
            <PeriodLine period={form06PeriodInfo(data)} />
            <Form06Table form={data} />
          </>
        )}
      </QueryState>
    </section>
  );
}
