import { X509Certificate, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManagedProcess } from './managed-process';

/** The bundle built by `node agent/build.mjs` (vitest's globalSetup builds it). */
export const AGENT_BUNDLE = fileURLToPath(
  new URL('../../agent/dist/deskside-agent.mjs', import.meta.url),
);

/**
 * How a test starts the agent: the program and the arguments before the agent's own, and
 * optionally the account it runs as. The bundle under this node by default; the
 * self-contained executable or an installed one otherwise.
 */
export interface AgentCommand {
  program: string;
  args: readonly string[];
  /** Run as this user and group (an installed agent's own account). */
  uid?: number;
  gid?: number;
  /** More environment for every run (e.g. a PATH without node). */
  env?: Record<string, string>;
}

export const BUNDLE_COMMAND: AgentCommand = { program: process.execPath, args: [AGENT_BUNDLE] };

const READY_TIMEOUT_MS = 15_000;
const LISTENING_LINE = /^Deskside agent \S+ listening on (https:\/\/(\S+):(\d+))$/;
const FINGERPRINT_LINE = /^Certificate fingerprint \(SHA-256\): ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$/;

export interface StartAgentOptions {
  /**
   * The pre-provisioned console token (DESKSIDE_AGENT_TOKEN); a random 43-character token
   * by default; null for none (only paired consoles get in).
   */
  token?: string | null;
  /** The agent's data folder; a fresh temporary folder (removed by `stop()`) by default. */
  dataDir?: string;
  /** More environment for the agent. DESKSIDE_AGENT_TOKEN is always `token`. */
  extraEnv?: Record<string, string>;
  /** More `serve` arguments, e.g. ['--rate-per-console', '100000']. */
  extraArgs?: string[];
  /** The agent to start; the bundle under this node by default. */
  command?: AgentCommand;
}

export interface RunningAgent {
  /** "https://127.0.0.1:PORT" */
  url: string;
  host: string;
  port: number;
  /** The agent process's id (to sample its memory). */
  pid: number;
  /** The fingerprint the agent printed, "AB:CD:..." (what a console pins). */
  fingerprint: string;
  /** The pre-provisioned token; '' when started without one. */
  token: string;
  dataDir: string;
  /** The agent's certificate, checked to have `fingerprint`; use it as `ca` when connecting. */
  certPem: string;
  /** Everything the agent wrote to stdout so far (its banner, then pino JSON lines). */
  stdout: () => string;
  /** Everything it wrote to stdout and stderr so far, interleaved as it arrived. */
  output: () => string;
  /** SIGTERM to this agent's pid, SIGKILL after 5 s; removes the data folder if we made it. */
  stop(): Promise<void>;
}

const running = new Set<RunningAgent>();

/** Stops every agent this module started that is still running (for `afterAll`). */
export async function stopAllAgents(): Promise<void> {
  await Promise.all([...running].map((agent) => agent.stop()));
}

/**
 * Starts the real, built agent (`serve`) on 127.0.0.1 and a free port, and resolves once it
 * has printed its address and certificate fingerprint. The caller stops it (`afterAll`).
 */
export async function startAgent(options: StartAgentOptions = {}): Promise<RunningAgent> {
  const command = options.command ?? BUNDLE_COMMAND;
  const built = command === BUNDLE_COMMAND ? AGENT_BUNDLE : command.program;
  if (!existsSync(built)) {
    throw new Error(
      `${built} is missing: build it with \`node agent/build.mjs\` (or build-sea.mjs)`,
    );
  }
  const token =
    options.token === null ? '' : (options.token ?? randomBytes(32).toString('base64url'));
  const ownsDataDir = options.dataDir === undefined;
  const dataDir =
    options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'deskside-agent-test-')));
  const removeOwnDataDir = async () => {
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
  };

  // This machine's own agent config files (/etc/deskside-agent, ~/.config) stay out of tests.
  const configEnv: Record<string, string> = {};
  if (!options.extraArgs?.includes('--config') && !options.extraEnv?.DESKSIDE_AGENT_CONFIG) {
    configEnv.DESKSIDE_AGENT_CONFIG = path.join(dataDir, 'test-config.json');
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await writeFile(configEnv.DESKSIDE_AGENT_CONFIG, '{}\n');
  }

  let child: ManagedProcess;
  try {
    child = await ManagedProcess.start(
      command.program,
      [
        ...command.args,
        'serve',
        '--address',
        '127.0.0.1',
        '--port',
        '0',
        '--data-dir',
        dataDir,
        ...(options.extraArgs ?? []),
      ],
      {
        label: 'deskside-agent serve',
        ...(command.uid === undefined ? {} : { uid: command.uid }),
        ...(command.gid === undefined ? {} : { gid: command.gid }),
        env: {
          ...command.env,
          ...configEnv,
          ...options.extraEnv,
          ...(token ? { DESKSIDE_AGENT_TOKEN: token } : {}),
        },
      },
    );
  } catch (error) {
    await removeOwnDataDir();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  // Filled in once the agent is ready; `stop` only needs the child and the folder.
  const agent: RunningAgent = {
    url: '',
    host: '',
    port: 0,
    pid: child.pid,
    fingerprint: '',
    token,
    dataDir,
    certPem: '',
    stdout: () => child.stdout(),
    output: () => child.output(),
    stop: () => {
      stopping ??= (async () => {
        try {
          await child.stop();
        } finally {
          running.delete(agent);
          await removeOwnDataDir();
        }
      })();
      return stopping;
    },
  };
  running.add(agent);

  try {
    // Both lines come at start-up, so they share one deadline.
    const [listening, printed] = await Promise.all([
      child.waitForLine(LISTENING_LINE, READY_TIMEOUT_MS),
      child.waitForLine(FINGERPRINT_LINE, READY_TIMEOUT_MS),
    ]);
    agent.url = listening[1]!;
    agent.host = listening[2]!;
    agent.port = Number(listening[3]);
    agent.fingerprint = printed[1]!;
    agent.certPem = await readFile(path.join(dataDir, 'agent-cert.pem'), 'utf8');
    const fileFingerprint = new X509Certificate(agent.certPem).fingerprint256;
    if (fileFingerprint !== agent.fingerprint) {
      throw child.failure(
        `printed fingerprint ${agent.fingerprint} but its certificate file has ${fileFingerprint}`,
      );
    }
    return agent;
  } catch (error) {
    await agent.stop();
    throw error;
  }
}
