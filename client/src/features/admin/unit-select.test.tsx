// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { UnitSelect } from './unit-select';

const UNITS = Array.from({ length: 150 }, (_, i) => ({ code: String(70 + i).padStart(5, '0'), name: `Phường ${i}` }));

function Bound({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return <UnitSelect label="Đơn vị head-00082" value={value} units={UNITS} onChange={setValue} />;
}

afterEach(cleanup);

describe('UnitSelect', () => {
  it('lists only the chosen unit until it is used, so a table of unit heads stays light', () => {
    render(<Bound initial="00082" />);
    const select = screen.getByLabelText<HTMLSelectElement>('Đơn vị head-00082');
    expect(select.value).toBe('00082');
    expect([...select.options].map((o) => o.value)).toEqual(['', '00082']);
  });

  it('lists every unit once focused (keyboard) or pressed (pointer), and takes the one chosen', () => {
    render(<Bound initial="00082" />);
    const select = screen.getByLabelText<HTMLSelectElement>('Đơn vị head-00082');
    fireEvent.focus(select);
    expect(select.options).toHaveLength(1 + UNITS.length);
    expect(select.value).toBe('00082');
    fireEvent.change(select, { target: { value: '00200' } });
    expect(select.value).toBe('00200');
    cleanup();
    render(<Bound initial="" />);
    const fresh = screen.getByLabelText<HTMLSelectElement>('Đơn vị head-00082');
    expect(fresh.options).toHaveLength(1);
    fireEvent.pointerDown(fresh);
    expect(fresh.options).toHaveLength(1 + UNITS.length);
  });
});
