import { useCallback } from 'react';
import { useSearchParams, type URLSearchParamsInit } from 'react-router';

type Change = URLSearchParamsInit | ((current: URLSearchParams) => URLSearchParamsInit);

/**
 * A page's filters as kept in its address, and the one way pages change them: in place (no
 * new history entry per key) and drawn at once rather than in a transition. A deferred draw
 * leaves the next event looking at the address before the last change, so two quick changes
 * (a search cleared, then a language picked) would keep only the second, and a controlled
 * field would show the address's old value.
 */
export function useAddressParams(): [URLSearchParams, (change: Change) => void] {
  const [params, setParams] = useSearchParams();
  const change = useCallback(
    (next: Change) => {
      setParams(next, { replace: true, flushSync: true });
    },
    [setParams],
  );
  return [params, change];
}
