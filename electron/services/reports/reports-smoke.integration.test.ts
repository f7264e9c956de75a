import { afterEach, describe, expect, it } from 'vitest';
import { consolesOnStores, STORE_KINDS } from '#test/helpers/stores';

const consoles = consolesOnStores();
afterEach(() => consoles.disposeAll());

describe.each(STORE_KINDS)('reports API on %s', (kind) => {
  it('answers every report method', async () => {
    const desk = await consoles.open(kind);
    const today = new Date().toISOString().slice(0, 10);
    await desk.call('tickets.create', {
      requester: 'Sam',
      channel: 'phone',
      summary: 'Printer jams',
      category: 'printer/paper-jam',
    });
    const filters = { period: { from: '2026-01-01', to: today } };
    const recurring = await desk.call('reports.recurring', {
      filters,
      dimension: { by: 'category' },
    });
    expect(recurring.totalTickets).toBe(1);
    const page = await desk.call('reports.groupTickets', {
      filters,
      dimension: { by: 'category' },
      key: 'printer/paper-jam',
    });
    expect(page.total).toBe(1);
    const service = await desk.call('reports.service', { filters });
    expect(service.created).toBe(1);
    const saved = await desk.call('reports.save', {
      name: 'Weekly',
      kind: 'service',
      dimension: null,
      schedule: 'weekly',
      filters: { period: { type: 'relative', unit: 'week', count: 4 } },
    });
    const run = await desk.call('reports.runNow', { reportId: saved.id });
    expect(run.result.kind).toBe('service');
    expect(await desk.call('reports.runs', { reportId: saved.id })).toHaveLength(1);
    expect((await desk.call('reports.openRun', { id: run.id })).id).toBe(run.id);
    expect(await desk.call('reports.saved', {})).toHaveLength(1);
    await desk.call('reports.delete', { id: saved.id, expectedVersion: saved.version });
  });
});
