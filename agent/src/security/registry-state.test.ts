import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../server/identity';
import {
  MAX_PENDING_CODES,
  PAIRING_ATTEMPTS,
  PendingCodeLimitError,
  UnknownConsoleError,
  addPendingCode,
  emptyRegistryState,
  exchangeCode,
  revokeConsole,
  type RegistryState,
} from './registry-state';

const T0 = new Date('2026-11-23T10:00:00.000Z');
const after = (ms: number) => new Date(T0.getTime() + ms);
const FIVE_MINUTES = 5 * 60_000;

function withCodes(...codes: string[]): RegistryState {
  return codes.reduce(
    (state, code) => addPendingCode(state, { code, label: null, now: T0, ttlMs: FIVE_MINUTES }),
    emptyRegistryState(),
  );
}

const use = (state: RegistryState, code: string, now = after(1_000)) =>
  exchangeCode(state, { code, consoleName: 'ana@desk', remoteAddress: '10.0.0.5', now });

describe('pairing state', () => {
  it('stores a code only as its hash, with its expiry and attempts', () => {
    const state = withCodes('K7M2P9Q4XR');
    expect(JSON.stringify(state)).not.toContain('K7M2P9Q4XR');
    expect(state.pairingCodes).toEqual([
      {
        codeSha256: sha256Hex('K7M2P9Q4XR'),
        label: null,
        createdAt: T0.toISOString(),
        expiresAt: after(FIVE_MINUTES).toISOString(),
        attemptsLeft: PAIRING_ATTEMPTS,
      },
    ]);
  });

  it('exchanges a live code once for a console whose credential is stored only as a hash', () => {
    const { next, result } = use(withCodes('K7M2P9Q4XR'), 'K7M2P9Q4XR');
    if (!result.ok) throw new Error('expected the code to work');
    expect(result.credential).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(next.consoles).toEqual([
      {
        id: result.console.id,
        name: 'ana@desk',
        credentialSha256: sha256Hex(result.credential),
        pairedAt: after(1_000).toISOString(),
        pairedFrom: '10.0.0.5',
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(next)).not.toContain(result.credential);
    expect(next.pairingCodes).toEqual([]);
    // Used: the same code again is refused.
    expect(use(next, 'K7M2P9Q4XR').result).toEqual({ ok: false });
  });

  it('refuses an expired code', () => {
    const state = withCodes('K7M2P9Q4XR');
    expect(use(state, 'K7M2P9Q4XR', after(FIVE_MINUTES)).result).toEqual({ ok: false });
    expect(use(state, 'K7M2P9Q4XR', after(FIVE_MINUTES - 1)).result.ok).toBe(true);
  });

  it('gives two consoles different ids and credentials', () => {
    const first = use(withCodes('AAAAA11111', 'BBBBB22222'), 'AAAAA11111');
    const second = use(first.next, 'BBBBB22222');
    if (!first.result.ok || !second.result.ok) throw new Error('expected both codes to work');
    expect(second.result.credential).not.toBe(first.result.credential);
    expect(second.result.console.id).not.toBe(first.result.console.id);
    expect(second.next.consoles).toHaveLength(2);
  });

  it('names the console after `pair --name` when one was given', () => {
    const state = addPendingCode(emptyRegistryState(), {
      code: 'AAAAA11111',
      label: 'Reception PC console',
      now: T0,
      ttlMs: FIVE_MINUTES,
    });
    const { result } = use(state, 'AAAAA11111');
    expect(result.ok && result.console.name).toBe('Reception PC console');
  });

  it('refuses every pending code after a few wrong ones, so guessing cannot go on', () => {
    let state = withCodes('K7M2P9Q4XR', 'AAAAA11111');
    for (let attempt = 1; attempt < PAIRING_ATTEMPTS; attempt++) {
      state = use(state, `WRONG${attempt}0000`.slice(0, 10)).next;
      expect(state.pairingCodes.map((c) => c.attemptsLeft)).toEqual([
        PAIRING_ATTEMPTS - attempt,
        PAIRING_ATTEMPTS - attempt,
      ]);
    }
    state = use(state, 'WRONG00000').next;
    expect(state.pairingCodes).toEqual([]);
    expect(use(state, 'K7M2P9Q4XR').result).toEqual({ ok: false });
  });

  it('leaves the state as it is for a wrong code when no code is waiting', () => {
    const state = emptyRegistryState();
    expect(use(state, 'K7M2P9Q4XR').next).toBe(state);
  });

  it('keeps a bounded number of codes waiting', () => {
    const codes = Array.from(
      { length: MAX_PENDING_CODES },
      (_, i) => `CODE${String(i).padStart(6, '0')}`,
    );
    const full = withCodes(...codes);
    expect(() =>
      addPendingCode(full, { code: 'ONEMORE000', label: null, now: T0, ttlMs: FIVE_MINUTES }),
    ).toThrow(PendingCodeLimitError);
    // Expired codes make room again.
    const later = addPendingCode(full, {
      code: 'ONEMORE000',
      label: null,
      now: after(FIVE_MINUTES),
      ttlMs: FIVE_MINUTES,
    });
    expect(later.pairingCodes).toHaveLength(1);
  });

  it('revokes a console by id, keeping the record and when it was revoked', () => {
    const paired = use(withCodes('K7M2P9Q4XR'), 'K7M2P9Q4XR');
    if (!paired.result.ok) throw new Error('expected the code to work');
    const { next, result } = revokeConsole(paired.next, paired.result.console.id, after(5_000));
    expect(result.revokedAt).toBe(after(5_000).toISOString());
    expect(next.consoles[0]?.revokedAt).toBe(after(5_000).toISOString());
    // Revoking again keeps the first time.
    expect(revokeConsole(next, result.id, after(9_000)).result.revokedAt).toBe(result.revokedAt);
    expect(() => revokeConsole(next, 'nosuchid', T0)).toThrow(UnknownConsoleError);
  });
});
