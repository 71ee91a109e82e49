import { useTranslation } from 'react-i18next';
import { FORM06_COLUMNS, FORM06_HEAD, FORM06_HEAD_ROWS } from '../../../../../shared/domain/form06';
import { formatCount } from '../../../lib/format';
import type { RouterOutputs } from '../../../lib/trpc';

type Form06 = RouterOutputs['reports']['form06'];

/** Biểu 06 on screen with the form's own header: two rows of group headers over the column headers. */
export function Form06Table({ form }: { form: Form06 }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, i18n.language);
  const rows = Array.from({ length: FORM06_HEAD_ROWS }, (_, r) => FORM06_HEAD.filter((h) => h.row === r));
  return (
    <div className="table-wrap">
      <table className="data form06">
        <caption className="sr-only">{t('form06.title')}</caption>
        <thead>
          {rows.map((cells, r) => (
            <tr key={r}>
              {r === 0 && (
                <>
                  <th scope="col" rowSpan={FORM06_HEAD_ROWS}>{t('form06.stt')}</th>
                  <th scope="col" rowSpan={FORM06_HEAD_ROWS}>{t('form06.unit')}</th>
                </>
              )}
              {cells.map((h) => (
                <th key={`${h.row}-${h.col}`} scope={h.colSpan > 1 ? 'colgroup' : 'col'} rowSpan={h.rowSpan} colSpan={h.colSpan} className={h.colSpan > 1 ? undefined : 'num'}>
                  {t(`form06.head.${h.key}`)}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {form.rows.map((r, i) => (
            <tr key={r.unitCode}>
              <td className="num">{i + 1}</td>
              <th scope="row">{r.unitName}</th>
              {FORM06_COLUMNS.map((f) => <td key={f} className="num">{n(r[f])}</td>)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <th scope="row">{t('form06.total')}</th>
            {FORM06_COLUMNS.map((f) => <td key={f} className="num"><strong>{n(form.total[f])}</strong></td>)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
