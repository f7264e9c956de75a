/**
 * Each analyst's own SSH logins (a private key and its passphrase, a password, or which
 * ssh-agent to use), per machine. They never go to the desk's database: another analyst
 * logs in to the same machine with their own. A login is held in memory for this console's
 * session, or, when the analyst asks the console to remember it, sealed by the console's
 * secret box (the OS keychain in the desktop app, the key-file box in browser mode) in a file
 * of this analyst's own on this PC.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { SshAuthSchema, type SshAuth, type SshLoginState } from '@deskside/core';
import type { SecretBox } from '../../secrets/secret-box';

export interface SshLogin {
  auth: SshAuth;
  /** The login to the jump host, where the machine has one. */
  jumpAuth?: SshAuth;
}

const SshLoginSchema = z.object({ auth: SshAuthSchema, jumpAuth: SshAuthSchema.optional() });

/** The file: machine id -> the login's JSON, sealed. Nothing in it is readable unsealed. */
const LoginsFileSchema = z.object({
  version: z.literal(1),
  logins: z.record(z.string(), z.string()),
});

export interface SshLoginsOptions {
  /** The console's data folder; logins are kept under `ssh-logins/`. */
  dataDir: string;
  /** The analyst signed in at this console: each analyst has a file of their own. */
  analyst: string;
  secrets: SecretBox;
}

export class SshLogins {
  private readonly session = new Map<string, SshLogin>();
  private remembered: Map<string, string> | undefined;
  private readonly file: string;
  /** Writes one after another, so two changes never race on the file. */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: SshLoginsOptions) {
    const name = createHash('sha256').update(options.analyst).digest('hex').slice(0, 32);
    this.file = path.join(options.dataDir, 'ssh-logins', `${name}.json`);
  }

  /** How the sealed logins are protected: `os-keychain` or `key-file`. */
  get protection(): SecretBox['protection'] {
    return this.options.secrets.protection;
  }

  private async load(): Promise<Map<string, string>> {
    if (this.remembered) return this.remembered;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      text = '{"version":1,"logins":{}}';
    }
    const parsed = LoginsFileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new Error(`${this.file} is damaged: remove it and log in to the machines again`);
    }
    this.remembered = new Map(Object.entries(parsed.data.logins));
    return this.remembered;
  }

  private save(logins: Map<string, string>): Promise<void> {
    const body = JSON.stringify({ version: 1, logins: Object.fromEntries(logins) });
    const write = async () => {
      await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const temporary = `${this.file}.${process.pid}.tmp`;
      await writeFile(temporary, body, { mode: 0o600 });
      await rename(temporary, this.file);
    };
    this.writing = this.writing.then(write, write);
    return this.writing;
  }

  /** The analyst's login to `machineId`, or undefined if they have none at this console. */
  async get(machineId: string): Promise<SshLogin | undefined> {
    const held = this.session.get(machineId);
    if (held) return held;
    const sealed = (await this.load()).get(machineId);
    if (sealed === undefined) return undefined;
    const login = SshLoginSchema.parse(JSON.parse(this.options.secrets.open(sealed)));
    this.session.set(machineId, login);
    return login;
  }

  async state(
    machineId: string,
  ): Promise<{ login: SshLoginState; authKind: SshAuth['kind'] | null }> {
    const remembered = (await this.load()).has(machineId);
    const login = this.session.get(machineId);
    if (remembered) {
      return { login: 'remembered', authKind: (await this.get(machineId))?.auth.kind ?? null };
    }
    return login
      ? { login: 'session', authKind: login.auth.kind }
      : { login: 'none', authKind: null };
  }

  /** Keeps a login for this session, and sealed on this PC too when `remember` is set. */
  async set(machineId: string, login: SshLogin, remember: boolean): Promise<void> {
    const logins = await this.load();
    this.session.set(machineId, login);
    if (remember) {
      logins.set(machineId, this.options.secrets.seal(JSON.stringify(login)));
      await this.save(logins);
    } else if (logins.delete(machineId)) {
      await this.save(logins);
    }
  }

  /** Forgets the analyst's login to `machineId`, in memory and on disk. */
  async forget(machineId: string): Promise<void> {
    this.session.delete(machineId);
    const logins = await this.load();
    if (logins.delete(machineId)) await this.save(logins);
  }
}
