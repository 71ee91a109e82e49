// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../lib/i18n';
import { PeriodLine } from './period-line';

afterEach(cleanup);

const week = { id: '2030-W01', startDate: '2029-12-31', endDate: '2030-01-06', complete: false };

describe('PeriodLine', () => {
  it('says a period that has not begun has no figures yet, not that it is in progress', () => {
    const { container } = render(<PeriodLine period={{ ...week, cutOff: '2026-12-04T01:00:00.000Z' }} />);
    expect(container.textContent).toContain('kỳ chưa bắt đầu, chưa có số liệu');
    expect(container.textContent).not.toContain('kỳ đang diễn ra');
  });

  it('says a period under way is in progress, and a complete one neither', () => {
    // 31/12/2029 00:00 in Vietnam is 30/12 17:00 UTC: an hour later the week has begun.
    expect(render(<PeriodLine period={{ ...week, cutOff: '2029-12-30T18:00:00.000Z' }} />).container.textContent).toContain('kỳ đang diễn ra');
    cleanup();
    const done = render(<PeriodLine period={{ ...week, complete: true, cutOff: '2030-01-06T17:00:00.000Z' }} />).container.textContent ?? '';
    expect(done).not.toContain('kỳ đang diễn ra');
    expect(done).not.toContain('chưa bắt đầu');
  });
});
