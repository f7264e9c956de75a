import { describe, expect, it } from 'vitest';
import { starterIntakeScripts, type Person } from '@deskside/core';
import { callersMachine, scriptsByCategory } from './call-setup';

describe('setting up a call', () => {
  it('groups the scripts by category, every script once', () => {
    const groups = scriptsByCategory(starterIntakeScripts);
    expect(groups.map(([category]) => category)).toEqual([
      'network',
      'hardware',
      'printer',
      'account',
      'software',
    ]);
    expect(groups.flatMap(([, scripts]) => scripts)).toHaveLength(starterIntakeScripts.length);
    expect(groups.find(([category]) => category === 'network')?.[1].map((s) => s.id)).toEqual([
      'no-internet',
      'vpn-will-not-connect',
    ]);
  });

  it('offers the caller’s own machine when the console knows it', () => {
    const person = {
      machines: [
        { name: 'Old desktop', machineId: null },
        { name: 'Gone laptop', machineId: 'b0e1e0a2-0000-4000-8000-000000000001' },
        { name: 'Laptop', machineId: 'b0e1e0a2-0000-4000-8000-000000000002' },
      ],
    } as Person;
    const known = new Set(['local', 'b0e1e0a2-0000-4000-8000-000000000002']);
    expect(callersMachine(person, known)).toBe('b0e1e0a2-0000-4000-8000-000000000002');
    expect(callersMachine(person, new Set())).toBeNull();
    expect(callersMachine(null, known)).toBeNull();
  });
});
