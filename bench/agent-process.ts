/**
 * The real agent for benchmarks: a throwaway data folder whose certificate exists before
 * any measured start, and `deskside-agent serve` processes on 127.0.0.1 with a free port.
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ManagedProcess, childEnvironment } from './processes';

const AGENT_ENTRY = 'agent/dist/deskside-agent.mjs';
const START_TIMEOUT_MS = 20_000;
const LISTENING_LINE = /^Deskside agent \S+ listening on https:\/\/127\.0\.0\.1:(\d+)$/;
const FINGERPRINT_LINE = /^Certificate fingerprint \(SHA-256\): ([0-9A-F:]{95})$/;

/** A data folder with the agent's identity already created, and a console token. */
export interface AgentData {
  dataDir: string;
  token: string;
  certPem: string;
  /** "AB:CD:..." as the agent prints it and as `cert.fingerprint256` reports it. */
  fingerprint: string;
  remove: () => Promise<void>;
}

export interface RunningAgent {
  process: ManagedProcess;
  port: number;
  stop: () => Promise<void>;
}

function agentEntry(repoRoot: string): string {
  return path.join(repoRoot, AGENT_ENTRY);
}

/**
 * Creates a data folder and lets the agent generate its certificate there
 * (`deskside-agent fingerprint`), so key generation is never part of a measurement.
 */
export async function createAgentData(repoRoot: string): Promise<AgentData> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-bench-agent-'));
  const remove = () => rm(dataDir, { recursive: true, force: true });
  try {
    const command = await ManagedProcess.start(
      process.execPath,
      [agentEntry(repoRoot), 'fingerprint', '--data-dir', dataDir],
      { label: 'deskside-agent fingerprint', cwd: repoRoot },
    );
    let printed: string;
    try {
      [printed] = await command.waitForLine(/^[0-9A-F:]{95}$/, START_TIMEOUT_MS);
    } finally {
      await command.stop();
    }
    const certPem = await readFile(path.join(dataDir, 'agent-cert.pem'), 'utf8');
    const fingerprint = new X509Certificate(certPem).fingerprint256;
    if (fingerprint !== printed) {
      throw new Error(
        `The agent printed fingerprint ${printed}, its certificate is ${fingerprint}`,
      );
    }
    return {
      dataDir,
      token: randomBytes(32).toString('base64url'),
      certPem,
      fingerprint,
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Starts `deskside-agent serve` and resolves once it prints that it is listening. */
export async function startAgent(repoRoot: string, data: AgentData): Promise<RunningAgent> {
  const agent = await ManagedProcess.start(
    process.execPath,
    [
      agentEntry(repoRoot),
      'serve',
      '--address',
      '127.0.0.1',
      '--port',
      '0',
      '--data-dir',
      data.dataDir,
    ],
    {
      label: 'deskside-agent serve',
      cwd: repoRoot,
      env: childEnvironment({ DESKSIDE_AGENT_TOKEN: data.token }),
    },
  );
  try {
    const [, port] = await agent.waitForLine(LISTENING_LINE, START_TIMEOUT_MS);
    const [, fingerprint] = await agent.waitForLine(FINGERPRINT_LINE, START_TIMEOUT_MS);
    if (fingerprint !== data.fingerprint) {
      throw agent.failure(`serves certificate ${fingerprint}, expected ${data.fingerprint}`);
    }
    return { process: agent, port: Number(port), stop: () => agent.stop() };
  } catch (error) {
    await agent.stop();
    throw error;
  }
}
