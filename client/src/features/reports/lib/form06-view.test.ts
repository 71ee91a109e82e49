import { describe, expect, it } from 'vitest';
import { form06DownloadUrl, form06PeriodInfo } from './form06-view';

describe('the Biểu 06 view', () => {
  it('cuts a period in progress at asOf and a past one at its end', () => {
    expect(form06PeriodInfo({ period: '2025-Q3', asOf: '2025-08-15T03:00:00.000Z' })).toEqual({
      id: '2025-Q3', startDate: '2025-07-01', endDate: '2025-09-30', cutOff: '2025-08-15T03:00:00.000Z', complete: false,
    });
    expect(form06PeriodInfo({ period: '2025-W31', asOf: '2026-01-01T00:00:00.000Z' })).toMatchObject({ cutOff: '2025-08-03T17:00:00.000Z', complete: true });
  });

  it('links the XLSX of the same period and group', () => {
    expect(form06DownloadUrl('2025-07-01..2025-07-31', 'commune')).toBe('/api/reports/form06.xlsx?period=2025-07-01..2025-07-31&group=commune');
    expect(form06DownloadUrl('2025-Q3', undefined)).toBe('/api/reports/form06.xlsx?period=2025-Q3');
  });
});
