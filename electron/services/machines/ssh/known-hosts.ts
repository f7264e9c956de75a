/**
 * OpenSSH `known_hosts` files, for importing the host keys an analyst already trusts:
 * `[@marker] hosts key-type base64-key [comment]` per line, hosts as comma-separated
 * patterns (`*` and `?` wildcards, `!` to exclude, `[host]:port` off port 22) or hashed
 * (`|1|base64 salt|base64 HMAC-SHA1 of the host`, from `HashKnownHosts yes`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fingerprintOfKey } from './fingerprint';

type HostPattern =
  | { kind: 'plain'; pattern: string; negated: boolean }
  | { kind: 'hashed'; salt: Buffer; hash: Buffer };

export interface KnownHost {
  /** 1-based, for messages. */
  line: number;
  /** `@revoked` keys and `@cert-authority` keys are never a machine's own host key. */
  marker: 'revoked' | 'cert-authority' | null;
  hosts: HostPattern[];
  keyType: string;
  fingerprint: string;
}

export interface KnownHostsFile {
  entries: KnownHost[];
  /** Lines that could not be read, with why. */
  problems: { line: number; message: string }[];
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A public key blob starts with its own type name (SSH wire format: length, then name). */
function blobOfType(key: string, keyType: string): Buffer | null {
  if (!BASE64.test(key)) return null;
  const blob = Buffer.from(key, 'base64');
  if (blob.length < 4) return null;
  const length = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + length).toString('latin1') === keyType ? blob : null;
}

function parseHosts(field: string): HostPattern[] | null {
  if (field.startsWith('|1|')) {
    const [salt, hash] = field.slice(3).split('|');
    if (!salt || !hash || !BASE64.test(salt) || !BASE64.test(hash)) return null;
    return [
      { kind: 'hashed', salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') },
    ];
  }
  const patterns = field.split(',').filter((p) => p !== '');
  if (patterns.length === 0) return null;
  return patterns.map((p) =>
    p.startsWith('!')
      ? { kind: 'plain', pattern: p.slice(1).toLowerCase(), negated: true }
      : { kind: 'plain', pattern: p.toLowerCase(), negated: false },
  );
}

/** The entries of a known_hosts file; unreadable lines are listed, not thrown. */
export function parseKnownHosts(text: string): KnownHostsFile {
  const file: KnownHostsFile = { entries: [], problems: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    const fields = content.split(/\s+/);
    let marker: KnownHost['marker'] = null;
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') {
      marker = fields[0] === '@revoked' ? 'revoked' : 'cert-authority';
      fields.shift();
    } else if (fields[0]?.startsWith('@')) {
      file.problems.push({ line, message: `unknown marker ${fields[0]}` });
      return;
    }
    const [hostField, keyType, key] = fields;
    const hosts = hostField ? parseHosts(hostField) : null;
    const blob = keyType && key ? blobOfType(key, keyType) : null;
    if (!hosts || !keyType || !blob) {
      file.problems.push({
        line,
        message: 'expected hosts, a key type and a base64 key of that type',
      });
      return;
    }
    file.entries.push({
      line,
      marker,
      hosts,
      keyType,
      fingerprint: fingerprintOfKey(blob),
    });
  });
  return file;
}

/** How known_hosts names a server: `host` on port 22, else `[host]:port`. */
export function knownHostsName(host: string, port = 22): string {
  const name = host.toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

function wildcardMatch(pattern: string, name: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(name);
}

function hashedMatch(salt: Buffer, hash: Buffer, name: string): boolean {
  const mac = createHmac('sha1', salt).update(name).digest();
  return mac.length === hash.length && timingSafeEqual(mac, hash);
}

/** Whether the entry's hosts name `host` on `port` (a `!` pattern that matches excludes it). */
export function namesHost(entry: KnownHost, host: string, port = 22): boolean {
  const name = knownHostsName(host, port);
  let matched = false;
  for (const pattern of entry.hosts) {
    if (pattern.kind === 'hashed') {
      matched ||= hashedMatch(pattern.salt, pattern.hash, name);
    } else if (wildcardMatch(pattern.pattern, name)) {
      if (pattern.negated) return false;
      matched = true;
    }
  }
  return matched;
}

/**
 * The fingerprints of the host keys `text` trusts for `host` on `port`: what an import
 * offers the analyst to confirm. Revoked keys and certificate authorities are left out.
 */
export function knownHostFingerprints(text: string, host: string, port = 22): string[] {
  const { entries } = parseKnownHosts(text);
  const revoked = new Set(entries.filter((e) => e.marker === 'revoked').map((e) => e.fingerprint));
  const found = entries
    .filter((e) => e.marker === null && !revoked.has(e.fingerprint) && namesHost(e, host, port))
    .map((e) => e.fingerprint);
  return [...new Set(found)];
}
