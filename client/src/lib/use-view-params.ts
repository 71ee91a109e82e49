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
          // React Router hands `prev` as of the last render: two changes before a re-render (two filters chosen in
          // quick succession) would lose the first. The address bar is already up to date, so start from it.
          const next = new URLSearchParams(typeof window === 'undefined' ? prev : window.location.search);
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
