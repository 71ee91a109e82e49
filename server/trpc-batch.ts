import { MAX_BATCH_CALLS, UNBATCHED_PROCEDURES } from '../shared/domain/api-limits';

const BASE_PATH = '/trpc/';

/**
 * Why a tRPC request must be refused before any procedure runs, or null. The procedure list is read as tRPC reads it
 * (the decoded path split on commas), so an encoded comma cannot smuggle a larger batch past this check.
 */
export function batchRefusal(url: string): string | null {
  let paths: string[];
  try {
    const parsed = new URL(url, 'http://localhost');
    if (parsed.searchParams.get('batch') !== '1') return null;
    paths = decodeURIComponent(parsed.pathname.slice(BASE_PATH.length)).split(',');
  } catch {
    return null; // tRPC refuses a malformed URL or path itself, with 400
  }
  if (paths.length > MAX_BATCH_CALLS) return `One request may carry at most ${MAX_BATCH_CALLS} calls; this one carries ${paths.length}.`;
  if (paths.length > 1 && paths.some((p) => UNBATCHED_PROCEDURES.includes(p))) return 'Sign in with a request of its own, not batched with other calls.';
  return null;
}
