import { describe, expect, it } from 'vitest';
import { PairRequestSchema } from './agent-protocol';
import { PairMachineInputSchema } from './machine';
import {
  ConsoleNameSchema,
  PairingCodeSchema,
  formatPairingCode,
  normalizePairingCode,
} from './pairing';

describe('pairing codes', () => {
  it('are read as people type them: any case, dashes and spaces, look-alike letters', () => {
    expect(normalizePairingCode('K7M2P-9Q4XR')).toBe('K7M2P9Q4XR');
    expect(normalizePairingCode(' k7m2p 9q4xr ')).toBe('K7M2P9Q4XR');
    expect(normalizePairingCode('O1IL0-ABCDE')).toBe('01110ABCDE');
    expect(formatPairingCode('K7M2P9Q4XR')).toBe('K7M2P-9Q4XR');
  });

  it.each(['', 'K7M2P9Q4X', 'K7M2P9Q4XRR', 'K7M2P9Q4XU', 'K7M2P;9Q4X', '$(touch x)'])(
    'refuse %j',
    (text) => {
      expect(normalizePairingCode(text)).toBeNull();
    },
  );

  it('travel only in their canonical form', () => {
    expect(PairingCodeSchema.safeParse('K7M2P9Q4XR').success).toBe(true);
    expect(PairingCodeSchema.safeParse('K7M2P-9Q4XR').success).toBe(false);
    expect(PairingCodeSchema.safeParse('k7m2p9q4xr').success).toBe(false);
  });

  it('are normalised by the console before they are sent', () => {
    const input = PairMachineInputSchema.parse({
      address: 'pc-1',
      code: 'k7m2p-9q4xr',
      fingerprint: 'ab'.repeat(32),
    });
    expect(input.code).toBe('K7M2P9Q4XR');
    expect(PairMachineInputSchema.safeParse({ ...input, code: 'nope' }).success).toBe(false);
  });
});

describe('the pair request', () => {
  it('takes a code and an optional console name, nothing else', () => {
    expect(PairRequestSchema.parse({ code: 'K7M2P9Q4XR', consoleName: ' ana@desk ' })).toEqual({
      code: 'K7M2P9Q4XR',
      consoleName: 'ana@desk',
    });
    expect(PairRequestSchema.safeParse({ code: 'K7M2P9Q4XR', admin: true }).success).toBe(false);
    expect(PairRequestSchema.safeParse({ code: 42 }).success).toBe(false);
  });

  it('refuses console names that could forge lines in a listing or a log', () => {
    for (const name of ['a\nb', 'a\u0000', 'a\u202eb', '', 'x'.repeat(101)]) {
      expect(ConsoleNameSchema.safeParse(name).success, JSON.stringify(name)).toBe(false);
    }
    expect(ConsoleNameSchema.parse('Ana’s desk — Gent')).toBe('Ana’s desk — Gent');
  });
});
