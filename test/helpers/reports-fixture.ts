/**
 * A small desk for the report tests, built through the console's own API on a clock the test
 * moves: fifteen tickets at exact times around a weekend and a holiday (Friday 1 May 2026), with
 * escalations, a reopen, a hand-over, a vendor case and feedback; three machines with profiles
 * and software; three people in two locations; check results with the same failure on several
 * machines. The report period is 2026-04-27 (Monday) to 2026-05-10 (Sunday), ISO weeks 18 and
 * 19, in Brussels (UTC+2 throughout: every "local" time below is UTC + 2 h). The figures the
 * reports must give are computed by hand in the test file.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY, type CheckRunContent } from '@deskside/core';
import type { TestConsole } from './console';

export const M1 = '11111111-1111-4111-8111-111111111111';
export const M2 = '22222222-2222-4222-8222-222222222222';
export const M3 = '33333333-3333-4333-8333-333333333333';

export const FIXTURE_PERIOD = { from: '2026-04-27', to: '2026-05-10' };

export interface FixtureClock {
  set: (iso: string) => void;
  now: () => Date;
}

export function fixtureClock(start = '2026-04-01T00:00:00.000Z'): FixtureClock {
  let current = new Date(start);
  return {
    set(iso) {
      current = new Date(iso);
    },
    now: () => current,
  };
}

async function addMachines(desk: TestConsole): Promise<void> {
  const machines = [
    [M1, 'PC-ANN', 'Dell Inc.', 'Latitude 5440', 'win32', 'Microsoft Windows 11 Pro', '10.0.22631'],
    [M2, 'PC-BOB', 'Dell Inc.', 'Latitude 5440', 'win32', 'Microsoft Windows 11 Pro', '10.0.22631'],
    [M3, 'PC-CAT', 'HP', 'EliteBook 840 G10', 'linux', 'Ubuntu', '24.04'],
  ] as const;
  for (const [id, name, manufacturer, model, osPlatform, osDistro, osRelease] of machines) {
    await desk.db
      .insertInto('machines')
      .values({
        id,
        name,
        transport: 'agent-https',
        address: `${name.toLowerCase()}.example.org`,
        port: 7443,
        fingerprint: 'AA',
        certPem: '',
        tokenSealed: '',
        addedAt: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    await desk.db
      .insertInto('machineProfiles')
      .values({
        machineId: id,
        snapshotId: 1,
        takenAt: '2026-04-01T00:00:00.000Z',
        manufacturer,
        model,
        osPlatform,
        osDistro,
        osRelease,
        osBuild: null,
      })
      .execute();
  }
  await desk.db
    .insertInto('machineSoftware')
    .values([
      { machineId: M1, name: 'Firefox', version: '128.0' },
      { machineId: M1, name: 'Zoom', version: '6.0' },
      { machineId: M2, name: 'Firefox', version: '128.0' },
      { machineId: M3, name: 'Firefox', version: '129.0' },
    ])
    .execute();
}

/** Check results attached to a ticket as evidence: `disk.free` failed, `dns.resolve` passed. */
export async function attachChecks(
  desk: TestConsole,
  ticketId: number,
  machineId: string,
  takenAt: string,
): Promise<void> {
  const result = (checkId: string, status: 'pass' | 'fail', code: string) => ({
    checkId,
    status,
    code,
    facts: {},
    startedAt: takenAt,
    durationMs: 12,
  });
  const content: CheckRunContent = {
    state: 'done',
    checks: [
      { checkId: 'disk.free', params: {} },
      { checkId: 'dns.resolve', params: {} },
    ],
    results: [
      result('disk.free', 'fail', 'disk.free.low'),
      result('dns.resolve', 'pass', 'dns.resolve.ok'),
    ],
  };
  await desk.db
    .insertInto('evidence')
    .values({
      id: randomUUID(),
      ticketId,
      kind: 'checks',
      machineId,
      machineName: machineId,
      transport: 'agent-https',
      takenBy: 'ana.lyst',
      takenAt,
      sha256: '0'.repeat(64),
      content: JSON.stringify(content),
    })
    .execute();
}

export interface Fixture {
  /** Ticket ids by the names the test's arithmetic uses (T1 ... T15). */
  ids: Record<string, number>;
}

