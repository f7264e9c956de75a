/**
 * Throwaway mail servers for tests: a private Dovecot (IMAP and LMTP on free ports of
 * 127.0.0.1, its own configuration, users and mail in a temporary folder, run as the user
 * running the tests) and an SMTP server made with the `smtp-server` package that delivers
 * every message it accepts into Dovecot over LMTP, so what the desk sends lands in the
 * recipients' mailboxes. Both are stopped, and the folder removed, by `stop()`. Dovecot comes
 * from `DESKSIDE_DOVECOT` or the system (`npm run setup` installs the distribution's
 * dovecot-imapd and dovecot-lmtpd).
 */
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ImapFlow } from 'imapflow';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll } from 'vitest';
import type { SaveMailSettingsInput } from '@deskside/core';
import type { SmtpAccount } from '../../electron/services/mail/mail-outbox';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { freePort } from './free-port';
import { ManagedProcess } from './managed-process';

const START_TIMEOUT_MS = 15_000;
/** Where distributions and Homebrew put dovecot, which is often not on a user's PATH. */
const DOVECOT_PLACES = [
  '/usr/sbin/dovecot',
  '/usr/local/sbin/dovecot',
  '/opt/homebrew/sbin/dovecot',
];

/** The dovecot the tests start: `DESKSIDE_DOVECOT` where set, else the system's, else null. */
export function findDovecot(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.DESKSIDE_DOVECOT) return existsSync(env.DESKSIDE_DOVECOT) ? env.DESKSIDE_DOVECOT : null;
  const onPath = (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, 'dovecot'));
  const found = [...onPath, ...DOVECOT_PLACES].find((candidate) => existsSync(candidate));
  if (!found) return null;
  // The server alone is not enough: Debian ships IMAP and LMTP in packages of their own.
  const libexec = ['/usr/lib/dovecot', '/usr/libexec/dovecot', '/usr/local/libexec/dovecot'];
  const has = (program: string) => libexec.some((dir) => existsSync(path.join(dir, program)));
  return has('imap') && has('lmtp') ? found : null;
}

export interface MailUser {
  /** The login, which is also the address (`name@desk.test`). */
  address: string;
  password: string;
}

/** The desk's mailbox and a requester's, as the mail tests use them. */
export const DESK_MAILBOX: MailUser = { address: 'desk@desk.test', password: 'desk-secret' };
export const ANN_MAILBOX: MailUser = { address: 'ann@desk.test', password: 'ann-secret' };

export interface MailServers {
  readonly host: '127.0.0.1';
  readonly imapPort: number;
  readonly lmtpPort: number;
  /** The test SMTP server: accepts any sender, delivers to Dovecot's users, refuses others. */
  readonly smtpPort: number;
  readonly users: readonly MailUser[];
  /** Sends a raw RFC 5322 message by SMTP (from the envelope sender to the recipients). */
  sendRaw(raw: string | Buffer, envelope: { from: string; to: string[] }): Promise<void>;
  /** Everything Dovecot logged so far (for a failing test's message). */
  log(): Promise<string>;
  stop(): Promise<void>;
}

const userLine = (user: MailUser, uid: number, gid: number, home: string) =>
  `${user.address}:{PLAIN}${user.password}:${uid}:${gid}::${home}::\n`;

interface Accounts {
  /** Dovecot's own processes. */
  internal: string;
  login: string;
  group: string;
  /** Who owns the mail. */
  uid: number;
  gid: number;
}

const idOf = (flag: string, user?: string) =>
  execFileSync('id', [flag, ...(user ? [user] : [])], { encoding: 'utf8' }).trim();

/**
 * Dovecot refuses to run its login processes or to store mail as root. Run by root, the test
 * server uses the accounts the distribution's package made (dovecot, dovenull), and keeps the
 * mail as dovecot; run by anyone else, everything runs as that user.
 */
function accounts(): Accounts {
  const me = os.userInfo();
  if (me.uid !== 0) {
    return {
      internal: me.username,
      login: me.username,
      group: idOf('-gn'),
      uid: me.uid,
      gid: me.gid,
    };
  }
  return {
    internal: 'dovecot',
    login: 'dovenull',
    group: idOf('-gn', 'dovecot'),
    uid: Number(idOf('-u', 'dovecot')),
    gid: Number(idOf('-g', 'dovecot')),
  };
}

