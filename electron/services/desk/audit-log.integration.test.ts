/**
 * Every audited action leaves its entry, on the SQLite file and on PostgreSQL, with a real
 * agent: who did it, from which PC, and what it was about. Nobody rewrites an entry.
 */
import os from 'node:os';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@deskside/core';
import { addAgent } from '#test/helpers/agent-console';
import { startAgent, type RunningAgent } from '#test/helpers/agent-process';
import { TEST_ANALYST, callError, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, openConsoleOn } from '#test/helpers/stores';

let agent: RunningAgent;
const consoles: TestConsole[] = [];

beforeAll(async () => {
  agent = await startAgent();
});
afterAll(async () => {
  await agent.stop();
});
afterEach(async () => {
  for (const desk of consoles.splice(0)) await desk.dispose();
});

/** The entries, oldest first, as [action, subject] pairs. */
const trail = (entries: AuditEntry[]) =>
  [...entries].reverse().map(({ action, subject }) => [action, subject]);

describe.each(STORE_KINDS)('the audit log on %s', (kind) => {
  it('records each audited action once it succeeded, and nothing for reads of the desk’s records', async () => {
    const desk = await openConsoleOn(kind);
    consoles.push(desk);
    const machine = await addAgent(desk, agent, 'PC-RECEPTION');
    const snapshot = await desk.call('machines.inventory', { id: machine.id });
    await desk.call('machines.startChecks', {
      id: machine.id,
      checks: [{ checkId: 'tcp.port', params: { host: '127.0.0.1', port: agent.port } }],
    });
    const ticket = await desk.call('tickets.create', {
      requester: 'Sam',
      channel: 'phone',
      summary: 'Slow PC',
    });
    await desk.call('tickets.attachInventory', {
      ticketId: ticket.id,
      snapshotId: snapshot.snapshotId,
    });
    const { sla } = await desk.call('workflow.config', {});
    await desk.call('workflow.configure', { sla });
    await desk.call('data.startExport', { format: 'json' });
    await desk.call('machines.remove', { id: machine.id });
    // A refused call leaves nothing: it did not happen.
    await callError(desk.call('machines.remove', { id: machine.id }));
    await desk.call('tickets.queue', {});

    const { entries, hasMore } = await desk.call('audit.list', {});
    expect(hasMore).toBe(false);
    expect(trail(entries)).toEqual([
      ['console.opened', ''],
      ['machine.added', machine.id],
      ['inventory.read', machine.id],
      ['checks.run', machine.id],
      ['evidence.attached', machine.id],
      ['workflow.changed', ''],
      ['data.exported', 'json'],
      ['machine.removed', machine.id],
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ analyst: TEST_ANALYST, pc: os.hostname() });
    }
    expect(entries.find((e) => e.action === 'evidence.attached')?.details).toMatchObject({
      ticketId: ticket.id,
      kind: 'inventory',
    });
    expect(entries.find((e) => e.action === 'checks.run')?.details).toEqual({
      checks: ['tcp.port'],
    });
    expect(entries.find((e) => e.action === 'workflow.changed')?.details).toEqual({
      changed: ['sla'],
    });

    // Filters: by action, by analyst, by time; pages newest first.
    const reads = await desk.call('audit.list', { action: 'inventory.read' });
    expect(reads.entries.map((e) => e.subject)).toEqual([machine.id]);
    expect((await desk.call('audit.list', { analyst: 'someone.else' })).entries).toEqual([]);
    const later = entries[0]!.at;
    const since = await desk.call('audit.list', { from: later });
    expect(since.entries.every((e) => e.at >= later)).toBe(true);
    const firstPage = await desk.call('audit.list', { limit: 3 });
    expect(firstPage.hasMore).toBe(true);
    expect(firstPage.entries.map((e) => e.id)).toEqual(entries.slice(0, 3).map((e) => e.id));
    const refused = await callError(desk.call('audit.list', { limit: 0 }));
    expect(refused.code).toBe('validation');
  });

  it('refuses every change and deletion of an entry, even by the database’s owner', async () => {
    const desk = await openConsoleOn(kind);
    consoles.push(desk);
    await expect(sql`UPDATE audit_log SET analyst = 'nobody'`.execute(desk.db)).rejects.toThrow(
      /audit_log is immutable/,
    );
    await expect(sql`DELETE FROM audit_log`.execute(desk.db)).rejects.toThrow(
      /audit_log is immutable/,
    );
    const { entries } = await desk.call('audit.list', {});
    expect(entries.map((e) => [e.action, e.analyst])).toEqual([['console.opened', TEST_ANALYST]]);
  });
});
