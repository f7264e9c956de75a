import { describe, expect, it } from 'vitest';
import { EnrolmentFileSchema } from '@deskside/core';
import {
  EnrolmentFileError,
  checkEnrolmentFile,
  claimDigest,
  claimToken,
  createEnrolment,
  enrolmentFileText,
  enrolmentProof,
  sameDigest,
} from './enrolment-crypto';
import { addEnrolment, claimEnrolment, enrolmentProofs } from './enrolment-state';
import { emptyRegistryState } from './registry-state';

const DAY_MS = 86_400_000;
const NOW = new Date('2027-03-01T09:00:00.000Z');
const FINGERPRINT = 'AB:'.repeat(31) + 'AB';
const OTHER_FINGERPRINT = 'CD:'.repeat(31) + 'CD';

const issued = (overrides: { now?: Date; maxMachines?: number } = {}) =>
  createEnrolment({
    deskName: 'ana@helpdesk-07',
    label: 'Finance laptops',
    validDays: 14,
    maxMachines: overrides.maxMachines ?? 3,
    now: overrides.now ?? NOW,
  });

/** The file's text with one field changed, its signature kept. */
function tampered(text: string, change: (json: Record<string, unknown>) => void): string {
  const json = JSON.parse(text) as Record<string, unknown>;
  change(json);
  return JSON.stringify(json);
}

