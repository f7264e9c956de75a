import type { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import {
  UNANNOUNCED_CHANGES,
  announcedChanges,
  apiChanges,
  apiMethods,
  type ApiMethod,
  type ConsoleEvent,
} from '@deskside/core';
import type { ApiClient } from './client';
import { ApiContext, useApiMutation, useApiQuery } from './hooks';
import { useLiveUpdates } from './live-updates';
import { STALE_READS } from './stale-reads';

/**
 * A console window as the app sets it up (live updates on), with a client whose calls all
 * succeed and whose live channel the test feeds, and a record of the reads it refreshed.
 */
function consoleWindow() {
  let deliver: (event: ConsoleEvent) => void = () => undefined;
  const client: ApiClient = {
    call: () => Promise.resolve(null as never),
    subscribe(listener) {
      deliver = listener;
      return () => undefined;
    },
  };
  const queryClient = new QueryClient();
  const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  );
  /** The reads refreshed since the last time this was asked, sorted. */
  const refreshed = () => {
    const methods = invalidate.mock.calls.map(([filters]) => String(filters?.queryKey?.[0]));
    invalidate.mockClear();
    return [...new Set(methods)].sort();
  };
  const fromAnotherConsole = (
    type: Exclude<
      ConsoleEvent['type'],
      'job.progress' | 'fleet.presence' | 'fleet.checks' | 'fleet.scatter'
    >,
  ) => {
    act(() => {
      deliver({ type, ticketId: 1, at: '2026-03-02T08:00:00.000Z' });
    });
  };
  /** Makes the change through `method` here, as a page would; the reads it refreshed. */
  const madeHere = async (method: ApiMethod) => {
    const { result } = renderHook(
      () => {
        useLiveUpdates();
        return useApiMutation(method);
      },
      { wrapper },
    );
    await act(() => result.current.mutateAsync({}));
    return refreshed();
  };
  return { wrapper, refreshed, fromAnotherConsole, madeHere };
}

const announcing = apiMethods.filter((method) => announcedChanges(method).length > 0);
const unannouncedOnly = apiMethods.filter(
  (method) => apiChanges[method].length > 0 && announcedChanges(method).length === 0,
);

describe('a change made in another console', () => {
  it.each(announcing)('refreshes the same reads as %s made here', async (method) => {
    const window = consoleWindow();
    const madeHere = await window.madeHere(method);
    for (const change of announcedChanges(method)) window.fromAnotherConsole(change);
    const madeElsewhere = window.refreshed();

    expect(madeHere.length).toBeGreaterThan(0);
    expect(madeElsewhere).toEqual(madeHere);
  });

  it('refreshes the lists of tickets, queue and a person’s tickets when a ticket is created', () => {
    const window = consoleWindow();
    renderHook(
      () => {
        useLiveUpdates();
      },
      { wrapper: window.wrapper },
    );
    window.fromAnotherConsole('ticket.created');
    expect(window.refreshed()).toEqual([
      'machines.tickets',
      'people.tickets',
      'tickets.list',
      'tickets.queue',
    ]);
  });
});

describe('a change no other console hears of', () => {
  it.each(unannouncedOnly)('%s still refreshes what it changed here', async (method) => {
    expect((await consoleWindow().madeHere(method)).length).toBeGreaterThan(0);
  });

  it('is refreshed the same wherever the workflow is configured (groups or SLA)', async () => {
    expect(await consoleWindow().madeHere('workflow.configure')).toEqual([
      'profile.get',
      'tickets.get',
      'tickets.queue',
      'workflow.config',
    ]);
  });
});

describe('the table of stale reads', () => {
  it('names only reads, never a method that changes something', () => {
    const reads = Object.values(STALE_READS).flat();
    const writes = reads.filter((method: ApiMethod) => {
      const changes: readonly string[] = apiChanges[method];
      return changes.length > 0 && method !== 'machines.inventory';
    });
    expect(writes).toEqual([]);
    expect(UNANNOUNCED_CHANGES.every((change) => STALE_READS[change].length > 0)).toBe(true);
  });

  it('refreshes a machine’s last contact after reading its inventory', async () => {
    const window = consoleWindow();
    const { result } = renderHook(() => useApiQuery('machines.inventory', { id: 'local' }), {
      wrapper: window.wrapper,
    });
    await waitFor(() => {
      expect(result.current.isSuccess).toBe(true);
    });
    expect(window.refreshed()).toEqual(['machines.get', 'machines.list']);
  });
});
