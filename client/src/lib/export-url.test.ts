import { describe, expect, it } from 'vitest';
import { exportUrl } from './export-url';

describe('exportUrl', () => {
  it('carries the period, index, language and the view parameters of the page, and nothing else', () => {
    const params = new URLSearchParams('group=department&q=tư pháp&state=below&sort=onlineRate&dir=asc&level=review&foo=bar');
    expect(exportUrl('rankings', '2025-W31', 'qd766', 'en', params)).toBe('/api/exports/rankings.xlsx?period=2025-W31&index=qd766&group=department&q=t%C6%B0+ph%C3%A1p&state=below&sort=onlineRate&dir=asc&lang=en');
    expect(exportUrl('flags', '2025-07-01..2025-07-31', undefined, 'vi', params)).toBe('/api/exports/flags.xlsx?period=2025-07-01..2025-07-31&group=department&level=review&lang=vi');
  });
});
