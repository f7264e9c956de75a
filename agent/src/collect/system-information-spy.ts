// Test support: which systeminformation functions the code under test called.
import si from 'systeminformation';
import { vi } from 'vitest';

/** Every function systeminformation exports, spied on (calls still go through). */
export function spyOnSystemInformation() {
  const library = si as unknown as Record<string, unknown>;
  const spies = Object.keys(library)
    .filter((name) => typeof library[name] === 'function')
    .map((name) => [name, vi.spyOn(library as Record<string, () => unknown>, name)] as const);
  return {
    called: () => spies.filter(([, spy]) => spy.mock.calls.length > 0).map(([name]) => name),
    reset: () => {
      for (const [, spy] of spies) spy.mockClear();
    },
    restore: () => {
      for (const [, spy] of spies) spy.mockRestore();
    },
  };
}
