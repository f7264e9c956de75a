import { createContext, useCallback, useContext } from 'react';
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query';
import type { ApiChange, ApiInput, ApiMethod, ApiOutput } from '@deskside/core';
import type { ApiClient, ApiError } from './client';
import { refreshReads, staleReads, staleReadsAfterCall } from './stale-reads';

export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside ApiContext');
  return client;
}

/** Reads through the contract; the query key is the method and its input. */
export function useApiQuery<M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
  /**
   * keepPrevious: show the last answer while the next one loads (search as you type).
   * refetchEveryMs: read again this often while on screen (what no event announces).
   */
  options: { enabled?: boolean; keepPrevious?: boolean; refetchEveryMs?: number | false } = {},
) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery<ApiOutput<M>, ApiError>({
    queryKey: [method, input],
    queryFn: async () => {
      const value = await api.call(method, input);
      // A read that changes something (an inventory contacts its machine) says so in the table.
      void refreshReads(queryClient, staleReadsAfterCall(method));
      return value;
    },
    enabled: options.enabled ?? true,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(options.refetchEveryMs ? { refetchInterval: options.refetchEveryMs } : {}),
  });
}

/**
 * Writes through the contract. What the write makes stale comes from the one table
 * (stale-reads.ts), the same one that answers events from other consoles.
 */
export function useApiMutation<M extends ApiMethod>(
  method: M,
  options: Omit<UseMutationOptions<ApiOutput<M>, ApiError, ApiInput<M>>, 'mutationFn'> = {},
) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<ApiOutput<M>, ApiError, ApiInput<M>>({
    ...options,
    mutationFn: (input) => api.call(method, input),
    onSuccess: async (...args) => {
      await refreshReads(queryClient, staleReadsAfterCall(method));
      await options.onSuccess?.(...args);
    },
  });
}

/** Refreshes after a change the page learnt of another way (a run of checks that ended). */
export function useRefreshAfter(): (changes: readonly ApiChange[]) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback((changes) => refreshReads(queryClient, staleReads(changes)), [queryClient]);
}
