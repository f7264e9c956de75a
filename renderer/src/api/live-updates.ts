import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from './hooks';
import { refreshReads, staleReadsOnEvent } from './stale-reads';

/** Keeps every open list and page current as changes commit, here or in another console. */
export function useLiveUpdates(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        void refreshReads(queryClient, staleReadsOnEvent(event));
      }),
    [api, queryClient],
  );
}
