import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDayMonthYear, toDayMonthYear } from '../../lib/dates';

interface Props {
  label: string;
  /** YYYY-MM-DD, or '' when empty. */
  value: string;
  onChange: (iso: string) => void;
  required?: boolean;
}

/**
 * A date typed as dd/mm/yyyy whatever the browser's locale (a browser date field follows the browser, and a
 * month-first entry on a target date is easy to make). Reports YYYY-MM-DD, or '' while the text is not a date.
 */
export function DateField({ label, value, onChange, required }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(toDayMonthYear(value));
  useEffect(() => {
    if (parseDayMonthYear(text) !== value) setText(toDayMonthYear(value));
    // Only a new value from outside resets the text being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const invalid = text.trim() !== '' && parseDayMonthYear(text) === null;
  return (
    <label>
      {label}{' '}
      <input
        value={text}
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        required={required}
        aria-invalid={invalid}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseDayMonthYear(e.target.value) ?? '');
        }}
      />
      {invalid && <span className="field-error" role="alert">{t('dates.invalid')}</span>}
    </label>
  );
}
