/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder,
 * the server on a free port on 127.0.0.1 (and a socket in that folder only), stopped by its
 * pid and the folder removed afterwards. As root, initdb and the server run as the
 * `postgres` user (PostgreSQL refuses to run as root).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { ManagedProcess } from './managed-process';

const run = promisify(execFile);
const START_TIMEOUT_MS = 30_000;

export class PostgresUnavailable extends Error {
  override readonly name = 'PostgresUnavailable';
}

/** Debian keeps the server binaries off PATH, in /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(): string {
  const fromEnv = process.env.DESKSIDE_PG_BIN;
  if (fromEnv) {
    if (existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
    throw new PostgresUnavailable(`DESKSIDE_PG_BIN=${fromEnv} has no initdb`);
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const bin = versions
    .map((v) => path.join(root, v, 'bin'))
    .find((dir) => existsSync(path.join(dir, 'initdb')));
  if (!bin) {
    throw new PostgresUnavailable(
      'PostgreSQL server binaries not found (apt-get install postgresql, or set DESKSIDE_PG_BIN)',
    );
  }
  return bin;
}

async function runAs(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export interface PostgresCluster {
  port: number;
  /** The address of database `name` (the superuser `postgres`, trusted on loopback). */
  url(name: string): string;
  /** Creates a new, empty database (named, or a unique name) and returns its address. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

let counter = 0;

export async function startPostgres(
  options: { dataDir?: string; keepData?: boolean } = {},
): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  const user = await runAs();
  const dir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'deskside-pg-')));
  if (user) await chown(dir, user.uid, user.gid);
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    await run(
      path.join(bin, 'initdb'),
      ['-D', dir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      {
        ...(user ?? {}),
      },
    );
  }
  const port = await freePort();
  const server = await ManagedProcess.start(
    path.join(bin, 'postgres'),
    [
      '-D',
      dir,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
    ],
    { label: 'postgres', ...(user ?? {}) },
  );
  const url = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;

  const stop = async () => {
    // SIGINT is PostgreSQL's fast shutdown: it ends open sessions instead of waiting for them.
    try {
      process.kill(server.pid, 'SIGINT');
      await server.waitForExit(10_000);
    } catch {
      await server.stop();
    }
    if (!options.keepData) await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const client = new pg.Client({ connectionString: url('postgres') });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        await stop();
        throw server.failure(`did not accept connections: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    port,
    url,
    createDatabase: (name?: string) => createDatabaseAt(url('postgres'), name),
    stop,
  };
}

/** A new database on the cluster whose admin address is `adminUrl`. */
export async function createDatabaseAt(
  adminUrl: string,
  name = `t${process.pid}_${Date.now()}_${++counter}`,
): Promise<string> {
  if (!/^[a-z0-9_]{1,60}$/.test(name)) throw new Error(`Unsafe database name ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
