/** The parameters each view export reads besides the period, index and language (the page's own URL parameters). */
const VIEW_PARAMS = { rankings: ['group', 'q', 'kind', 'state', 'sort', 'dir'], flags: ['group', 'measure', 'level'] } as const;

/**
 * The XLSX of what the page shows now: the server recomputes the same view from the same parameters
 * (`/api/exports/rankings.xlsx`, `/api/exports/flags.xlsx`), so the file holds the rows on screen.
 */
export function exportUrl(view: keyof typeof VIEW_PARAMS, period: string, index: string | undefined, language: string, params: { get: (name: string) => string | null }): string {
  const out = new URLSearchParams({ period });
  if (index) out.set('index', index);
  for (const name of VIEW_PARAMS[view]) {
    const value = params.get(name);
    if (value) out.set(name, value);
  }
  out.set('lang', language === 'en' ? 'en' : 'vi');
  return `/api/exports/${view}.xlsx?${out.toString()}`;
}
