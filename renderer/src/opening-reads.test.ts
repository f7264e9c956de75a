import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, firstQueuePage } from './features/queue/queue-query';
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

  it('leaves a filtered queue to the page, which checks the address’s filters first', () => {
    const hash = '#/tickets?status=new,in_progress&sla=1&q=printer&sort=priority&dir=asc';
    expect(methods(hash)).toEqual(['settings.get', 'profile.get', 'workflow.config']);
  });
});
