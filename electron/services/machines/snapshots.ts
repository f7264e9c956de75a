import { randomUUID } from 'node:crypto';
import { DesksideError, type InventorySnapshot } from '@deskside/core';

/**
 * Inventories recently shown to the analyst, so "Attach to ticket" attaches exactly what
 * they saw. Bounded in size and age; attaching an expired one asks for a refresh.
 */
export class SnapshotStore {
  private readonly snapshots = new Map<string, InventorySnapshot>();

  constructor(
    private readonly maxEntries = 100,
    private readonly maxAgeMs = 30 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  add(snapshot: Omit<InventorySnapshot, 'snapshotId'>): InventorySnapshot {
    const stored = { snapshotId: randomUUID(), ...snapshot };
    this.snapshots.set(stored.snapshotId, stored);
    while (this.snapshots.size > this.maxEntries) {
      const oldest = this.snapshots.keys().next();
      if (oldest.done) break;
      this.snapshots.delete(oldest.value);
    }
    return stored;
  }

  get(snapshotId: string): InventorySnapshot {
    const snapshot = this.snapshots.get(snapshotId);
    if (!snapshot || this.now() - Date.parse(snapshot.fetchedAt) > this.maxAgeMs) {
      this.snapshots.delete(snapshotId);
      throw new DesksideError(
        'snapshot_expired',
        'This inventory is no longer available to attach; refresh it and attach again',
      );
    }
    return snapshot;
  }
}
