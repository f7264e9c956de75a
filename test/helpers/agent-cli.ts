import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AuditEntry } from '../../agent/src/security/audit-log';
import { BUNDLE_COMMAND, type AgentCommand } from './agent-process';

export interface CliResult {
  /** The exit code (0 on success). */
  code: number;
  stdout: string;
  stderr: string;
}

let emptyConfig: string | undefined;
/**
 * An empty config file for runs that name none: without one the CLI reads the machine's own
 * (/etc/deskside-agent/config.json), which the Debian package test installs for a while and
 * a developer's machine may hold.
 */
function emptyConfigFile(): string {
  if (emptyConfig === undefined) {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'deskside-cli-'));
    // Readable by every account: some runs are as the Debian package's own user.
    chmodSync(folder, 0o755);
    emptyConfig = path.join(folder, 'config.json');
    writeFileSync(emptyConfig, '{}\n', { mode: 0o644 });
  }
  return emptyConfig;
}

/**
 * Runs the built agent's CLI with an argument array; resolves however it exits. The bundle
 * under this node unless `command` names another agent.
 */
export function runAgentCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  command: AgentCommand = BUNDLE_COMMAND,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command.program,
      [...command.args, ...args],
      {
        env: {
          ...process.env,
          ...(args.includes('--config') ? {} : { DESKSIDE_AGENT_CONFIG: emptyConfigFile() }),
          ...command.env,
          ...env,
        },
        timeout: 20_000,
        ...(command.uid === undefined ? {} : { uid: command.uid }),
        ...(command.gid === undefined ? {} : { gid: command.gid }),
      },
      (error, stdout, stderr) => {
        // Not an exit code: it could not be started, or it timed out.
        if (error && typeof error.code !== 'number') {
          reject(new Error(`deskside-agent ${args.join(' ')}: ${error.message}`, { cause: error }));
          return;
        }
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** `deskside-agent pair --json` on a data folder: a fresh one-time code. */
export async function issuePairingCode(
  dataDir: string,
  extraArgs: string[] = [],
  command: AgentCommand = BUNDLE_COMMAND,
): Promise<{ code: string; expiresAt: string; fingerprint: string }> {
  const result = await runAgentCli(
    ['pair', '--json', '--data-dir', dataDir, ...extraArgs],
    {},
    command,
  );
  if (result.code !== 0) throw new Error(`pair failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { code: string; expiresAt: string; fingerprint: string };
}

/** The agent's audit log (audit.log in its data folder), one parsed entry per line. */
export async function readAuditLog(dataDir: string, file = 'audit.log'): Promise<AuditEntry[]> {
  const full = path.join(dataDir, file);
  if (!existsSync(full)) return [];
  const text = await readFile(full, 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditEntry);
}
