import { useCallback, useState } from 'react';

/** A flat form's values, and a change handler per field for `<input>` and `<select>`. */
export function useFormFields<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const field = useCallback((key: keyof T) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })), []);
  return { values, setValues, field };
}
