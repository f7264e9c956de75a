import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TicketSchema, inventoryProfile } from '@deskside/core';
import { InventoryHistoryService } from '../electron/services/machines/inventory-history';
import { LifecycleService } from '../electron/services/tickets/lifecycle-service';
import { WorkflowConfigService } from '../electron/services/workflow/config-service';
import { openTestConsole, type TestConsole } from './helpers/console';
import { ManagedProcess } from './helpers/managed-process';
import { STORE_KINDS, newPostgresDatabase } from './helpers/stores';

const SEED = fileURLToPath(new URL('../scripts/seed.ts', import.meta.url));

async function runSeed(args: string[]) {
  const seed = await ManagedProcess.start(process.execPath, ['--import', 'tsx', SEED, ...args], {
    label: 'npm run seed',
    env: { NODE_OPTIONS: '', DESKSIDE_DATABASE_URL: '' },
  });
  const status = await seed.waitForExit(120_000);
  return { status, output: seed.output() };
}

let dataDir: string;
let desk: TestConsole | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

/** Seeds 400 tickets into a fresh data folder, and on PostgreSQL a fresh database. */
async function seedFresh(kind: (typeof STORE_KINDS)[number]) {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-seed-'));
  const databaseUrl = kind === 'postgres' ? await newPostgresDatabase() : '';
  const target = databaseUrl ? ['--database-url', databaseUrl] : [];
  const { status, output } = await runSeed(['--tickets', '400', '--data-dir', dataDir, ...target]);
  expect(status.code, output).toBe(0);
  return { databaseUrl, target, output };
}

