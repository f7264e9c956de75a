import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundle built by `node agent/build.mjs` (vitest's globalSetup builds it). */
export const AGENT_BUNDLE = fileURLToPath(
  new URL('../../agent/dist/deskside-agent.mjs', import.meta.url),
);

const READY_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 5_000;
const LISTENING_LINE = /^Deskside agent \S+ listening on (https:\/\/(\S+):(\d+))$/m;
const FINGERPRINT_LINE =
  /^Certificate fingerprint \(SHA-256\): ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$/m;

export interface StartAgentOptions {
  /** The console token (DESKSIDE_AGENT_TOKEN); a random 43-character token by default. */
  token?: string;
  /** The agent's data folder; a fresh temporary folder (removed by `stop()`) by default. */
  dataDir?: string;
  /** More environment for the agent. DESKSIDE_AGENT_TOKEN is always `token`. */
  extraEnv?: Record<string, string>;
}

export interface RunningAgent {
  /** "https://127.0.0.1:PORT" */
  url: string;
  host: string;
  port: number;
  /** The fingerprint the agent printed, "AB:CD:..." (what a console pins). */
  fingerprint: string;
  token: string;
  dataDir: string;
  /** The agent's certificate, checked to have `fingerprint`; use it as `ca` when connecting. */
  certPem: string;
  /** Everything the agent wrote to stdout so far (its banner, then pino JSON lines). */
  stdout: () => string;
  /** SIGTERM to this agent's pid, SIGKILL after 5 s; removes the data folder if we made it. */
  stop(): Promise<void>;
}

const running = new Set<RunningAgent>();
const children = new Set<ChildProcess>();

// A test file that ends without stopping its agents must not leave them behind. Only
// synchronous work is possible here, so this is SIGKILL to each pid we spawned.
process.once('exit', () => {
  for (const child of children) if (!exited(child)) child.kill('SIGKILL');
});

/** Stops every agent this module started that is still running (for `afterAll`). */
export async function stopAllAgents(): Promise<void> {
  await Promise.all([...running].map((agent) => agent.stop()));
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (exited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (exited(child)) return;
  const exit = waitForExit(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    if (!exited(child)) child.kill('SIGKILL');
  }, STOP_GRACE_MS);
  await exit;
  clearTimeout(timer);
}

/**
 * Starts the real, built agent (`serve`) on 127.0.0.1 and a free port, and resolves once it
 * has printed its address and certificate fingerprint. The caller stops it (`afterAll`).
 */
export async function startAgent(options: StartAgentOptions = {}): Promise<RunningAgent> {
  if (!existsSync(AGENT_BUNDLE)) {
    throw new Error(`${AGENT_BUNDLE} is missing: build it with \`node agent/build.mjs\``);
  }
  const token = options.token ?? randomBytes(32).toString('base64url');
  const ownsDataDir = options.dataDir === undefined;
  const dataDir =
    options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'deskside-agent-test-')));

  const child = spawn(
    process.execPath,
    [AGENT_BUNDLE, 'serve', '--address', '127.0.0.1', '--port', '0', '--data-dir', dataDir],
    {
      env: { ...process.env, ...options.extraEnv, DESKSIDE_AGENT_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      try {
        await terminate(child);
      } finally {
        children.delete(child);
        running.delete(agent);
        if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
      }
    })();
    return stopping;
  };
  // Filled in once the agent is ready; `stop` only needs the child and the folder.
  const agent: RunningAgent = {
    url: '',
    host: '',
    port: 0,
    fingerprint: '',
    token,
    dataDir,
    certPem: '',
    stdout: () => stdout,
    stop,
  };
  running.add(agent);

  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (why: string) => {
        cleanup();
        reject(
          new Error(
            `The agent did not start: ${why}\n--- stderr ---\n${stderr}\n--- stdout ---\n${stdout}`,
          ),
        );
      };
      const onData = () => {
        if (LISTENING_LINE.test(stdout) && FINGERPRINT_LINE.test(stdout)) {
          cleanup();
          resolve();
        }
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        fail(`it exited (code ${code ?? 'none'}, signal ${signal ?? 'none'})`);
      };
      const onError = (error: Error) => {
        fail(`it could not be spawned (${error.message})`);
      };
      const timer = setTimeout(() => {
        fail(`no address and fingerprint on stdout within ${READY_TIMEOUT_MS / 1000} s`);
      }, READY_TIMEOUT_MS);
      const cleanup = () => {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.off('exit', onExit);
        child.off('error', onError);
      };
      child.stdout.on('data', onData);
      child.once('exit', onExit);
      child.once('error', onError);
    });

    const listening = LISTENING_LINE.exec(stdout)!;
    agent.url = listening[1]!;
    agent.host = listening[2]!;
    agent.port = Number(listening[3]);
    agent.fingerprint = FINGERPRINT_LINE.exec(stdout)![1]!;
    agent.certPem = await readFile(path.join(dataDir, 'agent-cert.pem'), 'utf8');
    const fileFingerprint = new X509Certificate(agent.certPem).fingerprint256;
    if (fileFingerprint !== agent.fingerprint) {
      throw new Error(
        `The agent printed fingerprint ${agent.fingerprint} but its certificate file has ${fileFingerprint}`,
      );
    }
    return agent;
  } catch (error) {
    await stop();
    throw error;
  }
}