describe('enrolment files', () => {
  it('are versioned JSON that the schema reads back, with one claim per machine', () => {
    const { file } = issued();
    const text = enrolmentFileText(file);
    const parsed = EnrolmentFileSchema.parse(JSON.parse(text));
    expect(parsed).toMatchObject({ format: 'deskside-enrolment', version: 1, maxMachines: 3 });
    expect(parsed.claims).toHaveLength(3);
    expect(checkEnrolmentFile(text, NOW)).toEqual(file);
  });

  it('never hold the claims themselves, only their hashes', () => {
    const { file, seed } = issued();
    const claim = claimToken(seed, 0);
    expect(enrolmentFileText(file)).not.toContain(claim);
    expect(file.claims[0]).toBe(claimDigest(claim));
  });

  it('refuse a schema another version would write', () => {
    const text = tampered(enrolmentFileText(issued().file), (json) => {
      json.version = 2;
    });
    expect(() => checkEnrolmentFile(text, NOW)).toThrow(/not a valid enrolment file \(version/);
  });

  it.each<[string, (json: Record<string, unknown>) => void]>([
    ['a later expiry', (json) => void (json.expiresAt = '2030-01-01T00:00:00.000Z')],
    ['another label', (json) => void (json.label = 'Everyone')],
    ['a claim of someone else', (json) => void ((json.claims as string[])[0] = 'f'.repeat(64))],
    ['another secret', (json) => void (json.secret = 'A'.repeat(43))],
  ])('refuse a file whose signature no longer matches after %s', (_name, change) => {
    const text = tampered(enrolmentFileText(issued().file), change);
    expect(() => checkEnrolmentFile(text, NOW)).toThrow(/signature does not match/);
  });

  it('refuse a key that is not the one the key id names', () => {
    const other = issued().file;
    const text = tampered(enrolmentFileText(issued().file), (json) => {
      json.deskKey = { ...(json.deskKey as object), publicKey: other.deskKey.publicKey };
    });
    expect(() => checkEnrolmentFile(text, NOW)).toThrow(/key id does not match/);
  });

  it('refuse a file re-signed with another key under the same id when the agent holds the first', () => {
    const first = issued().file;
    const resigned = { ...issued().file, id: first.id };
    const state = addEnrolment(emptyRegistryState(), first, NOW).next;
    expect(() => addEnrolment(state, resigned, NOW)).toThrow(EnrolmentFileError);
  });

  it('refuse an expired file, and accept it until then', () => {
    const text = enrolmentFileText(issued().file);
    expect(() => checkEnrolmentFile(text, new Date(NOW.getTime() + 14 * DAY_MS))).toThrow(
      /expired at 2027-03-15T09:00:00.000Z/,
    );
    expect(() => checkEnrolmentFile(text, new Date(NOW.getTime() + 14 * DAY_MS - 1))).not.toThrow();
  });

  it('refuse text that is not JSON', () => {
    expect(() => checkEnrolmentFile('enrol me', NOW)).toThrow(/not JSON/);
  });
});

describe('enrolled pairing on the agent', () => {
  it('takes the same file twice as one enrolment, without writing', () => {
    const { file } = issued();
    const once = addEnrolment(emptyRegistryState(), file, NOW);
    expect(once.result.outcome).toBe('enrolled');
    const twice = addEnrolment(once.next, file, NOW);
    expect(twice.result.outcome).toBe('unchanged');
    expect(twice.next).toBe(once.next);
  });

  it('proves the secret bound to its own certificate and the challenge', () => {
    const { file } = issued();
    const state = addEnrolment(emptyRegistryState(), file, NOW).next;
    const [proof] = enrolmentProofs(state, {
      fingerprint: FINGERPRINT,
      challenge: 'a'.repeat(64),
      now: NOW,
    });
    const expected = (fingerprint: string, challenge: string) =>
      enrolmentProof(file.secret, { enrolmentId: file.id, fingerprint, challenge });
    expect(sameDigest(proof!.proof, expected(FINGERPRINT, 'a'.repeat(64)))).toBe(true);
    expect(sameDigest(proof!.proof, expected(OTHER_FINGERPRINT, 'a'.repeat(64)))).toBe(false);
    expect(sameDigest(proof!.proof, expected(FINGERPRINT, 'b'.repeat(64)))).toBe(false);
  });

  it('offers no proof once the file expired', () => {
    const state = addEnrolment(emptyRegistryState(), issued().file, NOW).next;
    const later = new Date(NOW.getTime() + 15 * DAY_MS);
    expect(
      enrolmentProofs(state, { fingerprint: FINGERPRINT, challenge: 'a'.repeat(64), now: later }),
    ).toEqual([]);
  });

  it('pairs a console for a claim of the desk once, and refuses it again', () => {
    const { file, seed } = issued();
    const state = addEnrolment(emptyRegistryState(), file, NOW).next;
    const request = {
      enrolmentId: file.id,
      claim: claimToken(seed, 1),
      consoleName: undefined,
      remoteAddress: '192.0.2.7',
      now: NOW,
    };
    const first = claimEnrolment(state, request);
    expect(first.result).toMatchObject({ ok: true, console: { enrolmentId: file.id } });
    expect(first.next.consoles).toHaveLength(1);
    expect(claimEnrolment(first.next, request).result).toEqual({ ok: false, why: 'used_claim' });
  });

  it.each([
    ['a claim the desk did not make', { claim: 'x'.repeat(43) }, 'bad_claim'],
    ['a claim past the last machine', { index: 3 }, 'bad_claim'],
    [
      'an enrolment it does not hold',
      { enrolmentId: '00000000-0000-4000-8000-000000000000' },
      'unknown_enrolment',
    ],
    ['an expired enrolment', { now: new Date(NOW.getTime() + 15 * DAY_MS) }, 'expired'],
  ])('refuses %s and changes nothing', (_name, change, why) => {
    const { file, seed } = issued();
    const state = addEnrolment(emptyRegistryState(), file, NOW).next;
    const result = claimEnrolment(state, {
      enrolmentId: 'enrolmentId' in change ? change.enrolmentId : file.id,
      claim:
        'claim' in change ? change.claim : claimToken(seed, 'index' in change ? change.index : 0),
      consoleName: undefined,
      remoteAddress: '192.0.2.7',
      now: 'now' in change ? change.now : NOW,
    });
    expect(result.result).toEqual({ ok: false, why });
    expect(result.next).toBe(state);
  });
});
