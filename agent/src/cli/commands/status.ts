import https from 'node:https';
import type { PeerCertificate } from 'node:tls';
import type { Command } from 'commander';
import { agentRouteTable } from '@deskside/core';
import { ConsoleRegistry } from '../../security/console-registry';
import { readCertificate, type AgentIdentity } from '../../server/identity';
import { readRuntimeState, type RuntimeState } from '../../server/runtime-state';
import { AGENT_VERSION } from '../../version';
import { configFromFlags, withDataOptions } from '../options';

const PROBE_TIMEOUT_MS = 3_000;
/** LSB's exit status for "program is not running". */
export const NOT_RUNNING_EXIT_CODE = 3;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the service account).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where to reach a server bound to `address` from this computer. */
const loopbackFor = (address: string) =>
  address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;

/** The agent's version if it answers /v1/health with this data folder's certificate, else null. */
async function probeHealth(
  state: RuntimeState,
  identity: Pick<AgentIdentity, 'certPem' | 'fingerprint'>,
): Promise<string | null> {
  const { AgentHealthSchema } = await import('../../server/route-schemas');
  return new Promise((resolve) => {
    const req = https.get(
      {
        host: loopbackFor(state.address),
        port: state.port,
        path: agentRouteTable.health.path,
        agent: false,
        timeout: PROBE_TIMEOUT_MS,
        ca: identity.certPem,
        checkServerIdentity: (_host: string, cert: PeerCertificate) =>
          cert.fingerprint256 === identity.fingerprint
            ? undefined
            : new Error('another certificate'),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(body);
          } catch {
            // Not the agent's answer: reported as not answering.
          }
          const health = AgentHealthSchema.safeParse(json);
          resolve(health.success ? health.data.agentVersion : null);
        });
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => {
      resolve(null);
    });
  });
}

export interface AgentStatus {
  running: boolean;
  pid: number | null;
  listening: string | null;
  /** The version the running agent reports; null when it does not answer. */
  answering: string | null;
  /** Null before the agent first ran on this data folder. */
  fingerprint: string | null;
  dataDir: string;
  consoles: { active: number; revoked: number; pendingCodes: number };
  auditFile: string | null;
  version: string;
}

export async function agentStatus(flags: {
  config?: string;
  dataDir?: string;
}): Promise<AgentStatus> {
  const config = await configFromFlags(flags);
  const identity = await readCertificate(config.dataDir);
  const state = await readRuntimeState(config.dataDir);
  const alive = state !== null && isAlive(state.pid);
  const answering = alive && identity ? await probeHealth(state, identity) : null;
  const { consoles, pendingCodes } = await new ConsoleRegistry({ dataDir: config.dataDir }).list();
  const revoked = consoles.filter((c) => c.revokedAt !== null).length;
  const host = state?.address.includes(':') ? `[${state.address}]` : state?.address;
  return {
    running: alive,
    pid: alive ? state.pid : null,
    listening: alive ? `https://${host}:${state.port}` : null,
    answering,
    fingerprint: identity?.fingerprint ?? null,
    dataDir: config.dataDir,
    consoles: { active: consoles.length - revoked, revoked, pendingCodes: pendingCodes.length },
    auditFile: alive ? state.auditFile : null,
    version: AGENT_VERSION,
  };
}

export function formatStatus(status: AgentStatus): string {
  const running = status.running
    ? `yes (pid ${status.pid}), ${status.answering ? `answering as agent ${status.answering}` : 'NOT answering on its address'}`
    : 'no';
  return [
    `Running:      ${running}`,
    ...(status.listening ? [`Listening on: ${status.listening}`] : []),
    `Fingerprint:  ${status.fingerprint ?? 'none yet (the agent has not run on this data folder)'}`,
    `Consoles:     ${status.consoles.active} paired, ${status.consoles.revoked} revoked, ${status.consoles.pendingCodes} pairing code(s) pending`,
    `Data folder:  ${status.dataDir}`,
    ...(status.auditFile ? [`Audit log:    ${status.auditFile}`] : []),
    `Version:      ${status.version} (this program)`,
  ].join('\n');
}

export function registerStatus(program: Command): void {
  withDataOptions(program.command('status'))
    .description(
      `is the agent running, where, with which certificate and consoles (exit ${NOT_RUNNING_EXIT_CODE} when not running)`,
    )
    .option('--json', 'print the status as JSON')
    .action(async (flags: { config?: string; dataDir?: string; json?: boolean }) => {
      const status = await agentStatus(flags);
      console.log(flags.json ? JSON.stringify(status, null, 2) : formatStatus(status));
      if (!status.running || !status.answering) process.exitCode = NOT_RUNNING_EXIT_CODE;
    });
}
