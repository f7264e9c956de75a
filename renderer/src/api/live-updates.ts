import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ApiMethod, ConsoleEvent } from '@deskside/core';
import { useApi } from './hooks';

/** Which reads an event makes stale. */
function staleReads(event: ConsoleEvent): ApiMethod[] {
  switch (event.type) {
    case 'ticket.created':
    case 'ticket.changed':
      return ['tickets.list', 'tickets.queue', 'tickets.get'];
    case 'people.changed':
      return ['people.list', 'people.get'];
    case 'data.imported':
      return ['tickets.list', 'tickets.queue', 'tickets.get', 'people.list', 'people.get'];
    case 'kb.changed':
      return ['kb.search', 'kb.get', 'kb.tags', 'kb.suggest', 'kb.forTicket'];
  }
}

/** Keeps every open list and ticket current as changes commit, here or in another console. */
export function useLiveUpdates(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe((event) => {
        for (const method of staleReads(event)) {
          void queryClient.invalidateQueries({ queryKey: [method] });
        }
      }),
    [api, queryClient],
  );
}
