import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * View state that lives in the URL, so a forwarded link opens the same view. Several changes go in one update:
 * React Router applies only the last of several updates made in one event.
 */
export function useViewParams(): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | null>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [name, value] of Object.entries(changes)) {
            if (value === null || value === '') next.delete(name);
            else next.set(name, value);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [params, update];
}

export function useViewParam(name: string): [string | null, (value: string | null) => void] {
  const [params, update] = useViewParams();
  const set = useCallback((value: string | null) => update({ [name]: value }), [name, update]);
  return [params.get(name), set];
}
