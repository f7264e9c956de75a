/**
 * The real agent for benchmarks: a throwaway data folder whose certificate exists before any
 * measured start, and agents started on it through the tests' helper.
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AGENT_BUNDLE, startAgent, type RunningAgent } from '#test/helpers/agent-process';
import { ManagedProcess } from '#test/helpers/managed-process';
import { CHILD_ENV } from './benchmark';

const FINGERPRINT_TIMEOUT_MS = 20_000;

/** A data folder with the agent's identity already created, and a console token. */
export interface AgentData {
  dataDir: string;
  token: string;
  certPem: string;
  /** "AB:CD:..." as the agent prints it and as `cert.fingerprint256` reports it. */
  fingerprint: string;
  remove: () => Promise<void>;
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
      [AGENT_BUNDLE, 'fingerprint', '--data-dir', dataDir],
      { label: 'deskside-agent fingerprint', cwd: repoRoot, env: CHILD_ENV },
    );
    let printed: string;
    try {
      [printed] = await command.waitForLine(/^[0-9A-F:]{95}$/, FINGERPRINT_TIMEOUT_MS);
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

/**
 * Starts `deskside-agent serve` on `data` and resolves once it has printed that it is
 * listening, checked to serve the certificate created beforehand.
 */
export async function startBenchAgent(
  data: AgentData,
  extraArgs: string[] = [],
): Promise<RunningAgent> {
  const agent = await startAgent({
    dataDir: data.dataDir,
    token: data.token,
    extraEnv: CHILD_ENV,
    extraArgs,
  });
  if (agent.fingerprint !== data.fingerprint) {
    await agent.stop();
    throw new Error(
      `The agent serves certificate ${agent.fingerprint}, expected ${data.fingerprint}`,
    );
  }
  return agent;
}
