import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { normalizeSshFingerprint } from '@deskside/core';
import { describe, expect, it } from 'vitest';
import { fingerprintFromHex, fingerprintOfKey } from './fingerprint';
import { knownHostFingerprints, parseKnownHosts } from './known-hosts';

// A real ed25519 host key and the fingerprint `ssh-keygen -l -E sha256` prints for it.
const KEY = 'AAAAC3NzaC1lZDI1NTE5AAAAIK0wmN/Cr3JXqmLW7u+g9pSh+xw4B3BVYaCIxNC0bi7v';
const FINGERPRINT = readFileSync(
  new URL('fixtures/ed25519.fingerprint.txt', import.meta.url),
  'utf8',
).trim();

function hashed(name: string): string {
  const salt = Buffer.from('0123456789abcdefghij');
  const hash = createHmac('sha1', salt).update(name).digest('base64');
  return `|1|${salt.toString('base64')}|${hash}`;
}

describe('host key fingerprints', () => {
  it('match what ssh-keygen prints for the same key', () => {
    expect(fingerprintOfKey(Buffer.from(KEY, 'base64'))).toBe(FINGERPRINT);
  });

  it("turn ssh2's hex digest into OpenSSH's base64 form without padding", () => {
    const hex = Buffer.from(FINGERPRINT.slice(7) + '=', 'base64').toString('hex');
    expect(fingerprintFromHex(hex)).toBe(FINGERPRINT);
    expect(normalizeSshFingerprint(hex.match(/../g)!.join(':').toUpperCase())).toBe(FINGERPRINT);
  });

  it('are read as typed (with or without the prefix or padding) and refused when not SHA-256', () => {
    expect(normalizeSshFingerprint(` ${FINGERPRINT.slice(7)}= `)).toBe(FINGERPRINT);
    expect(normalizeSshFingerprint(FINGERPRINT.replace('SHA256', 'sha256'))).toBe(FINGERPRINT);
    expect(normalizeSshFingerprint('MD5:12:34')).toBeNull();
    expect(normalizeSshFingerprint(`${FINGERPRINT}x`)).toBeNull();
    // 43 characters whose last one would leave bits over: no 32-byte digest reads like that.
    expect(normalizeSshFingerprint(`SHA256:${'A'.repeat(42)}B`)).toBeNull();
  });
});

describe('known_hosts', () => {
  const file = [
    '# comment',
    '',
    `server.example.org,192.0.2.10 ssh-ed25519 ${KEY} comment`,
    `[server.example.org]:2222 ssh-ed25519 ${KEY}`,
    `${hashed('hashed.example.org')} ssh-ed25519 ${KEY}`,
    `${hashed('[hashed.example.org]:2200')} ssh-ed25519 ${KEY}`,
    `*.lab.example.org,!printer.lab.example.org ssh-ed25519 ${KEY}`,
    `@cert-authority *.example.org ssh-ed25519 ${KEY}`,
    'not a key line',
  ].join('\n');

  it('reads plain, bracketed, hashed and wildcard hosts, and lists the lines it cannot read', () => {
    const parsed = parseKnownHosts(file);
    expect(parsed.entries).toHaveLength(6);
    expect(parsed.entries[0]).toMatchObject({
      line: 3,
      keyType: 'ssh-ed25519',
      fingerprint: FINGERPRINT,
      marker: null,
    });
    expect(parsed.problems).toEqual([
      { line: 9, message: expect.stringContaining('key') as string },
    ]);
  });

  it.each([
    ['server.example.org', 22, true],
    ['SERVER.example.org', 22, true],
    ['192.0.2.10', 22, true],
    ['server.example.org', 2222, true],
    ['server.example.org', 2200, false],
    ['hashed.example.org', 22, true],
    ['hashed.example.org', 2200, true],
    ['hashed.example.org', 2222, false],
    ['pc1.lab.example.org', 22, true],
    ['printer.lab.example.org', 22, false],
    ['other.example.org', 22, false],
  ])('finds the key for %s port %i: %s', (host, port, found) => {
    expect(knownHostFingerprints(file, host, port)).toEqual(found ? [FINGERPRINT] : []);
  });

  it('leaves out revoked keys', () => {
    const revoked = `${file}\n@revoked * ssh-ed25519 ${KEY}`;
    expect(knownHostFingerprints(revoked, 'server.example.org')).toEqual([]);
  });
});
