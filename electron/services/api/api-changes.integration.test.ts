import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InventoryV2Schema,
  announcedChanges,
  apiMethods,
  type ApiInput,
  type ApiMethod,
  type ApiOutput,
} from '@deskside/core';
import { followRun } from '#test/helpers/check-runs';
import { openTestConsole, type TestConsole } from '#test/helpers/console';
import { serviceDownScript, t } from '#test/helpers/intake-scripts';
import recorded from '#test/fixtures/inventory-linux-v2.json';
import { changedInventory } from '#test/helpers/changed-inventory';
import { InventoryHistoryService } from '../machines/inventory-history';

// core's apiChanges says what each method changes; the renderer refreshes its cached reads
// from that table after its own writes, and other consoles refresh from the live events the
// write publishes. This holds the table to the events every write really publishes.
const script = serviceDownScript('checks', [
  {
    kind: 'checks',
    id: 'checks',
    prompt: t('Check the memory.'),
    checks: [{ checkId: 'memory.pressure' }],
    branches: [],
    otherwise: 'next',
  },
  {
    kind: 'question',
    id: 'next',
    prompt: t('Still down?'),
    choices: [
      { id: 'yes', label: t('Yes'), next: 'fine' },
      { id: 'no', label: t('No'), next: 'fine' },
    ],
  },
]);

let desk: TestConsole;
/** The event types each method published, by method. */
const heard = new Map<ApiMethod, string[]>();

beforeAll(async () => {
  const inventory = InventoryV2Schema.parse(recorded);
  desk = await openTestConsole({
    intakeScripts: [script],
    collectLocalInventory: () => Promise.resolve(inventory),
  });
});
afterAll(async () => {
  await desk.dispose();
});

/** One call, with the events it published (on SQLite, before the call answers). */
async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const events: string[] = [];
  const stop = desk.events.subscribe((event) => events.push(event.type));
  try {
    return await desk.call(method, input);
  } finally {
    stop();
    heard.set(method, [...new Set([...(heard.get(method) ?? []), ...events])]);
  }
}

const version = async (id: number) => (await desk.call('tickets.get', { id })).ticket.version;
const edit = async (id: number) => ({ id, expectedVersion: await version(id) });

async function workATicket(requesterId: number) {
  const { id } = await call('tickets.create', { requesterId, channel: 'phone', summary: 'Slow' });
  await call('tickets.update', { ...(await edit(id)), changes: { summary: 'Very slow' } });
  await call('tickets.setStatus', { ...(await edit(id)), status: 'in_progress' });
  await call('tickets.assign', { ...(await edit(id)), assignee: 'ana.lyst', groupId: null });
  await call('tickets.escalate', { ...(await edit(id)), tier: 'tier2', reason: 'Needs a tech' });
  await call('tickets.deescalate', { ...(await edit(id)), tier: 'tier1', reason: 'Simple' });
  await call('tickets.addEntry', { ticketId: id, kind: 'note', body: 'Called back' });
  const snapshot = await desk.call('machines.inventory', { id: 'local' });
  await call('tickets.attachInventory', { ticketId: id, snapshotId: snapshot.snapshotId });
  const started = await desk.call('machines.startChecks', {
    id: 'local',
    checks: [{ checkId: 'memory.pressure' }],
  });
  const run = (await followRun(desk, started)).at(-1)!;
  await call('tickets.attachCheckRun', { ticketId: id, runId: run.runId });
  // A second, changed inventory of This computer kept, to attach what changed.
  const [kept] = await desk.call('machines.inventoryHistory', { id: 'local' });
  const changed = await new InventoryHistoryService(desk.db, 'ana.lyst').record(
    kept!.machineId,
    changedInventory(InventoryV2Schema.parse(recorded)),
    'agent',
  );
  await call('tickets.attachInventoryDiff', {
    ticketId: id,
    machineId: 'local',
    fromSnapshotId: kept!.id,
    toSnapshotId: changed.snapshotId,
  });
  await call('tickets.recommendServiceCentre', {
    ticketId: id,
    expectedVersion: await version(id),
    name: 'Repair Point Gent',
  });
  return id;
}

async function outsideHelp(ticketId: number) {
  const vendorCase = await call('vendors.openCase', { ticketId, vendor: 'Dell' });
  await call('vendors.updateCase', { id: vendorCase.id, expectedVersion: 1, status: 'resolved' });
  const visit = await call('visits.schedule', {
    ticketId,
    technician: 'Pieter',
    scheduledAt: '2026-03-03T10:00:00Z',
    checklist: ['Cable'],
  });
  await call('visits.record', { id: visit.id, expectedVersion: 1, status: 'cancelled' });
  const order = await call('orders.create', {
    ticketId,
    kind: 'repair',
    item: 'Dock',
    reason: 'Broken port',
  });
  await call('orders.update', { id: order.id, expectedVersion: 1, status: 'ordered' });
}

