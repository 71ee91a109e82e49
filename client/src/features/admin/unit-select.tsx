import { useState } from 'react';

/**
 * A unit head's unit. Until the select is used it lists only the chosen unit: the table has a row per unit head, and
 * every row with the whole list (≈150 units) made the page 25,000 elements that took seconds to show and to update.
 * Focus (keyboard) or a press (pointer) puts the whole list in before it opens.
 */
export function UnitSelect({ label, value, units, onChange }: { label: string; value: string; units: readonly { code: string; name: string }[]; onChange: (code: string) => void }) {
  const [listed, setListed] = useState(false);
  const list = () => setListed(true);
  const shown = listed ? units : units.filter((u) => u.code === value);
  return (
    <label>
      <span className="sr-only">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} onFocus={list} onPointerDown={list} required>
        <option value="" />
        {shown.map((x) => <option key={x.code} value={x.code}>{x.name} ({x.code})</option>)}
      </select>
    </label>
  );
}
