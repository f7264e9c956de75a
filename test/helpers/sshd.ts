/**
 * A throwaway OpenSSH server for tests and benchmarks: sshd on a free port on 127.0.0.1
 * with a host key, config and authorized_keys in a temporary folder, for the user running
 * the tests (no OS user is created, so it works the same as root in CI and on a laptop),
 * stopped by its pid and the folder removed afterwards. sshd comes from `DESKSIDE_SSHD` or
 * the system (`npm run setup` installs the distribution's openssh-server).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';
import { ManagedProcess } from './managed-process';

const run = promisify(execFile);
const START_TIMEOUT_MS = 15_000;
/** Where distributions and Homebrew put sshd, which is often not on a user's PATH. */
const SSHD_PLACES = ['/usr/sbin/sshd', '/usr/local/sbin/sshd', '/opt/homebrew/sbin/sshd'];

/** The sshd the tests start: `DESKSIDE_SSHD` where set, else the system's, else null. */
export function findSshd(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.DESKSIDE_SSHD) return existsSync(env.DESKSIDE_SSHD) ? env.DESKSIDE_SSHD : null;
  const onPath = (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, 'sshd'));
  return [...onPath, ...SSHD_PLACES].find((candidate) => existsSync(candidate)) ?? null;
}

/** ssh-keygen from the same installation as sshd (OpenSSH ships them together). */
function findSshKeygen(sshd: string): string {
  const candidates = [
    path.join(path.dirname(sshd), '..', 'bin', 'ssh-keygen'),
    '/usr/bin/ssh-keygen',
    '/usr/local/bin/ssh-keygen',
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? 'ssh-keygen';
}

export type SshKeyType = 'ed25519' | 'ecdsa' | 'rsa';

export interface SshKeyPair {
  privateKeyPath: string;
  /** The private key file's text (OpenSSH format). */
  privateKey: string;
  /** The public key as one authorized_keys line. */
  publicKey: string;
  /** `SHA256:<base64>` as `ssh-keygen -l` prints it. */
  fingerprint: string;
}

/** A new key pair made by ssh-keygen in `dir`, encrypted when a passphrase is given. */
export async function makeSshKey(
  dir: string,
  name: string,
  type: SshKeyType = 'ed25519',
  passphrase = '',
): Promise<SshKeyPair> {
  const sshd = findSshd();
  const keygen = findSshKeygen(sshd ?? '/usr/sbin/sshd');
  const privateKeyPath = path.join(dir, name);
  const size = type === 'rsa' ? ['-b', '3072'] : type === 'ecdsa' ? ['-b', '256'] : [];
  await run(keygen, [
    '-q',
    '-t',
    type,
    ...size,
    '-N',
    passphrase,
    '-C',
    name,
    '-f',
    privateKeyPath,
  ]);
  const [privateKey, publicKey, listed] = await Promise.all([
    readFile(privateKeyPath, 'utf8'),
    readFile(`${privateKeyPath}.pub`, 'utf8'),
    run(keygen, ['-l', '-E', 'sha256', '-f', `${privateKeyPath}.pub`]),
  ]);
  const fingerprint = /SHA256:[A-Za-z0-9+/]+/.exec(listed.stdout)?.[0];
  if (!fingerprint) throw new Error(`ssh-keygen -l printed no fingerprint: ${listed.stdout}`);
  return { privateKeyPath, privateKey, publicKey: publicKey.trim(), fingerprint };
}

export interface SshServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** The user tests log in as: the one running them. */
  readonly username: string;
  readonly pid: number;
  /** The server's ed25519 host key. */
  readonly hostKey: SshKeyPair;
  /** Lets `publicKey` (an authorized_keys line) log in. */
  authorize(publicKey: string): Promise<void>;
  /** Everything sshd logged so far (for assertions and diagnosis). */
  log(): string;
  stop(): Promise<void>;
}

export interface StartSshdOptions {
  /** authorized_keys lines allowed from the start. */
  authorizedKeys?: readonly string[];
  /** A host key to reuse (a restarted server, or a second one sharing a key). */
  hostKey?: SshKeyPair;
}

/**
 * Starts sshd for the current user on a free port of 127.0.0.1 (call it twice for a jump
 * host and the machine behind it). Only public keys log in; password and keyboard-interactive
 * logins are off, so no OS password is ever needed or used.
 */
export async function startSshd(options: StartSshdOptions = {}): Promise<SshServer> {
  const sshd = findSshd();
  if (!sshd) {
    throw new Error('No OpenSSH server (sshd) here: run `npm run setup`, or set DESKSIDE_SSHD');
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-sshd-'));
  // Run as root, sshd needs its privilege separation folder, which is created at boot by
  // the distribution's service (absent where sshd never ran as a service, as in containers).
  if (process.getuid?.() === 0) await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  const hostKey = options.hostKey ?? (await makeSshKey(dir, 'host_ed25519_key'));
  const hostKeyPath = path.join(dir, 'host_key');
  await writeFile(hostKeyPath, hostKey.privateKey, { mode: 0o600 });
  const authorizedKeys = path.join(dir, 'authorized_keys');
  await writeFile(authorizedKeys, (options.authorizedKeys ?? []).map((k) => `${k}\n`).join(''));
  await chmod(authorizedKeys, 0o600);
  const home = path.join(dir, 'home');
  await mkdir(home);
  const port = await freePort();
  const config = path.join(dir, 'sshd_config');
  await writeFile(
    config,
    [
      `ListenAddress 127.0.0.1`,
      `Port ${port}`,
      `HostKey ${hostKeyPath}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${authorizedKeys}`,
      // The temporary folder is not laid out as a home's .ssh: do not insist that it is.
      'StrictModes no',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'PermitRootLogin prohibit-password',
      // A jump host forwards TCP to the machine behind it.
      'AllowTcpForwarding yes',
      // Commands start in an empty home, so the tester's own start-up files (a .bashrc
      // that runs pyenv or nvm takes a second or more per command) stay out of the tests.
      `SetEnv HOME=${home}`,
      'LogLevel VERBOSE',
      '',
    ].join('\n'),
  );
  const server = await ManagedProcess.start(sshd, ['-D', '-e', '-f', config], { label: 'sshd' });
  try {
    await server.waitForPort(port, START_TIMEOUT_MS);
  } catch (error) {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    host: '127.0.0.1',
    port,
    username: os.userInfo().username,
    pid: server.pid,
    hostKey,
    async authorize(publicKey) {
      const current = await readFile(authorizedKeys, 'utf8');
      await writeFile(authorizedKeys, `${current}${publicKey}\n`);
    },
    log: () => server.output(),
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
