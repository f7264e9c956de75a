/**
 * `npm run fleet -- <command>`: the desk's fleet keys and identities, until the console does
 * this itself. The keys live in `--keys-dir`, sealed by a key file beside them
 * (`secrets.key`, as in the console's browser mode); keep that folder like any desk secret.
 *
 *   init           --keys-dir DIR [--name DESK]
 *   server-config  --keys-dir DIR --store-dir DIR --resolver-dir DIR [--host H] [--port P]
 *                  [--tls-cert FILE --tls-key FILE [--tls-ca FILE [--tls-verify]]]
 *                  (with --tls-cert, clients must connect with TLS; --tls-verify also asks
 *                  each client for a certificate signed by --tls-ca)
 *   issue-agent    --keys-dir DIR --agent ID --out FILE.creds [--days N]
 *   issue-console  --keys-dir DIR --console ID --role analyst|lead|admin --out FILE.creds [--days N]
 *   revoke         --keys-dir DIR (--agent ID | --public-key U...) --server nats://...
 *   init-server    --keys-dir DIR --server nats://... [--presence-ttl-seconds N]
 *                  (the buckets and streams, as a short-lived administrator; idempotent)
 */
import { existsSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect, credsAuthenticator } from '@nats-io/transport-node';
import { AnalystRoleSchema, fleetInboxPrefix } from '@deskside/core';
import { pushFleetAccount } from '../electron/services/fleet/account-updates';
import { FleetAuthority } from '../electron/services/fleet/fleet-authority';
import {
  FLEET_KEYS_FILE,
  loadFleetAuthority,
  saveFleetAuthority,
} from '../electron/services/fleet/fleet-keystore';
import { ensureFleetStorage } from '../electron/services/fleet/fleet-storage';
import { natsServerConfig } from '../electron/services/fleet/server-config';
import { createKeyFileSecretBox } from '../electron/services/secrets/secret-box';

const USAGE = `Usage: npm run fleet -- init|server-config|issue-agent|issue-console|revoke|init-server --keys-dir DIR ...
  (see the comment at the top of scripts/fleet.ts)`;
const DAY_MS = 86_400_000;

class UsageError extends Error {}