describe.each(STORE_KINDS)('the seed generator on %s', (kind) => {
  it('fills an empty database with multilingual tickets the console opens and searches', async () => {
    const { databaseUrl, target, output } = await seedFresh(kind);
    expect(output).toMatch(/seed: 400\/400 tickets \(100%\), 4000 timeline entries/);

    desk = await openTestConsole({ dataDir, databaseUrl });
    const all = await desk.db.selectFrom('tickets').selectAll().execute();
    expect(all).toHaveLength(400);
    expect(
      await desk.db
        .selectFrom('timeline')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: kind === 'postgres' ? '4000' : 4000 });
    // A console opened on the data closes none of it on its first sweep: resolved tickets
    // still wait for their user, as on a desk that has been sweeping all along.
    const resolved = all.filter((ticket) => ticket.status === 'resolved');
    expect(resolved.length).toBeGreaterThan(10);
    const { store } = desk;
    const sweep = new LifecycleService({
      store,
      config: new WorkflowConfigService(store),
      now: () => new Date(),
    });
    expect(await sweep.closeUnanswered()).toEqual([]);
    const page = await desk.call('tickets.queue', { limit: 200 });
    expect(page.tickets.length).toBeGreaterThan(0);
    for (const ticket of page.tickets) expect(TicketSchema.safeParse(ticket).success).toBe(true);
    const detail = await desk.call('tickets.get', { id: page.tickets[0]!.id });
    expect(detail.timeline).toHaveLength(10);
    for (const word of ['printer', 'wachtwoord', 'reseau', 'ΕΚΤΥΠΩΤΗΣ']) {
      const found = await desk.call('tickets.queue', {
        search: word,
        status: [
          'new',
          'in_progress',
          'waiting_on_user',
          'waiting_on_vendor',
          'reopened',
          'resolved',
          'closed',
        ],
      });
      expect(found.tickets.length, word).toBeGreaterThan(0);
    }
    // The knowledge base has its starter articles, in the four languages.
    expect(output).toMatch(/Added 12 starter knowledge-base articles/);
    const articles = await desk.call('kb.search', { search: 'vpn', limit: 10 });
    expect(new Set(articles.articles.map((a) => a.language))).toEqual(
      new Set(['en', 'nl', 'fr', 'el']),
    );
    // Numbering goes on after the seeded tickets.
    const next = await desk.call('tickets.create', {
      requester: 'R',
      channel: 'phone',
      summary: 'After the seed',
    });
    expect(next.id).toBe(401);

    const again = await runSeed(['--tickets', '10', '--data-dir', dataDir, ...target]);
    expect(again.status.code).toBe(1);
    expect(again.output).toMatch(/already has tickets or people; seed an empty one/);
  });

  it("gives every person a laptop whose history, profile and software agree, and tickets their requester's laptop", async () => {
    const { databaseUrl, output } = await seedFresh(kind);
    expect(output).toMatch(
      /Seeded 400 tickets and 4000 timeline entries, 20 machines with \d+ inventory snapshots/,
    );
    desk = await openTestConsole({ dataDir, databaseUrl });
    const { db } = desk;

    const people = await db.selectFrom('people').select(['id', 'machines']).execute();
    const machines = await db.selectFrom('machines').select(['id', 'name', 'hostname']).execute();
    expect(people).toHaveLength(20);
    expect(machines).toHaveLength(20);
    const machineOf = new Map<number, string>();
    for (const person of people) {
      const [laptop] = JSON.parse(person.machines) as { name: string; machineId: string }[];
      expect(machines).toContainEqual({
        id: laptop!.machineId,
        name: laptop!.name,
        hostname: laptop!.name,
      });
      machineOf.set(person.id, laptop!.machineId);
    }
    const tickets = await db.selectFrom('tickets').select(['requesterId', 'machineId']).execute();
    for (const ticket of tickets) expect(ticket.machineId).toBe(machineOf.get(ticket.requesterId!));

    // The machines page lists them, and each one's history reads back through the API.
    const listed = await desk.call('machines.list', {});
    expect(listed.filter((m) => !m.thisComputer)).toHaveLength(20);
    const history = new InventoryHistoryService(db, 'ana.lyst');
    for (const machine of machines) {
      const entries = await desk.call('machines.inventoryHistory', { id: machine.id });
      expect(entries.length).toBeGreaterThanOrEqual(3);
      // The profile is that of the newest snapshot, and the software rows are its programs.
      const newest = [...entries].sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1))[0]!;
      const { inventory } = await history.get(newest.id);
      const { profile, software } = inventoryProfile(inventory);
      const row = await db
        .selectFrom('machineProfiles')
        .selectAll()
        .where('machineId', '=', machine.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        machineId: machine.id,
        snapshotId: newest.id,
        takenAt: newest.takenAt,
        ...profile,
      });
      const rows = await db
        .selectFrom('machineSoftware')
        .select(['name', 'version'])
        .where('machineId', '=', machine.id)
        .execute();
      const key = (p: { name: string; version: string }) => `${p.name}\u0000${p.version}`;
      expect(rows.map(key).sort()).toEqual((software ?? []).map(key).sort());
      expect(rows.length).toBeGreaterThanOrEqual(4);
      // Programs were updated between the oldest snapshot and the newest.
      const oldest = entries.at(-1)!;
      expect(oldest.sections.software).not.toBe(newest.sections.software);
    }
    // Sections shared by machines of one model (CPU, memory) are stored once.
    const sections = await db
      .selectFrom('inventorySections')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const snapshots = await db
      .selectFrom('inventorySnapshots')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(sections.n)).toBeLessThan(Number(snapshots.n) * 6);

    // Check runs attached as evidence read back as the API gives them.
    const evidence = await db.selectFrom('evidence').select('ticketId').limit(1).executeTakeFirst();
    if (evidence) {
      const detail = await desk.call('tickets.get', { id: evidence.ticketId });
      expect(detail.evidence[0]).toMatchObject({ kind: 'checks' });
      expect(detail.timeline.map((e) => e.kind)).toContain('evidence');
    }
  });
});

describe('the seed command line', () => {
  it.each([
    [[], /--tickets N is required/],
    [['--tickets', 'lots'], /--tickets must be a whole number/],
    [['--tickets', '10', '--timeline-per-ticket', '0'], /--timeline-per-ticket must be at least 1/],
    [['--tickets', '10', '--colour', 'blue'], /Unknown option '--colour'/],
  ])('refuses %j with a clear message and exit code 2', async (args, message) => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-seed-'));
    const { status, output } = await runSeed([...args, '--data-dir', dataDir]);
    expect(status.code).toBe(2);
    expect(output).toMatch(message);
    expect(output).toMatch(/Usage: npm run seed/);
  });
});
