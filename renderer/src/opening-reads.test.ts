import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, filtersFromParams, firstQueuePage } from './features/queue/queue-params';
import { openingReads } from './opening-reads';

const methods = (hash: string) => openingReads(hash).map((read) => read.method);
const queueInput = (hash: string) =>
  openingReads(hash).find((read) => read.method === 'tickets.queue')?.input;

describe('openingReads', () => {
  it('reads the settings and the profile on every page, and the queue where the console opens', () => {
    for (const hash of ['', '#/', '#/tickets']) {
      expect(methods(hash)).toEqual([
        'settings.get',
        'profile.get',
        'workflow.config',
        'tickets.queue',
      ]);
      expect(queueInput(hash)).toEqual(firstQueuePage(DEFAULT_FILTERS));
    }
    for (const hash of ['#/tickets/12', '#/settings/profile', '#/kb?q=vpn']) {
      expect(methods(hash)).toEqual(['settings.get', 'profile.get']);
    }
  });

  it('asks for the queue the address filters, as the queue page will', () => {
    const query = 'status=new,in_progress&sla=1&q=printer&sort=priority&dir=asc';
    expect(queueInput(`#/tickets?${query}`)).toEqual(
      firstQueuePage(filtersFromParams(new URLSearchParams(query))),
    );
    expect(queueInput(`#/tickets?${query}`)).toMatchObject({
      status: ['new', 'in_progress'],
      slaAtRisk: true,
      search: 'printer',
      limit: 100,
      offset: 0,
    });
  });
});
