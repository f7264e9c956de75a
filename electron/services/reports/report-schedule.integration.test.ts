/**
 * The reports job of a running console: a scheduled report that falls due is run and stored
 * by the console itself, once, on both databases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestConsole } from '#test/helpers/console';
import { openConsoleOn, STORE_KINDS } from '#test/helpers/stores';

const opened: TestConsole[] = [];
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.dispose();
});

describe.each(STORE_KINDS)('the reports job on %s', (kind) => {
  it('runs a due scheduled report by itself and stores it once', async () => {
    const now = () => new Date('2026-05-13T10:00:00.000Z');
    const desk = await openConsoleOn(kind, { now, reportRunsEveryMs: 100 });
    opened.push(desk);
    const saved = await desk.call('reports.save', {
      name: 'Monthly figures',
      kind: 'service',
      dimension: null,
      schedule: 'monthly',
      filters: { period: { type: 'relative', unit: 'month', count: 1 } },
    });
    const deadline = Date.now() + 10_000;
    let runs = await desk.call('reports.runs', { reportId: saved.id });
    while (runs.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      runs = await desk.call('reports.runs', { reportId: saved.id });
    }
    // May 2026, monthly: the month before the first of May.
    expect(runs.map((r) => r.period)).toEqual([{ from: '2026-04-01', to: '2026-04-30' }]);
    // Several more ticks of the job store nothing more.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await desk.call('reports.runs', { reportId: saved.id })).toHaveLength(1);
  });
});
