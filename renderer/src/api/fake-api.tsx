import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { vi } from 'vitest';
import type { ApiMethod } from '@deskside/core';
import { ApiError, type ApiClient } from './client';
import { ApiContext } from './hooks';

/** For renderer tests: a console answering each method with `answers[method](input)`, a value or a thrown error. */
export type Answers = Partial<Record<ApiMethod, (input: unknown) => unknown>>;

/** Renders `ui` against a console that answers `answers`; returns the calls made. */
export function renderWithApi(ui: ReactElement, answers: Answers) {
  const call = vi.fn((method: ApiMethod, input: unknown) => {
    const answer = answers[method];
    if (!answer) return Promise.reject(new ApiError('internal', `unexpected ${method}`));
    try {
      return Promise.resolve(answer(input));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  const client = { call, subscribe: () => () => undefined } as unknown as ApiClient;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  );
  render(ui, { wrapper });
  return call;
}
