import { describe, expect, it } from 'vitest';
import type { Inventory } from '@deskside/core';
import { SnapshotStore } from './snapshots';

const snapshot = (fetchedAt: string) => ({
  machineId: 'local',
  machineName: 'pc',
  transport: 'local' as const,
  fetchedAt,
  inventory: {} as Inventory,
});

describe('SnapshotStore', () => {
  it('returns what was added under its id', () => {
    const store = new SnapshotStore();
    const added = store.add(snapshot(new Date().toISOString()));
    expect(store.get(added.snapshotId)).toEqual(added);
  });

  it('expires snapshots older than the limit', () => {
    let now = Date.parse('2026-01-01T10:00:00Z');
    const store = new SnapshotStore(10, 60_000, () => now);
    const added = store.add(snapshot('2026-01-01T10:00:00Z'));
    now += 61_000;
    expect(() => store.get(added.snapshotId)).toThrow(/refresh it/);
  });

  it('forgets the oldest when full', () => {
    const store = new SnapshotStore(2);
    const first = store.add(snapshot(new Date().toISOString()));
    const second = store.add(snapshot(new Date().toISOString()));
    const third = store.add(snapshot(new Date().toISOString()));
    expect(() => store.get(first.snapshotId)).toThrow();
    expect(store.get(second.snapshotId).snapshotId).toBe(second.snapshotId);
    expect(store.get(third.snapshotId).snapshotId).toBe(third.snapshotId);
  });
});
