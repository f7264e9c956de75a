/**
 * Saved reports on a shared PostgreSQL desk with roles: the database lets leads and
 * administrators save, change and delete them and analysts only read them; a report saved at
 * one console is listed at another; a scheduled report two consoles run when it falls due is
 * stored once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewAnalyst, SaveReportInput } from '@deskside/core';
import { callError, openTestConsole, type TestConsole } from '#test/helpers/console';
import { deskAnalyst, deskWithAnalysts, signedInAs, tryAs } from '#test/helpers/desk';
import type { Db } from '../database/open';
import { WorkflowConfigService } from '../workflow/config-service';
import { ReportsService } from './reports-service';

const weekly: SaveReportInput = {
  name: 'Printer problems by model',
  kind: 'recurring',
  dimension: { by: 'model' },
  schedule: 'weekly',
  filters: { period: { type: 'relative', unit: 'week', count: 4 }, category: 'printer' },
};

let run = 0;

describe('saved reports on a desk with roles', () => {
  let ownerUrl: string;
  let owner: Db;
  let ada: NewAnalyst;
  let lea: NewAnalyst;
  let bram: NewAnalyst;
  const consoles: TestConsole[] = [];

  beforeEach(async () => {
    run += 1;
    const tag = `${process.pid}_${run}`;
    ada = deskAnalyst(`ada_r${tag}`, 'admin');
    lea = deskAnalyst(`lea_r${tag}`, 'lead');
    bram = deskAnalyst(`bram_r${tag}`, 'analyst');
    ({ ownerUrl, owner } = await deskWithAnalysts(ada, [lea, bram]));
  });
  afterEach(async () => {
    for (const desk of consoles.splice(0)) await desk.dispose();
    await owner.destroy();
  });

  async function consoleOf(who: NewAnalyst, now?: () => Date): Promise<TestConsole> {
    const desk = await openTestConsole({
      databaseUrl: signedInAs(ownerUrl, who),
      reportRunsEveryMs: null,
      ...(now ? { now } : {}),
    });
    consoles.push(desk);
    return desk;
  }

  it('lets a lead save a report that an analyst lists but cannot save, change or delete', async () => {
    const leas = await consoleOf(lea);
    const brams = await consoleOf(bram);
    const refused = await callError(brams.call('reports.save', weekly));
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toMatch(/Only leads and administrators/);
    // Not the console's rule: the database refuses the analyst's own SQL too.
    expect(
      await tryAs(
        signedInAs(ownerUrl, bram),
        `INSERT INTO saved_reports (name, kind, filters, schedule, owner, created_at, updated_at)
         VALUES ('x', 'service', '{}', 'none', 'x', 'x', 'x')`,
      ),
    ).toMatch(/permission denied/);

    const saved = await leas.call('reports.save', weekly);
    expect(saved.owner).toBe(lea.login);
    // Saved at Lea's console, listed at Bram's.
    expect(await brams.call('reports.saved', {})).toEqual([saved]);
    const change = { ...weekly, id: saved.id, expectedVersion: saved.version, name: 'Mine now' };
    expect((await callError(brams.call('reports.save', change))).code).toBe('forbidden');
    const remove = { id: saved.id, expectedVersion: saved.version };
    expect((await callError(brams.call('reports.delete', remove))).code).toBe('forbidden');
    expect(await tryAs(signedInAs(ownerUrl, bram), 'DELETE FROM saved_reports')).toMatch(
      /permission denied/,
    );
    // The administrator is a lead too.
    const adas = await consoleOf(ada);
    await adas.call('reports.delete', remove);
    expect(await leas.call('reports.saved', {})).toEqual([]);
  });

  it('stores a due scheduled report once when two consoles run it at the same time', async () => {
    const now = () => new Date('2026-05-13T10:00:00.000Z');
    const leas = await consoleOf(lea, now);
    const brams = await consoleOf(bram, now);
    await leas.call('tickets.create', {
      requester: 'Sam',
      channel: 'phone',
      summary: 'Paper jam',
      category: 'printer/paper-jam',
    });
    const saved = await leas.call('reports.save', weekly);
    const jobOf = (desk: TestConsole, analyst: string) =>
      new ReportsService({
        store: desk.store,
        workflow: new WorkflowConfigService(desk.store),
        analyst,
        now,
      });
    // Both consoles' jobs find the report due and run it; one insert wins.
    const [fromLea, fromBram] = await Promise.all([
      jobOf(leas, lea.login).runDue(),
      jobOf(brams, bram.login).runDue(),
    ]);
    expect(fromLea.length + fromBram.length).toBe(1);
    const runs = await brams.call('reports.runs', { reportId: saved.id });
    // Wednesday 13 May, weekly: the four weeks before Monday 11 May.
    expect(runs.map((r) => r.period)).toEqual([{ from: '2026-04-13', to: '2026-05-10' }]);
    expect(runs[0]?.ranBy).toBe((fromLea[0] ?? fromBram[0])?.ranBy);
    // Due again: nothing new to store.
    expect(await jobOf(brams, bram.login).runDue()).toEqual([]);
    const opened = await brams.call('reports.openRun', { id: runs[0]?.id ?? 0 });
    expect(opened.result).toMatchObject({ kind: 'recurring', totalTickets: 0 });
  });

  it('lets an analyst run the reports, which keep the derived facts up to date', async () => {
    const brams = await consoleOf(bram);
    await brams.call('tickets.create', { requester: 'Sam', channel: 'phone', summary: 'No VPN' });
    const today = new Date().toISOString().slice(0, 10);
    const report = await brams.call('reports.service', {
      filters: { period: { from: '2026-01-01', to: today } },
    });
    expect([report.created, report.backlog.total]).toEqual([1, 1]);
    expect(await tryAs(signedInAs(ownerUrl, bram), 'DELETE FROM report_runs')).toMatch(
      /permission denied/,
    );
  });
});