function dovecotConfig(dir: string, imapPort: number, lmtpPort: number, who: Accounts): string {
  const root = os.userInfo().uid === 0;
  return `# Deskside test server: everything in ${dir}, listening on 127.0.0.1 only.
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
auth_mechanisms = plain login
disable_plaintext_auth = no
default_internal_user = ${who.internal}
default_internal_group = ${who.group}
default_login_user = ${who.login}
first_valid_uid = ${who.uid}
last_valid_uid = ${who.uid}
first_valid_gid = 0
mail_location = maildir:~/Maildir
mail_plugins =
namespace inbox {
  inbox = yes
  separator = /
  mailbox Archive {
    auto = create
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/users
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
  ${root ? '' : 'chroot ='}
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${lmtpPort}
  }
  unix_listener lmtp {
    mode = 0600
  }
}
service anvil {
  ${root ? '' : 'chroot ='}
}
service imap-urlauth-login {
  ${root ? '' : 'chroot ='}
}
protocol lmtp {
  postmaster_address = postmaster@desk.test
}
lda_mailbox_autocreate = yes
`;
}

/**
 * Starts Dovecot with `users` (addresses at desk.test, their passwords) and the SMTP server
 * delivering into it; resolves once both accept connections.
 */
export async function startMailServers(users: readonly MailUser[]): Promise<MailServers> {
  const dovecot = findDovecot();
  if (!dovecot) {
    throw new Error(
      'No Dovecot with IMAP and LMTP here: run `npm run setup`, or set DESKSIDE_DOVECOT',
    );
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-mail-'));
  const [imapPort, lmtpPort] = [await freePort(), await freePort()];
  const who = accounts();
  const { uid, gid } = who;
  await Promise.all(['run', 'state', 'mail'].map((sub) => mkdir(path.join(dir, sub))));
  // The mail folder belongs to whoever stores the mail (dovecot, when root runs the tests).
  await chown(path.join(dir, 'mail'), uid, gid);
  await chmod(dir, 0o755);
  await writeFile(
    path.join(dir, 'users'),
    users.map((user) => userLine(user, uid, gid, path.join(dir, 'mail', user.address))).join(''),
    { mode: 0o600 },
  );
  // Read by Dovecot's auth process, which runs as the internal account.
  await chown(path.join(dir, 'users'), uid, gid);
  const configFile = path.join(dir, 'dovecot.conf');
  await writeFile(configFile, dovecotConfig(dir, imapPort, lmtpPort, who));
  const logFile = path.join(dir, 'dovecot.log');
  const server = await ManagedProcess.start(dovecot, ['-F', '-c', configFile], {
    label: 'dovecot',
  });
  let smtp: SMTPServer | null = null;
  const stop = async () => {
    const running = smtp;
    if (running) {
      await new Promise<void>((resolve) => {
        running.close(() => {
          resolve();
        });
      });
    }
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const log = () => readFile(logFile, 'utf8').catch(() => '');
    await server.waitForPort(imapPort, START_TIMEOUT_MS, log);
    await server.waitForPort(lmtpPort, START_TIMEOUT_MS, log);
    const smtpPort = await freePort();
    smtp = testSmtpServer(users, lmtpPort);
    await new Promise<void>((resolve, reject) => {
      smtp!.once('error', reject);
      smtp!.listen(smtpPort, '127.0.0.1', () => {
        resolve();
      });
    });
    const sender = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    return {
      host: '127.0.0.1',
      imapPort,
      lmtpPort,
      smtpPort,
      users,
      async sendRaw(raw, envelope) {
        await sender.sendMail({ envelope, raw });
      },
      log: () => readFile(logFile, 'utf8').catch(() => ''),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Starts the servers before a test file's tests and stops them after them all; `get()` is the
 * running servers inside a test.
 */
export function mailServersForFile(users: readonly MailUser[]): { get(): MailServers } {
  let servers: MailServers | undefined;
  beforeAll(async () => {
    servers = await startMailServers(users);
  });
  afterAll(async () => {
    await servers?.stop();
  });
  return {
    get() {
      if (!servers) throw new Error('The mail servers have not started');
      return servers;
    },
  };
}

/**
 * The desk's mail settings for the test servers, as the settings screen saves them: `desk`'s
 * mailbox read (from `folder`, marked seen unless told otherwise), and the test SMTP server
 * with `desk` as sender when `sending` is set.
 */
export function deskMailSettings(
  servers: MailServers,
  desk: MailUser,
  options: {
    folder?: string;
    afterIntake?: SaveMailSettingsInput['imap']['afterIntake'];
    sending?: boolean;
  } = {},
): SaveMailSettingsInput {
  return {
    enabled: true,
    imap: {
      host: servers.host,
      port: servers.imapPort,
      security: 'none',
      user: desk.address,
      password: desk.password,
      folder: options.folder ?? 'INBOX',
      afterIntake: options.afterIntake ?? { kind: 'seen' },
    },
    ...(options.sending
      ? {
          smtp: {
            host: servers.host,
            port: servers.smtpPort,
            security: 'none',
            from: desk.address,
          },
        }
      : {}),
  };
}

/** The desk's account on the test SMTP server, as sending takes it. */
export const smtpAccountOf = (servers: MailServers, from: string): SmtpAccount => ({
  host: servers.host,
  port: servers.smtpPort,
  security: 'none',
  user: '',
  password: '',
  from,
});

/** An IMAP client of the test Dovecot for `user` (not connected yet). */
export function imapClient(servers: MailServers, user: MailUser): ImapFlow {
  const client = new ImapFlow({
    host: servers.host,
    port: servers.imapPort,
    secure: false,
    doSTARTTLS: false,
    auth: { user: user.address, pass: user.password },
    logger: false,
  });
  client.on('error', () => undefined);
  return client;
}

/** Sends a message by the test SMTP server to `to` (it is in the mailbox once this resolves). */
export async function sendMail(
  servers: MailServers,
  to: MailUser,
  message: SendMailOptions,
): Promise<void> {
  const smtp = nodemailer.createTransport({
    host: servers.host,
    port: servers.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  await smtp.sendMail({ to: to.address, ...message });
}

/** The raw messages in `user`'s inbox, removed from it so the next reading starts empty. */
export async function takeMail(servers: MailServers, user: MailUser): Promise<Buffer[]> {
  const client = imapClient(servers, user);
  await client.connect();
  const lock = await client.getMailboxLock('INBOX');
  try {
    const sources: Buffer[] = [];
    if (client.mailbox && client.mailbox.exists > 0) {
      for await (const message of client.fetch('1:*', { source: true })) {
        if (message.source) sources.push(message.source);
      }
      await client.messageDelete('1:*');
    }
    return sources;
  } finally {
    lock.release();
    await client.logout();
  }
}

/** The messages in `user`'s inbox, parsed, and removed from it. */
export async function takeParsedMail(servers: MailServers, user: MailUser): Promise<ParsedMail[]> {
  return Promise.all((await takeMail(servers, user)).map((source) => simpleParser(source)));
}

/**
 * The SMTP side: accepts mail on 127.0.0.1 without authentication or TLS, refuses
 * recipients Dovecot does not know, and hands each message to Dovecot over LMTP before it
 * answers, so an accepted message is already in the mailbox.
 */
function testSmtpServer(users: readonly MailUser[], lmtpPort: number): SMTPServer {
  const known = new Set(users.map((user) => user.address.toLowerCase()));
  const lmtp = nodemailer.createTransport({
    host: '127.0.0.1',
    port: lmtpPort,
    lmtp: true,
    secure: false,
    ignoreTLS: true,
  });
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 30 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (known.has(address.address.toLowerCase())) callback();
      else
        callback(Object.assign(new Error(`No mailbox ${address.address}`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        lmtp
          .sendMail({ envelope: { from, to }, raw: Buffer.concat(chunks) })
          .then(() => {
            callback();
          })
          .catch((error: unknown) => {
            callback(error instanceof Error ? error : new Error(String(error)));
          });
      });
    },
  });
}
