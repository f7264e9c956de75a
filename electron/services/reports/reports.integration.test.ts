/**
 * The reports on the fixture desk (reports-fixture.ts), on SQLite and PostgreSQL, every figure
 * a literal worked out by hand. Period 2026-04-27 to 2026-05-10 in Brussels (UTC+2), holiday
 * Friday 1 May, office hours 08:30-12:30 and 13:00-17:30 (8.5 h a day).
 *
 * Created in the period (11): W18 T1, T2, T11, T3; W19 T4, T5, T6, T7, T8, T9, T10.
 * Previous period (2026-04-13 to 2026-04-26): T12, T13. T14 before it, T15 after the period.
 * Resolved in the period (10): T13, T1, T2 (W18); T3, T5, T4, T6, T7, T8, T9 (W19).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { callError, type TestConsole } from '#test/helpers/console';
import { openConsoleOn, STORE_KINDS } from '#test/helpers/stores';
import {
  attachChecks,
  buildFixture,
  fixtureClock,
  FIXTURE_PERIOD,
  M1,
  M2,
  M3,
} from '#test/helpers/reports-fixture';

const opened: TestConsole[] = [];
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.dispose();
});

const filters = { period: FIXTURE_PERIOD };
const weeks = [
  { week: '2026-W18', from: '2026-04-27', to: '2026-05-03' },
  { week: '2026-W19', from: '2026-05-04', to: '2026-05-10' },
];

async function fixtureDesk(kind: (typeof STORE_KINDS)[number]) {
  const clock = fixtureClock();
  const desk = await openConsoleOn(kind, { now: clock.now, reportRunsEveryMs: null });
  opened.push(desk);
  const { ids } = await buildFixture(desk, clock);
  return { desk, clock, ids };
}

describe.each(STORE_KINDS)('reports on the fixture desk on %s', (kind) => {
  it('groups recurring problems by category with the previous period, growth and weeks', async () => {
    const { desk } = await fixtureDesk(kind);
    const report = await desk.call('reports.recurring', {
      filters,
      dimension: { by: 'category' },
      minCount: 2,
    });
    expect(report.weeks).toEqual(weeks);
    expect(report.previousPeriod).toEqual({ from: '2026-04-13', to: '2026-04-26' });
    expect(report.totalTickets).toBe(11);
    expect(report.groups).toEqual([
      // T1, T2, T11 (W18); T5, T7, T8, T10 (W19). Previous: T12. Growth 7 - 1 = 6, rate 6 / 1.
      {
        key: 'printer/paper-jam',
        count: 7,
        previousCount: 1,
        growth: 6,
        growthRate: 6,
        weekly: [3, 4],
      },
      // T3 (W18), T6 (W19); previous T13: growth 1, rate 1 / 1.
      { key: 'network/vpn', count: 2, previousCount: 1, growth: 1, growthRate: 1, weekly: [1, 1] },
      // T9 and T4, one each in W19, none before (no rate); equal counts in key order.
      {
        key: 'account/password-reset',
        count: 1,
        previousCount: 0,
        growth: 1,
        growthRate: null,
        weekly: [0, 1],
      },
      {
        key: 'printer/driver',
        count: 1,
        previousCount: 0,
        growth: 1,
        growthRate: null,
        weekly: [0, 1],
      },
    ]);
    // At least 2 tickets: paper jams (growth 6) before VPN (growth 1); the ones below 2 drop.
    expect(report.grewMost.map((g) => [g.key, g.growth])).toEqual([
      ['printer/paper-jam', 6],
      ['network/vpn', 1],
    ]);
    // M1: T1, T4, T7, T10; M2: T2, T11, T5, T8; M3: T3, T6 (T9 has no machine).
    expect(report.topMachines).toEqual([
      {
        machineId: M1,
        name: 'PC-ANN',
        manufacturer: 'Dell Inc.',
        model: 'Latitude 5440',
        tickets: 4,
      },
      {
        machineId: M2,
        name: 'PC-BOB',
        manufacturer: 'Dell Inc.',
        model: 'Latitude 5440',
        tickets: 4,
      },
      { machineId: M3, name: 'PC-CAT', manufacturer: 'HP', model: 'EliteBook 840 G10', tickets: 2 },
    ]);
    // disk.free failed in the period on T1 and T7 (M1, Brussels: one machine, left out) and
    // on T2, T5 (M2) and T3 (M3), requesters in Ghent: 2 machines, 3 tickets, last on T5's run.
    // T12's failure (20 April) is before the period; dns.resolve passed everywhere.
    expect(report.failingChecks).toEqual([
      {
        checkId: 'disk.free',
        code: 'disk.free.low',
        location: 'Ghent',
        machines: 2,
        tickets: 3,
        lastSeen: '2026-05-04T08:05:00.000Z',
      },
    ]);
    // The default minimum of 3 keeps only the paper jams.
    const strict = await desk.call('reports.recurring', { filters, dimension: { by: 'category' } });
    expect(strict.grewMost.map((g) => g.key)).toEqual(['printer/paper-jam']);
  });

  it('groups by model, OS, software version, department and location', async () => {
    const { desk } = await fixtureDesk(kind);
    const groups = async (
      dimension: Parameters<typeof desk.call<'reports.recurring'>>[1]['dimension'],
    ) =>
      (await desk.call('reports.recurring', { filters, dimension })).groups.map((g) => [
        g.key,
        g.count,
        g.previousCount,
        g.weekly,
      ]);
    // Latitude (M1, M2): T1, T2, T11 | T4, T5, T7, T8, T10; previous T12. EliteBook (M3): T3 |
    // T6; previous T13. No machine: T9.
    expect(await groups({ by: 'model' })).toEqual([
      ['Latitude 5440', 8, 1, [3, 5]],
      ['EliteBook 840 G10', 2, 1, [1, 1]],
      [null, 1, 0, [0, 1]],
    ]);
    // The OS key is the distro (or platform) and the release.
    expect(await groups({ by: 'os' })).toEqual([
      ['Microsoft Windows 11 Pro 10.0.22631', 8, 1, [3, 5]],
      ['Ubuntu 24.04', 2, 1, [1, 1]],
      [null, 1, 0, [0, 1]],
    ]);
    // Firefox 128.0 on M1 and M2, 129.0 on M3; T9 (no machine) holds no Firefox.
    expect(await groups({ by: 'software', program: 'Firefox' })).toEqual([
      ['128.0', 8, 1, [3, 5]],
      ['129.0', 2, 1, [1, 1]],
    ]);
    // Zoom is on M1 alone: T1 | T4, T7, T10; previous T12.
    expect(await groups({ by: 'software', program: 'Zoom' })).toEqual([['6.0', 4, 1, [1, 3]]]);
    // Ann and Bob in Finance (8: T1, T2, T11 | T4, T5, T7, T8, T10; previous T12), Cat in Sales
    // (3: T3 | T6, T9; previous T13).
    expect(await groups({ by: 'department' })).toEqual([
      ['Finance', 8, 1, [3, 5]],
      ['Sales', 3, 1, [1, 2]],
    ]);
    // Ghent: Bob and Cat (T2, T11, T3 | T5, T8, T6, T9; previous T13); Brussels: Ann (T1 | T4,
    // T7, T10; previous T12).
    expect(await groups({ by: 'location' })).toEqual([
      ['Ghent', 7, 1, [3, 4]],
      ['Brussels', 4, 1, [1, 3]],
    ]);
  });

  it('applies the filters: category with its children, group, location, department', async () => {
    const { desk } = await fixtureDesk(kind);
    const total = async (extra: Record<string, string>) =>
      (
        await desk.call('reports.recurring', {
          filters: { ...filters, ...extra },
          dimension: { by: 'category' },
        })
      ).totalTickets;
    // printer: 7 paper jams and T4's driver.
    expect(await total({ category: 'printer' })).toBe(8);
    // Escalated to workplace: T2 and T11. Handed to network: T6.
    expect(await total({ groupId: 'workplace' })).toBe(2);
    expect(await total({ groupId: 'network' })).toBe(1);
    expect(await total({ location: 'Brussels' })).toBe(4);
    expect(await total({ department: 'Sales' })).toBe(3);
    expect(await total({ location: 'Ghent', department: 'Sales', category: 'network' })).toBe(2);
    const brussels = await desk.call('reports.recurring', {
      filters: { ...filters, location: 'Brussels' },
      dimension: { by: 'category' },
    });
    expect(brussels.failingChecks).toEqual([]);
  });

  it('opens a group: its tickets newest first, paged', async () => {
    const { desk, ids } = await fixtureDesk(kind);
    const dimension = { by: 'category' } as const;
    const first = await desk.call('reports.groupTickets', {
      filters,
      dimension,
      key: 'printer/paper-jam',
      limit: 3,
    });
    expect(first.tickets.map((t) => t.id)).toEqual([ids.T10, ids.T8, ids.T7]);
    expect([first.total, first.hasMore]).toEqual([7, true]);
    const last = await desk.call('reports.groupTickets', {
      filters,
      dimension,
      key: 'printer/paper-jam',
      limit: 3,
      offset: 6,
    });
    expect(last.tickets.map((t) => t.id)).toEqual([ids.T1]);
    expect(last.hasMore).toBe(false);
    const noMachine = await desk.call('reports.groupTickets', {
      filters,
      dimension: { by: 'model' },
      key: null,
    });
    expect(noMachine.tickets.map((t) => t.id)).toEqual([ids.T9]);
    const firefox = await desk.call('reports.groupTickets', {
      filters,
      dimension: { by: 'software', program: 'Firefox' },
      key: '129.0',
    });
    expect(firefox.tickets.map((t) => t.id)).toEqual([ids.T6, ids.T3]);
  });

  it('opens a failing check: the tickets at its location with that failure in the period', async () => {
    const { desk, ids } = await fixtureDesk(kind);
    const check = { checkId: 'disk.free', code: 'disk.free.low' } as const;
    const ghent = await desk.call('reports.checkTickets', { filters, ...check, location: 'Ghent' });
    expect(ghent.tickets.map((t) => t.id)).toEqual([ids.T5, ids.T3, ids.T2]);
    expect([ghent.total, ghent.hasMore]).toEqual([3, false]);
    const paged = await desk.call('reports.checkTickets', {
      filters,
      ...check,
      location: 'Ghent',
      limit: 2,
      offset: 2,
    });
    expect(paged.tickets.map((t) => t.id)).toEqual([ids.T2]);
    // Another location, another code, a narrower category.
    const brussels = await desk.call('reports.checkTickets', {
      filters,
      ...check,
      location: 'Brussels',
    });
    expect(brussels.tickets.map((t) => t.id)).toEqual([ids.T7, ids.T1]);
    const otherCode = { filters, ...check, code: 'disk.free.ok', location: 'Ghent' };
    expect((await desk.call('reports.checkTickets', otherCode)).total).toBe(0);
    const network = { filters: { ...filters, category: 'network' }, ...check, location: 'Ghent' };
    expect((await desk.call('reports.checkTickets', network)).tickets.map((t) => t.id)).toEqual([
      ids.T3,
    ]);
  });

  it('gives the service figures', async () => {
    const { desk } = await fixtureDesk(kind);
    const report = await desk.call('reports.service', { filters });
    expect(report.created).toBe(11);
    expect(report.resolved).toBe(10);
    // First contact: T1 (20 min) and T9 (10 min). Not T5 (reopened), T6 (handed from
    // service-desk to network), T7 (vendor case), nor the others (first resolved after more
    // than 60 minutes). 2 / 10.
    expect(report.fcr).toEqual({ rate: 0.2, count: 2 });
    // Business minutes from creation to the latest resolution:
    //   T1 20; T9 10; T6 40; T7 50; T5 10:00-12:00 = 120;
    //   T3 Thu 16:00-17:30 90 + Fri (holiday) 0 + Mon 08:30-09:30 60 = 150;
    //   T2 Tue 09:00-12:30 210 + 13:00-17:30 270 + Wed 08:30-09:00 30 = 510;
    //   T4 Mon 08:45-12:30 225 + 270 + Tue 08:30-09:30 60 = 555;
    //   T8 Thu 14:00-17:30 210 + Fri 08:30-12:30 240 + 13:00-15:00 120 = 570;
    //   T13 Tue 10:00-12:30 150 + 270 + Wed-Fri 3 x 510 + Mon 08:30-09:00 30 = 1980.
    // Sum 4005 min over 10 = 400.5 min = 6.675 h. p90 (nearest rank 9 of 10, sorted 10, 20,
    // 40, 50, 120, 150, 510, 555, 570, 1980) = 570 min = 9.5 h.
    expect(report.resolveHours.mean).toBeCloseTo(6.675, 10);
    expect(report.resolveHours.p90).toBe(9.5);
    // Targets: priority 3 (medium/medium) 24 h, priority 1 (T3, T4, T8) 4 h.
    // T8: 9.5 h > 4 h, missed. T13: 33 h > 24 h, missed. T4: its clock stood still while
    // waiting on the user (Mon 09:00 to Tue 09:00): 15 + 30 min, met. The rest met. 8 / 10.
    expect(report.slaAttainment).toEqual({ rate: 0.8, met: 8 });
    // Open at Sunday 10 May 24:00 (22:00Z): T10 (1 d 14 h; resolved on the 11th), T11 (11 d
    // 12 h), T14 (30 d 14 h). T15 is created after the end.
    expect(report.backlog.total).toBe(3);
    expect(report.backlog.buckets.map((b) => [b.label, b.count])).toEqual([
      ['<1d', 0],
      ['1-3d', 1],
      ['3-7d', 0],
      ['7-14d', 1],
      ['14-30d', 0],
      ['>30d', 1],
    ]);
    // Escalated among the created: T2 and T11, 2 / 11.
    expect(report.escalation).toEqual({ rate: 2 / 11, count: 2 });
    // Reopened among the resolved: T5 (resolved, not confirmed, back in progress), 1 / 10.
    expect(report.reopen).toEqual({ rate: 0.1, count: 1 });
    // Ratings of the resolved: T1 5, T2 3, T5 4, T8 2, T9 5: 19 / 5 = 3.8.
    expect(report.satisfaction).toEqual({ mean: 3.8, count: 5, distribution: [0, 1, 1, 1, 2] });
    expect(report.weeks).toEqual([
      // W18: created T1, T2, T11, T3; resolved T13 (missed), T1, T2.
      { ...weeks[0], created: 4, resolved: 3, slaMet: 2 },
      // W19: created 7; resolved T3, T5, T4, T6, T7, T8 (missed), T9.
      { ...weeks[1], created: 7, resolved: 7, slaMet: 6 },
    ]);
  });

  it('filters the service figures and follows changes of tickets and of the calendar', async () => {
    const { desk, ids } = await fixtureDesk(kind);
    // Brussels (Ann): created T1, T4, T7, T10; resolved T1, T4, T7; first contact T1.
    const brussels = await desk.call('reports.service', {
      filters: { ...filters, location: 'Brussels' },
    });
    expect([brussels.created, brussels.resolved, brussels.fcr.count]).toEqual([4, 3, 1]);
    // A vendor case opened on T1 after the fact (it bumps no version, only updated_at): T1 is no
    // longer a first-contact resolution (1 / 10). Escalating T9 too: none left (0 / 10).
    await desk.call('vendors.openCase', { ticketId: ids.T1!, vendor: 'HP', reference: 'X-9' });
    expect((await desk.call('reports.service', { filters })).fcr).toEqual({ rate: 0.1, count: 1 });
    const t9 = (await desk.call('tickets.get', { id: ids.T9! })).ticket;
    await desk.call('tickets.escalate', {
      id: t9.id,
      expectedVersion: t9.version,
      tier: 'tier2',
      reason: 'Looked at again',
    });
    expect((await desk.call('reports.service', { filters })).fcr).toEqual({ rate: 0, count: 0 });
    // Check results attached later to T9 (Cat, Ghent) from M1: disk.free.low in Ghent is now on
    // M1, M2 and M3, for T2, T3, T5 and T9, last seen on T9's run.
    await attachChecks(desk, ids.T9!, M1, '2026-05-08T08:05:00.000Z');
    const checks = await desk.call('reports.recurring', { filters, dimension: { by: 'category' } });
    expect(checks.failingChecks).toEqual([
      {
        checkId: 'disk.free',
        code: 'disk.free.low',
        location: 'Ghent',
        machines: 3,
        tickets: 4,
        lastSeen: '2026-05-08T08:05:00.000Z',
      },
    ]);
    // Cat moves to Brussels: her tickets (T3, T6, T9) go with her.
    const cat = (await desk.call('people.list', { search: 'Cat' }))[0]!;
    await desk.call('people.update', {
      id: cat.id,
      expectedVersion: cat.version,
      name: cat.name,
      department: cat.department,
      location: 'Brussels',
    });
    const moved = await desk.call('reports.recurring', { filters, dimension: { by: 'location' } });
    expect(moved.groups.map((g) => [g.key, g.count])).toEqual([
      ['Brussels', 7],
      ['Ghent', 4],
    ]);
    // M3's next inventory says Ubuntu 26.04: its tickets (T3, T6) move with it; with its
    // profile gone they join T9 among the tickets without one.
    await desk.db
      .updateTable('machineProfiles')
      .set({ snapshotId: 2, osRelease: '26.04' })
      .where('machineId', '=', M3)
      .execute();
    const os = async () =>
      (await desk.call('reports.recurring', { filters, dimension: { by: 'os' } })).groups.map(
        (g) => [g.key, g.count],
      );
    expect(await os()).toEqual([
      ['Microsoft Windows 11 Pro 10.0.22631', 8],
      ['Ubuntu 26.04', 2],
      [null, 1],
    ]);
    await desk.db.deleteFrom('machineProfiles').where('machineId', '=', M3).execute();
    expect(await os()).toEqual([
      ['Microsoft Windows 11 Pro 10.0.22631', 8],
      [null, 3],
    ]);
    // Without the holiday, T3 also counts Friday 1 May: 150 + 510 = 660 min, so the sum is
    // 4005 + 510 = 4515 min, the mean 451.5 min = 7.525 h; sorted, T3's 660 min is now the 9th
    // of 10 (10, 20, 40, 50, 120, 510, 555, 570, 660, 1980): p90 = 11 h.
    const config = await desk.call('workflow.config', {});
    await desk.call('workflow.configure', {
      sla: { ...config.sla, calendar: { ...config.sla.calendar, holidays: [] } },
    });
    const again = await desk.call('reports.service', { filters });
    expect(again.resolveHours.mean).toBeCloseTo(7.525, 10);
    expect(again.resolveHours.p90).toBe(11);
  });

  it('saves a report, runs it for its period once, and refuses what it cannot cover', async () => {
    const { desk, clock } = await fixtureDesk(kind);
    const saved = await desk.call('reports.save', {
      name: 'Desk figures, last two weeks',
      kind: 'service',
      dimension: null,
      schedule: 'weekly',
      filters: { period: { type: 'relative', unit: 'week', count: 2 } },
    });
    expect(saved).toMatchObject({ version: 1, owner: 'ana.lyst', schedule: 'weekly' });
    // Wednesday 13 May: the last two complete weeks are the fixture's period.
    const run = await desk.call('reports.runNow', { reportId: saved.id });
    expect(run.period).toEqual(FIXTURE_PERIOD);
    expect(run.result).toEqual(await desk.call('reports.service', { filters }));
    // Run again for the same period: the stored run is answered, nothing more is stored.
    expect((await desk.call('reports.runNow', { reportId: saved.id })).id).toBe(run.id);
    expect(await desk.call('reports.runs', { reportId: saved.id })).toHaveLength(1);
    // The next Monday the two weeks have moved on by one.
    clock.set('2026-05-18T06:00:00.000Z');
    const next = await desk.call('reports.runNow', { reportId: saved.id });
    expect(next.period).toEqual({ from: '2026-05-04', to: '2026-05-17' });
    const runs = await desk.call('reports.runs', { reportId: saved.id });
    expect(runs.map((r) => r.period.from)).toEqual(['2026-05-04', '2026-04-27']);
    expect((await desk.call('reports.openRun', { id: run.id })).result.kind).toBe('service');

    const renamed = await desk.call('reports.save', {
      id: saved.id,
      expectedVersion: saved.version,
      name: 'Desk figures',
      kind: 'service',
      dimension: null,
      schedule: 'monthly',
      filters: { period: { type: 'relative', unit: 'month', count: 1 } },
    });
    expect([renamed.version, renamed.name, renamed.schedule]).toEqual([
      2,
      'Desk figures',
      'monthly',
    ]);
    expect(
      (await callError(desk.call('reports.delete', { id: saved.id, expectedVersion: 1 }))).code,
    ).toBe('stale_version');
    await desk.call('reports.delete', { id: saved.id, expectedVersion: 2 });
    expect(await desk.call('reports.saved', {})).toEqual([]);
    expect((await callError(desk.call('reports.openRun', { id: run.id }))).code).toBe('not_found');

    const tooLong = await callError(
      desk.call('reports.service', {
        filters: { period: { from: '2024-01-01', to: '2026-05-10' } },
      }),
    );
    expect(tooLong.code).toBe('validation');
    expect(tooLong.message).toMatch(/two years/);
    const noProgram = await callError(
      desk.call('reports.recurring', { filters, dimension: { by: 'software' } as never }),
    );
    expect(noProgram.code).toBe('validation');
  });
});
