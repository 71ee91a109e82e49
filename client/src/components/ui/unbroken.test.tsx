// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Unbroken } from './unbroken';

afterEach(cleanup);

describe('Unbroken', () => {
  it('keeps each occurrence of a period code on one line and the sentence otherwise as written', () => {
    const { container } = render(<p><Unbroken text="▲ +0,31 điểm % so với 2026-W47 (2026-W47)" parts={['2026-W47']} /></p>);
    expect(container.textContent).toBe('▲ +0,31 điểm % so với 2026-W47 (2026-W47)');
    expect([...container.querySelectorAll('span.nowrap')].map((s) => s.textContent)).toEqual(['2026-W47', '2026-W47']);
  });

  it('takes parts literally (a period range has dots) and leaves a sentence without them alone', () => {
    const { container } = render(<p><Unbroken text="so với 2025-07-01..2025-07-31" parts={['2025-07-01..2025-07-31', '']} /></p>);
    expect([...container.querySelectorAll('span.nowrap')].map((s) => s.textContent)).toEqual(['2025-07-01..2025-07-31']);
    const plain = render(<p><Unbroken text="2025X07" parts={['2025.07']} /></p>);
    expect(plain.container.querySelectorAll('span.nowrap')).toHaveLength(0);
  });
});
