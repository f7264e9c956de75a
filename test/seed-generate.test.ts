import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CheckRunContentSchema, InventoryV2Schema, inventoryProfile } from '@deskside/core';
import { generateBatches, type SeedOptions } from '../scripts/seed/generate';
import { VPN_CLIENT } from '../scripts/seed/fleet-catalog';

const OPTIONS: SeedOptions = {
  tickets: 600,
  timelinePerTicket: 6,
  seed: 7,
  batchSize: 250,
  now: new Date('2026-12-02T12:00:00.000Z'),
};
const DAY = 86_400_000;

describe('the seed generator', () => {
  it('gives the same data for the same seed and day, and other data for another seed', () => {
    const first = [...generateBatches(OPTIONS)];
    expect([...generateBatches(OPTIONS)]).toEqual(first);
    const other = [...generateBatches({ ...OPTIONS, seed: 8 })];
    expect(other[0]?.machines?.[0]?.row.id).not.toBe(first[0]?.machines?.[0]?.row.id);
  });

  it("gives each person a laptop with a history of valid inventories, and each ticket its requester's laptop", () => {
    const batches = [...generateBatches(OPTIONS)];
    const machines = batches.flatMap((b) => b.machines ?? []);
    const people = batches.flatMap((b) => b.people);
    expect(machines).toHaveLength(people.length);
    const snapshotIds = machines.flatMap((m) => m.snapshots.map((s) => s.id));
    expect(new Set(snapshotIds).size).toBe(snapshotIds.length);
    expect(new Set(machines.map((m) => `${m.row.address}:${m.row.port}`)).size).toBe(
      machines.length,
    );

    const models = new Set<string>();
    const releases = new Set<string>();
    let upgraded = 0;
    for (const machine of machines) {
      const { snapshots } = machine;
      expect(snapshots.length).toBeGreaterThanOrEqual(3);
      expect(snapshots.length).toBeLessThanOrEqual(6);
      const times = snapshots.map((s) => Date.parse(s.takenAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(OPTIONS.now.getTime() - times.at(-1)!).toBeLessThan(29 * DAY);
      expect(OPTIONS.now.getTime() - times[0]!).toBeLessThan(731 * DAY);
      for (const { inventory } of snapshots)
        expect(InventoryV2Schema.parse(inventory)).toEqual(inventory);
      const [oldest, newest] = [
        inventoryProfile(snapshots[0]!.inventory),
        inventoryProfile(snapshots.at(-1)!.inventory),
      ];
      expect(newest.software).not.toEqual(oldest.software);
      if (newest.profile.osRelease !== oldest.profile.osRelease) upgraded += 1;
      models.add(`${newest.profile.manufacturer} ${newest.profile.model}`);
      releases.add(`${newest.profile.osDistro} ${newest.profile.osRelease}`);
      expect(newest.software?.map((p) => p.name.toLowerCase())).toContain(VPN_CLIENT.toLowerCase());
    }
    expect(models).toEqual(
      new Set([
        'Dell Inc. Latitude 5440',
        'Dell Inc. Latitude 7440',
        'LENOVO ThinkPad T14 Gen 4',
        'LENOVO ThinkPad X1 Carbon Gen 11',
        'HP HP EliteBook 840 14 inch G10 Notebook PC',
        'Apple Inc. Mac15,3',
      ]),
    );
    expect(releases.size).toBeGreaterThanOrEqual(5);
    expect(upgraded).toBeGreaterThan(machines.length / 5);

    const laptopOf = new Map(
      people.map((p) => [p.id, (JSON.parse(p.machines) as { machineId: string }[])[0]!.machineId]),
    );
    expect(new Set(laptopOf.values())).toEqual(new Set(machines.map((m) => m.row.id)));
    for (const { ticket } of batches.flatMap((b) => b.tickets)) {
      expect(ticket.machineId).toBe(laptopOf.get(ticket.requesterId!));
    }
  });

  it('attaches check runs whose content is what core reads, with its own hash, named on the timeline', () => {
    const batches = [...generateBatches(OPTIONS)];
    const evidence = batches.flatMap((b) => b.evidence ?? []);
    expect(evidence.length).toBeGreaterThan(5);
    const tickets = new Map(batches.flatMap((b) => b.tickets).map((t) => [t.ticket.id, t]));
    for (const row of evidence) {
      CheckRunContentSchema.parse(JSON.parse(row.content));
      expect(createHash('sha256').update(row.content).digest('hex')).toBe(row.sha256);
      const ticket = tickets.get(row.ticketId)!;
      expect(ticket.ticket.machineId).toBe(row.machineId);
      expect(ticket.past).toContainEqual(
        expect.objectContaining({
          kind: 'evidence',
          data: expect.objectContaining({ evidenceId: row.id }),
        }),
      );
    }
    const codes = new Set(
      evidence.map(
        (e) => (JSON.parse(e.content) as { results: { code: string }[] }).results[0]!.code,
      ),
    );
    expect(codes).toEqual(new Set(['dns.resolve.timeout', 'dns.resolve.ok']));
  });
});
