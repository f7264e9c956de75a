import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InventoryV1Schema, canonicalJson, toCurrentInventory } from '@deskside/core';
import recordedV1 from '#test/fixtures/inventory-linux.json';
import { openTestConsole, type TestConsole } from '#test/helpers/console';
import { sha256Hex } from './ticket-service';

let desk: TestConsole;
beforeEach(async () => {
  desk = await openTestConsole();
});
afterEach(async () => {
  await desk.dispose();
});

describe('evidence stored before inventory schema version 2', () => {
  it('still opens, unchanged, with its hash still matching', async () => {
    const ticket = await desk.call('tickets.create', {
      requester: 'R',
      channel: 'phone',
      summary: 'Evidence from an older console',
    });
    // A row as the first consoles wrote it: a schema version 1 document, canonical JSON.
    const content = canonicalJson(InventoryV1Schema.parse(recordedV1));
    await desk.db
      .insertInto('evidence')
      .values({
        id: randomUUID(),
        ticketId: ticket.id,
        kind: 'inventory',
        machineId: 'local',
        machineName: 'Reception PC',
        transport: 'agent-https',
        takenBy: 'ana.lyst',
        takenAt: '2026-11-23T09:50:26.494Z',
        sha256: sha256Hex(content),
        content,
      })
      .execute();

    const [evidence] = (await desk.call('tickets.get', { id: ticket.id })).evidence;
    if (evidence?.kind !== 'inventory') throw new Error('expected inventory evidence');
    expect(evidence.content.schemaVersion).toBe(1);
    expect(canonicalJson(evidence.content)).toBe(content);
    expect(sha256Hex(canonicalJson(evidence.content))).toBe(evidence.sha256);
    // And it reads as a current document for display.
    expect(toCurrentInventory(evidence.content).os?.hostname).toBe(recordedV1.os.hostname);
  });
});
