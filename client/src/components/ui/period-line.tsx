import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format';

export interface PeriodLineProps {
  period: { id: string; startDate: string; endDate: string; cutOff: string; complete: boolean };
}

/** Every figure says which period it covers and when its data was cut off. */
export function PeriodLine({ period }: PeriodLineProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  // A period asked for by a link may lie ahead: its figures are all empty, and "in progress" would be untrue.
  const notStarted = Date.parse(period.cutOff) <= Date.parse(`${period.startDate}T00:00:00+07:00`);
  return (
    <p className="period-line">
      <strong>{period.id}</strong> · {t('period.span', { from: formatDate(period.startDate, lng), to: formatDate(period.endDate, lng) })} ·{' '}
      {t('period.cutOff', { date: formatDateTime(period.cutOff, lng) })}
      {period.complete ? '' : ` · ${t(notStarted ? 'period.notStarted' : 'period.inProgress')}`}
    </p>
  );
}
