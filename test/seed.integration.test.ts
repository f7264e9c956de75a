import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TicketSchema } from '@deskside/core';
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

describe.each(STORE_KINDS)('the seed generator on %s', (kind) => {
  it('fills an empty database with multilingual tickets the console opens and searches', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-seed-'));
    const databaseUrl = kind === 'postgres' ? await newPostgresDatabase() : '';
    const target = databaseUrl ? ['--database-url', databaseUrl] : [];
    const { status, output } = await runSeed([
      '--tickets',
      '400',
      '--data-dir',
      dataDir,
      ...target,
    ]);
    expect(status.code, output).toBe(0);
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
