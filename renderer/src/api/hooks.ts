import { createContext, useContext } from 'react';
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query';
import type { ApiInput, ApiMethod, ApiOutput } from '@deskside/core';
import type { ApiClient, ApiError } from './client';

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
  /** keepPrevious: show the last answer while the next one loads (search as you type). */
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
) {
  const api = useApi();
  return useQuery<ApiOutput<M>, ApiError>({
    queryKey: [method, input],
    queryFn: () => api.call(method, input),
    enabled: options.enabled ?? true,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}

/** Writes through the contract; `invalidates` lists the reads whose data it changes. */
export function useApiMutation<M extends ApiMethod>(
  method: M,
  invalidates: ApiMethod[],
  options: Omit<UseMutationOptions<ApiOutput<M>, ApiError, ApiInput<M>>, 'mutationFn'> = {},
) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<ApiOutput<M>, ApiError, ApiInput<M>>({
    ...options,
    mutationFn: (input) => api.call(method, input),
    onSuccess: async (...args) => {
      await Promise.all(
        invalidates.map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      );
      await options.onSuccess?.(...args);
    },
  });
}