/** Runs one `fleet` command; what it prints goes to `out` and `err`. Returns the exit code. */
export async function runFleet(
  argv: readonly string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        'keys-dir': { type: 'string' },
        name: { type: 'string', default: 'deskside' },
        'store-dir': { type: 'string' },
        'resolver-dir': { type: 'string' },
        host: { type: 'string', default: '0.0.0.0' },
        port: { type: 'string', default: '4222' },
        agent: { type: 'string' },
        console: { type: 'string' },
        role: { type: 'string' },
        out: { type: 'string' },
        days: { type: 'string' },
        'public-key': { type: 'string' },
        server: { type: 'string' },
        'presence-ttl-seconds': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'tls-ca': { type: 'string' },
        'tls-verify': { type: 'boolean', default: false },
      },
    });
    const need = (name: Exclude<keyof typeof values, 'tls-verify'>): string => {
      const value = values[name];
      if (!value) throw new UsageError(`--${name} is required`);
      return value;
    };
    const keysDir = path.resolve(need('keys-dir'));
    const secrets = () => createKeyFileSecretBox(keysDir);
    const authority = async () => {
      const found = await loadFleetAuthority(keysDir, secrets());
      if (!found) throw new UsageError(`${keysDir} holds no fleet keys: run \`fleet init\` first`);
      return found;
    };
    const expiresAt = () => {
      if (values.days === undefined) return undefined;
      const days = Number(values.days);
      if (!Number.isInteger(days) || days < 1 || days > 3650) {
        throw new UsageError('--days must be a whole number of days from 1 to 3650');
      }
      return new Date(Date.now() + days * DAY_MS);
    };
    const writeCreds = async (creds: string) => {
      const file = need('out');
      await writeFile(file, creds, { mode: 0o600 });
      await chmod(file, 0o600);
      return file;
    };

    switch (positionals.join(' ')) {
      case 'init': {
        if (existsSync(path.join(keysDir, FLEET_KEYS_FILE))) {
          throw new UsageError(`${keysDir} already holds fleet keys; nothing changed`);
        }
        const created = FleetAuthority.create(values.name);
        await saveFleetAuthority(keysDir, secrets(), created);
        out(`Fleet keys made in ${keysDir}; operator ${created.operatorPublicKey}.`);
        return 0;
      }
      case 'server-config': {
        const wantsTls = Boolean(
          values['tls-cert'] || values['tls-key'] || values['tls-ca'] || values['tls-verify'],
        );
        if (values['tls-verify'] && !values['tls-ca']) {
          throw new UsageError(
            '--tls-verify needs --tls-ca, the CA client certificates are checked against',
          );
        }
        out(
          await natsServerConfig(await authority(), {
            host: values.host,
            port: Number(values.port),
            storeDir: need('store-dir'),
            resolverDir: need('resolver-dir'),
            ...(wantsTls
              ? {
                  tls: {
                    certFile: path.resolve(need('tls-cert')),
                    keyFile: path.resolve(need('tls-key')),
                    ...(values['tls-ca'] ? { caFile: path.resolve(values['tls-ca']) } : {}),
                    verify: values['tls-verify'],
                  },
                }
              : {}),
          }),
        );
        return 0;
      }
      case 'issue-agent': {
        const keys = await authority();
        const issued = await keys.issueAgent(need('agent'), { expiresAt: expiresAt() });
        await saveFleetAuthority(keysDir, secrets(), keys);
        out(`Agent identity ${issued.publicKey} written to ${await writeCreds(issued.creds)}.`);
        return 0;
      }
      case 'issue-console': {
        const keys = await authority();
        const role = AnalystRoleSchema.parse(need('role'));
        const issued = await keys.issueConsole(need('console'), role, { expiresAt: expiresAt() });
        await saveFleetAuthority(keysDir, secrets(), keys);
        out(`Console identity ${issued.publicKey} written to ${await writeCreds(issued.creds)}.`);
        return 0;
      }
      case 'revoke': {
        const keys = await authority();
        const revoked = values.agent
          ? keys.revokeAgent(values.agent)
          : [need('public-key')].map((key) => {
              keys.revoke(key);
              return key;
            });
        if (revoked.length === 0) throw new UsageError(`No identity was issued to ${values.agent}`);
        await saveFleetAuthority(keysDir, secrets(), keys);
        await pushFleetAccount(keys, need('server'));
        out(`Revoked ${revoked.join(', ')}; the server has the new account.`);
        return 0;
      }
      case 'init-server': {
        const keys = await authority();
        const ttl = values['presence-ttl-seconds'];
        const seconds = ttl === undefined ? undefined : Number(ttl);
        if (
          seconds !== undefined &&
          (!Number.isInteger(seconds) || seconds < 3 || seconds > 86_400)
        ) {
          throw new UsageError('--presence-ttl-seconds must be a whole number from 3 to 86400');
        }
        const made = await initFleetServer(keys, need('server'), seconds);
        await saveFleetAuthority(keysDir, secrets(), keys);
        out(
          made.length === 0
            ? 'The buckets and streams were all there; nothing changed.'
            : `Made ${made.join(', ')}.`,
        );
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${positionals.join(' ')}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE')) {
      err(`fleet: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    err(`fleet: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** Makes the fleet's buckets and streams as an administrator console valid for a minute. */
async function initFleetServer(
  keys: FleetAuthority,
  server: string,
  presenceTtlSeconds: number | undefined,
): Promise<string[]> {
  const consoleId = 'fleet-init';
  const admin = await keys.issueConsole(consoleId, 'admin', {
    expiresAt: new Date(Date.now() + 60_000),
  });
  const nc = await connect({
    servers: server,
    authenticator: credsAuthenticator(new TextEncoder().encode(admin.creds)),
    inboxPrefix: fleetInboxPrefix('console', consoleId),
    name: 'deskside-fleet-init',
    reconnect: false,
  });
  try {
    return await ensureFleetStorage(nc, {
      ...(presenceTtlSeconds === undefined ? {} : { presenceTtlMs: presenceTtlSeconds * 1_000 }),
    });
  } finally {
    await nc.close();
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  void runFleet(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