async function closeAndReopen(id: number) {
  await call('tickets.resolve', {
    ...(await edit(id)),
    resolutionCode: 'fixed',
    resolutionNotes: 'Replaced the dock.',
  });
  await call('tickets.verify', { ...(await edit(id)), outcome: 'confirmed' });
  await call('tickets.feedback', { id, rating: 5 });
  await call('tickets.reopen', { ...(await edit(id)), reason: 'Slow again' });
}

async function takeACall(requesterId: number) {
  const language = 'en';
  const started = await call('intake.start', {
    scriptId: 'service-down',
    requesterId,
    summary: 'Service down',
    language,
  });
  const ticketId = started.ticket.id;
  await call('intake.answer', { ticketId, stepId: 'reach', choiceId: 'no', language });
  await call('intake.recordChecks', { ticketId, stepId: 'checks', runId: null, language });
  const escalated = await call('intake.escalate', {
    ticketId,
    expectedVersion: await version(ticketId),
    tier: 'tier2',
    language,
  });
  await call('intake.resolve', {
    ticketId,
    expectedVersion: escalated.ticket.version,
    language,
  });
}

async function writeArticles(ticketId: number) {
  await call('kb.addStarterArticles', {});
  const article = await call('kb.create', { title: 'Docks', body: 'Reseat it.', language: 'en' });
  await call('kb.update', {
    id: article.id,
    expectedVersion: 1,
    title: 'Docking stations',
    body: 'Reseat it.',
    language: 'en',
  });
  await call('kb.link', { ticketId, articleIds: [article.id] });
  await call('kb.feedback', { ticketId, articleId: article.id, helped: true });
  await call('kb.unlink', { ticketId, articleId: article.id });
}

/** Held to their announcements where a fleet runs (fleet/fleet-help.integration.test.ts). */
const NEEDS_A_FLEET: string[] = ['tickets.messageAgent'];

/**
 * An e-mail to a requester, queued (the mailbox is set up but not read, so nothing is sent),
 * and queued again after a send cut off.
 */
async function writeToRequester() {
  await call('mail.saveSettings', {
    enabled: false,
    imap: { host: 'imap.corp.test', user: 'desk@corp.test', password: 'secret' },
    smtp: { host: 'smtp.corp.test', from: 'desk@corp.test' },
  });
  const ann = await call('people.create', { name: 'Ann Smit', email: 'ann@corp.test' });
  const ticket = await call('tickets.create', {
    requesterId: ann.id,
    channel: 'email',
    summary: 'Printer jams',
  });
  const sent = await call('mail.send', { ticketId: ticket.id, body: 'Which tray do you use?' });
  // As a console that stopped mid-send leaves it: claimed an hour ago, never settled.
  await desk.db
    .updateTable('mailOutbox')
    .set({ state: 'sending', nextAttemptAt: new Date(Date.now() - 3_600_000).toISOString() })
    .where('id', '=', sent.id)
    .execute();
  await call('mail.resend', { id: sent.id });
}

/** This computer's latest inventory marked as last known good, then cleared. */
async function markLastKnownGood() {
  await desk.call('machines.inventory', { id: 'local' });
  const { entries } = await desk.call('machines.inventoryTimeline', { id: 'local', limit: 1 });
  const snapshotId = entries[0]?.snapshot.id ?? 0;
  await call('machines.setBaseline', { scope: 'machine', snapshotId });
  await call('machines.clearBaseline', { scope: 'machine', id: 'local' });
}

describe('what each method changes', () => {
  it('is what its write announces to other consoles, and nothing else', async () => {
    const person = await call('people.create', { name: 'Jan de Vries' });
    await call('people.update', { id: person.id, expectedVersion: 1, name: 'Jan de Vries' });
    const ticketId = await workATicket(person.id);
    await outsideHelp(ticketId);
    await closeAndReopen(ticketId);
    await takeACall(person.id);
    await writeArticles(ticketId);
    // Changes no other console hears of publish nothing.
    await call('settings.update', { language: 'nl' });
    await call('profile.update', { displayName: 'Ana' });
    const { closure } = await desk.call('workflow.config', {});
    await call('workflow.configure', { closure });
    await writeToRequester();
    await markLastKnownGood();

    for (const [method, events] of heard) {
      expect(events.sort(), method).toEqual(announcedChanges(method).sort());
    }
    const announcing = apiMethods.filter((method) => announcedChanges(method).length > 0);
    expect(
      announcing.filter((method) => !heard.has(method) && !NEEDS_A_FLEET.includes(method)),
    ).toEqual([]);
  });
});
