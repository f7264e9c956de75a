import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_PORT } from './agent-route-table';
import { AddMachineInputSchema, MachineAddressSchema, ProbeMachineInputSchema } from './machine';

describe('machine addresses', () => {
  it('accept host names and IP addresses', () => {
    for (const address of [
      'pc-0423',
      'pc-0423.corp.example.nl',
      '10.2.3.4',
      '::1',
      'fe80::1',
      '2001:db8::42',
    ]) {
      expect(MachineAddressSchema.parse(address)).toBe(address);
    }
    expect(MachineAddressSchema.parse('[2001:db8::42]')).toBe('2001:db8::42');
    expect(MachineAddressSchema.parse('  pc-1 ')).toBe('pc-1');
  });

  it('refuse anything else, including attempts to smuggle commands or URLs', () => {
    for (const address of [
      '',
      'a b',
      'pc;rm -rf /',
      '$(touch x)',
      '`id`',
      'http://pc',
      'pc/../x',
      '-pc',
      'pc\nx',
      'a'.repeat(254),
    ]) {
      expect(MachineAddressSchema.safeParse(address).success, JSON.stringify(address)).toBe(false);
    }
  });
});

describe('machine inputs', () => {
  it('default the port to the agent port', () => {
    expect(ProbeMachineInputSchema.parse({ address: 'pc' }).port).toBe(DEFAULT_AGENT_PORT);
  });

  it('require a usable token and a fingerprint before adding', () => {
    const result = AddMachineInputSchema.safeParse({
      address: 'pc',
      token: 'short',
      fingerprint: 'nope',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(
      expect.arrayContaining(['token', 'fingerprint']),
    );
  });
});
