import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateFingerprint, loadOrCreateIdentity } from './identity';

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

describe('loadOrCreateIdentity', () => {
  let root: string;
  let dataDir: string;
  let first: Awaited<ReturnType<typeof loadOrCreateIdentity>>;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'deskside-identity-'));
    dataDir = path.join(root, 'agent-data');
    first = await loadOrCreateIdentity(dataDir);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates a certificate and its key on first use', async () => {
    expect(first.created).toBe(true);
    expect(await readFile(path.join(dataDir, 'agent-cert.pem'), 'utf8')).toBe(first.certPem);
    expect(await readFile(path.join(dataDir, 'agent-key.pem'), 'utf8')).toBe(first.keyPem);
    expect(first.certPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(first.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it.skipIf(process.platform === 'win32')('keeps the key readable by its owner only', async () => {
    expect((await stat(path.join(dataDir, 'agent-key.pem'))).mode & 0o777).toBe(0o600);
  });

  it('reports the SHA-256 fingerprint of the certificate, as OpenSSL prints it', () => {
    expect(first.fingerprint).toMatch(FINGERPRINT);
    expect(first.fingerprint).toBe(new X509Certificate(first.certPem).fingerprint256);
    expect(certificateFingerprint(first.certPem)).toBe(first.fingerprint);
  });

  it('stores the private key of a self-signed, still valid certificate', () => {
    const cert = new X509Certificate(first.certPem);
    expect(cert.checkPrivateKey(createPrivateKey(first.keyPem))).toBe(true);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now());
  });

  it('returns the same identity on later calls', async () => {
    const again = await loadOrCreateIdentity(dataDir);
    expect(again.created).toBe(false);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.certPem).toBe(first.certPem);
    expect(again.keyPem).toBe(first.keyPem);
  });

  it('creates a different identity in another folder', async () => {
    const other = await loadOrCreateIdentity(path.join(root, 'other-agent'));
    expect(other.created).toBe(true);
    expect(other.fingerprint).not.toBe(first.fingerprint);
  });
});
