import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_BODY_SHA256,
  NonceLedger,
  SIGNATURE_WINDOW_MS,
  SignedRequestVerifier,
  bodySha256,
  keyIdOf,
  parseAuthorization,
  requestKey,
  signRequest,
  signedMessage,
} from './signed-requests';

const KEY = requestKey('a-paired-console-credential-0123456789');
const OTHER_KEY = requestKey('a-credential-the-desk-never-issued-0000');
const FINGERPRINT = 'AB:CD:EF';
const NOW = Date.parse('2026-12-02T08:00:00Z');
const GET = { agentFingerprint: FINGERPRINT, method: 'GET', target: '/v1/inventory', body: null };

function verifier(now = NOW) {
  return new SignedRequestVerifier({
    agentFingerprint: FINGERPRINT,
    findKey: (keyId) =>
      Promise.resolve(keyId === keyIdOf(KEY) ? { key: KEY, caller: { consoleId: 'k1' } } : null),
    now: () => now,
  });
}

const target = { method: 'GET', target: '/v1/inventory' };

describe('signed requests', () => {
  it('sign the documented message with HMAC-SHA256 of the key', () => {
    const header = signRequest(KEY, 'ada', GET, new Date(NOW));
    const parsed = parseAuthorization(header);
    expect(parsed?.fields).toMatchObject({
      keyId: keyIdOf(KEY),
      analyst: 'ada',
      time: NOW / 1000,
      bodySha256: EMPTY_BODY_SHA256,
    });
    const message = signedMessage(parsed!.fields, GET);
    expect(message.split('\n')).toEqual([
      'deskside-signed-request-v1',
      keyIdOf(KEY),
      FINGERPRINT,
      'ada',
      String(NOW / 1000),
      parsed!.fields.nonce,
      'GET',
      '/v1/inventory',
      EMPTY_BODY_SHA256,
    ]);
    expect(parsed!.signature).toBe(createHmac('sha256', KEY).update(message).digest('hex'));
  });

  it('are admitted once, with the caller of their key and the analyst named', async () => {
    const header = signRequest(KEY, 'Åsa Öberg (desk 2)', GET, new Date(NOW));
    const check = verifier();
    expect(await check.verify(header, target)).toEqual({
      ok: true,
      caller: { consoleId: 'k1' },
      analyst: 'Åsa Öberg (desk 2)',
      bodySha256: EMPTY_BODY_SHA256,
    });
    expect(await check.verify(header, target)).toEqual({ ok: false, why: 'replayed' });
  });

  it('are refused with a key the desk did not issue, or changed on the way', async () => {
    const check = verifier();
    const foreign = signRequest(OTHER_KEY, 'ada', GET, new Date(NOW));
    expect(await check.verify(foreign, target)).toEqual({ ok: false, why: 'unknown_key' });
    // A forger who knows the key id but not the key.
    const forged = foreign.replace(keyIdOf(OTHER_KEY), keyIdOf(KEY));
    expect(await check.verify(forged, target)).toEqual({ ok: false, why: 'bad_signature' });

    const header = signRequest(KEY, 'ada', GET, new Date(NOW));
    const changed = [
      header.replace('analyst=ada', 'analyst=bob'),
      header.replace(`body=${EMPTY_BODY_SHA256}`, `body=${bodySha256(Buffer.from('{}'))}`),
      header.replace(/time=(\d+)/, (_, t: string) => `time=${Number(t) + 1}`),
    ];
    for (const tampered of changed) {
      expect(await check.verify(tampered, target)).toEqual({ ok: false, why: 'bad_signature' });
    }
    for (const other of [
      { method: 'POST', target: '/v1/inventory' },
      { method: 'GET', target: '/v1/checks' },
      { method: 'GET', target: '/v1/inventory?sections=os' },
    ]) {
      expect(await check.verify(header, other)).toEqual({ ok: false, why: 'bad_signature' });
    }
    // Signed for another agent (a pre-provisioned token is the same key on many).
    const elsewhere = signRequest(KEY, 'ada', { ...GET, agentFingerprint: '00:11' }, new Date(NOW));
    expect(await check.verify(elsewhere, target)).toEqual({ ok: false, why: 'bad_signature' });
  });

  it('are refused outside the window either way', async () => {
    for (const skew of [SIGNATURE_WINDOW_MS + 1_000, -(SIGNATURE_WINDOW_MS + 1_000)]) {
      const header = signRequest(KEY, 'ada', GET, new Date(NOW + skew));
      expect(await verifier().verify(header, target)).toEqual({
        ok: false,
        why: 'outside_window',
      });
    }
    const header = signRequest(KEY, 'ada', GET, new Date(NOW - SIGNATURE_WINDOW_MS + 1_000));
    expect((await verifier().verify(header, target)).ok).toBe(true);
  });

  it('parse one spelling only', () => {
    const header = signRequest(KEY, 'ada', GET, new Date(NOW));
    expect(parseAuthorization(header)).not.toBeNull();
    for (const bad of [
      undefined,
      '',
      header.replace('Deskside-Signed', 'deskside-signed'),
      `${header},extra=1`,
      header.replace('analyst=ada', 'analyst=%61da'),
      header.replace('analyst=ada', 'analyst=%E0%A4%A'),
      header.replace(/signature=[0-9a-f]+/, 'signature=XYZ'),
      `Bearer ${'a'.repeat(40)}`,
    ]) {
      expect(parseAuthorization(bad)).toBeNull();
    }
  });
});

describe('the nonce ledger', () => {
  it('forgets nonces once their signature has expired, and stays bounded', () => {
    const ledger = new NonceLedger(3);
    expect(ledger.use('a', 100, 0)).toBe(true);
    expect(ledger.use('a', 100, 50)).toBe(false);
    expect(ledger.use('a', 200, 150)).toBe(true); // expired, so no longer remembered
    for (const nonce of ['b', 'c', 'd', 'e']) expect(ledger.use(nonce, 1_000, 160)).toBe(true);
    // Full: the oldest made way.
    expect(ledger.use('e', 1_000, 170)).toBe(false);
  });
});
