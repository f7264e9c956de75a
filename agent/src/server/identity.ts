import { X509Certificate, createHash, randomBytes, webcrypto } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The agent's TLS identity: a self-signed certificate the console pins by fingerprint. */
export interface AgentIdentity {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the certificate's DER bytes, "AB:CD:..." (what consoles pin). */
  fingerprint: string;
}

const CERT_FILE = 'agent-cert.pem';
const KEY_FILE = 'agent-key.pem';
const VALIDITY_YEARS = 10;

export function certificateFingerprint(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function createSelfSigned(): Promise<{ certPem: string; keyPem: string }> {
  // Loaded only when a certificate is created: the library is large and rarely needed.
  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');
  type X509Crypto = Parameters<typeof x509.cryptoProvider.set>[0];
  x509.cryptoProvider.set(webcrypto as unknown as X509Crypto);
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore);
  notAfter.setFullYear(notAfter.getFullYear() + VALIDITY_YEARS);
  const hostname = os.hostname().replace(/[,=+<>#;"\\]/g, '-');
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(16)
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: `CN=${hostname}, O=Deskside agent`,
    notBefore,
    notAfter,
    signingAlgorithm: algorithm,
    keys,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const keyPem = x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
  return { certPem: cert.toString('pem'), keyPem };
}

/** The certificate in the data folder, or null before the first start (nothing is created). */
export async function readCertificate(
  dataDir: string,
): Promise<Pick<AgentIdentity, 'certPem' | 'fingerprint'> | null> {
  const certPem = await readIfExists(path.join(dataDir, CERT_FILE));
  return certPem ? { certPem, fingerprint: certificateFingerprint(certPem) } : null;
}

/**
 * Loads the identity from the data folder, creating it on first run. The key file is
 * readable by the agent's user only.
 */
export async function loadOrCreateIdentity(
  dataDir: string,
): Promise<AgentIdentity & { created: boolean }> {
  const certFile = path.join(dataDir, CERT_FILE);
  const keyFile = path.join(dataDir, KEY_FILE);
  const [certPem, keyPem] = await Promise.all([readIfExists(certFile), readIfExists(keyFile)]);
  if (certPem && keyPem) {
    return { certPem, keyPem, fingerprint: certificateFingerprint(certPem), created: false };
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const generated = await createSelfSigned();
  await writeFile(keyFile, generated.keyPem, { mode: 0o600 });
  await writeFile(certFile, generated.certPem, { mode: 0o644 });
  return { ...generated, fingerprint: certificateFingerprint(generated.certPem), created: true };
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