/** Builds the desk described above; `clock` must be the console's clock. */
export async function buildFixture(desk: TestConsole, clock: FixtureClock): Promise<Fixture> {
  await desk.call('workflow.configure', {
    sla: { ...DEFAULT_SLA_POLICY, calendar: { ...DEFAULT_CALENDAR, holidays: ['2026-05-01'] } },
  });
  await addMachines(desk);
  const person = async (name: string, department: string, location: string) =>
    (await desk.call('people.create', { name, department, location })).id;
  const ann = await person('Ann', 'Finance', 'Brussels');
  const bob = await person('Bob', 'Finance', 'Ghent');
  const cat = await person('Cat', 'Sales', 'Ghent');

  const ids: Record<string, number> = {};
  const versions = new Map<number, number>();
  const track = (ticket: { id: number; version: number }) => {
    versions.set(ticket.id, ticket.version);
    return ticket;
  };
  const edit = (name: string) => {
    const id = ids[name]!;
    return { id, expectedVersion: versions.get(id)! };
  };
  const create = async (
    name: string,
    at: string,
    requesterId: number,
    machineId: string | null,
    category: string,
    urgent = false,
  ) => {
    clock.set(at);
    const ticket = await desk.call('tickets.create', {
      requesterId,
      machineId,
      category,
      channel: 'phone',
      summary: `${name} ${category}`,
      ...(urgent ? { impact: 'high', urgency: 'high' } : {}),
    });
    ids[name] = track(ticket).id;
  };
  const resolve = async (name: string, at: string) => {
    clock.set(at);
    track(
      await desk.call('tickets.resolve', {
        ...edit(name),
        resolutionCode: 'fixed',
        resolutionNotes: 'Fixed it with the user',
      }),
    );
  };
  const status = async (
    name: string,
    at: string,
    to: 'in_progress' | 'waiting_on_user' | 'waiting_on_vendor',
  ) => {
    clock.set(at);
    track(await desk.call('tickets.setStatus', { ...edit(name), status: to }));
  };
  const escalate = async (name: string, at: string) => {
    clock.set(at);
    track(
      await desk.call('tickets.escalate', {
        ...edit(name),
        tier: 'tier2',
        groupId: 'workplace',
        reason: 'Needs a desk-side visit',
      }),
    );
  };
  const feedback = async (name: string, rating: number) => {
    track(await desk.call('tickets.feedback', { id: ids[name]!, rating }));
  };

  // Before the previous period: still open at the end (T14).
  await create('T14', '2026-04-10T08:00:00.000Z', ann, M1, 'hardware/laptop');
  // The previous period (2026-04-13 to 2026-04-26).
  await create('T12', '2026-04-20T08:00:00.000Z', ann, M1, 'printer/paper-jam');
  await resolve('T12', '2026-04-20T08:30:00.000Z');
  await attachChecks(desk, ids.T12!, M1, '2026-04-20T08:05:00.000Z');
  await create('T13', '2026-04-21T08:00:00.000Z', cat, M3, 'network/vpn');
  await resolve('T13', '2026-04-27T07:00:00.000Z');

  // Week 18.
  await create('T1', '2026-04-27T08:00:00.000Z', ann, M1, 'printer/paper-jam');
  await attachChecks(desk, ids.T1!, M1, '2026-04-27T08:05:00.000Z');
  await resolve('T1', '2026-04-27T08:20:00.000Z');
  await feedback('T1', 5);

  await create('T2', '2026-04-28T07:00:00.000Z', bob, M2, 'printer/paper-jam');
  await attachChecks(desk, ids.T2!, M2, '2026-04-28T07:05:00.000Z');
  await status('T2', '2026-04-28T07:10:00.000Z', 'in_progress');
  await escalate('T2', '2026-04-28T08:00:00.000Z');
  await resolve('T2', '2026-04-29T07:00:00.000Z');
  await feedback('T2', 3);

  await create('T11', '2026-04-29T10:00:00.000Z', bob, M2, 'printer/paper-jam');
  await escalate('T11', '2026-04-29T11:00:00.000Z');

  await create('T3', '2026-04-30T14:00:00.000Z', cat, M3, 'network/vpn', true);
  await attachChecks(desk, ids.T3!, M3, '2026-04-30T14:05:00.000Z');
  await resolve('T3', '2026-05-04T07:30:00.000Z');

  // Week 19.
  await create('T4', '2026-05-04T06:45:00.000Z', ann, M1, 'printer/driver', true);
  await status('T4', '2026-05-04T07:00:00.000Z', 'waiting_on_user');
  await status('T4', '2026-05-05T07:00:00.000Z', 'in_progress');
  await resolve('T4', '2026-05-05T07:30:00.000Z');

  await create('T5', '2026-05-04T08:00:00.000Z', bob, M2, 'printer/paper-jam');
  await attachChecks(desk, ids.T5!, M2, '2026-05-04T08:05:00.000Z');
  await resolve('T5', '2026-05-04T08:30:00.000Z');
  clock.set('2026-05-04T09:00:00.000Z');
  track(
    await desk.call('tickets.verify', {
      ...edit('T5'),
      outcome: 'not_confirmed',
      comment: 'Still jams',
    }),
  );
  await resolve('T5', '2026-05-04T10:00:00.000Z');
  await feedback('T5', 4);

  await create('T6', '2026-05-05T09:00:00.000Z', cat, M3, 'network/vpn');
  clock.set('2026-05-05T09:05:00.000Z');
  track(
    await desk.call('tickets.assign', { ...edit('T6'), assignee: null, groupId: 'service-desk' }),
  );
  clock.set('2026-05-05T09:10:00.000Z');
  track(await desk.call('tickets.assign', { ...edit('T6'), assignee: null, groupId: 'network' }));
  await resolve('T6', '2026-05-05T09:40:00.000Z');

  await create('T7', '2026-05-06T07:00:00.000Z', ann, M1, 'printer/paper-jam');
  await attachChecks(desk, ids.T7!, M1, '2026-05-06T07:05:00.000Z');
  clock.set('2026-05-06T07:10:00.000Z');
  await desk.call('vendors.openCase', { ticketId: ids.T7!, vendor: 'Dell', reference: 'SR-1' });
  versions.set(ids.T7!, (await desk.call('tickets.get', { id: ids.T7! })).ticket.version);
  await resolve('T7', '2026-05-06T07:50:00.000Z');

  await create('T8', '2026-05-07T12:00:00.000Z', bob, M2, 'printer/paper-jam', true);
  await resolve('T8', '2026-05-08T13:00:00.000Z');
  await feedback('T8', 2);

  await create('T9', '2026-05-08T08:00:00.000Z', cat, null, 'account/password-reset');
  await resolve('T9', '2026-05-08T08:10:00.000Z');
  await feedback('T9', 5);

  await create('T10', '2026-05-09T08:00:00.000Z', ann, M1, 'printer/paper-jam');
  // After the period.
  await resolve('T10', '2026-05-11T08:00:00.000Z');
  await create('T15', '2026-05-11T08:00:00.000Z', ann, M1, 'printer/paper-jam');
  // The day the reports are looked at: Wednesday 13 May.
  clock.set('2026-05-13T10:00:00.000Z');
  return { ids };
}
