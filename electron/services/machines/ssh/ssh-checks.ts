/**
 * Catalog checks on a Linux machine reached over SSH, run by the agent's own CheckRunner and
 * check code in the console's process: their commands run on the machine (remoteRunner),
 * the facts they need of it come from fixed read-only commands (check-probes.ts), and a TCP
 * connection is opened by the machine through the SSH connection (port forwarding), so no
 * command runs for it at all. Results, codes and facts are the agent's, checked against the
 * same schemas. Only checks whose catalog entry lists the `ssh` transport run; asked for
 * another, the run is refused before anything starts.
 */
import { performance } from 'node:perf_hooks';
import {
  CheckRunner,
  catalogChecks,
  type RunnableCheck,
  type TcpProbe,
} from '@deskside/agent/checks';
import { CommandError, type CommandRunner } from '@deskside/agent/collect';
import {
  catalogCheckIds,
  checkCatalog,
  DesksideError,
  isCatalogCheckId,
  runsOver,
  SSH_CHECK_OS,
  type CatalogCheckId,
} from '@deskside/core';
import type { Client } from 'ssh2';
import type { RunChecks } from '../transports';
import {
  remoteIsInstalled,
  remoteProbes,
  type ConnectFromMachine,
  type RemoteMachine,
} from './check-probes';

/** How long a check's own command may take unless the check says (the check's timeout also ends it). */
export const CHECK_COMMAND_TIMEOUT_MS = 10_000;
/** The most a check's own command may print (dpkg-query on a big server stays below). */
export const CHECK_COMMAND_MAX_BYTES = 8 * 1024 * 1024;
/** An SSH server's answer to a channel it will not open (AllowTcpForwarding no). */
const ADMINISTRATIVELY_PROHIBITED = 1;

/** Whether the catalog offers check `id` over SSH. */
export function isSshCheck(id: string): id is CatalogCheckId {
  return isCatalogCheckId(id) && runsOver(checkCatalog[id], 'ssh');
}

/** The checks the console runs over SSH, in catalog order. */
export function sshCheckIds(): CatalogCheckId[] {
  return catalogCheckIds.filter(isSshCheck);
}

/**
 * The OS `uname -s` names, as Node names it (Linux, Darwin, FreeBSD, SunOS... lower-cased);
 * a check refuses with `check.unsupported_os` any but Linux, naming it.
 */
export function platformOf(uname: string): NodeJS.Platform {
  return (uname.trim().toLowerCase() || 'unknown') as NodeJS.Platform;
}

export interface SshCheckOptions {
  /** Where a check that breaks unexpectedly is reported (the analyst sees only its code). */
  onCheckFailure?: (checkId: string, error: unknown) => void;
}

/** The SSH-capable checks of the catalog, each for a Linux host only. */
function sshChecks(): Map<string, RunnableCheck> {
  return new Map(
    [...catalogChecks()]
      .filter(([id]) => isSshCheck(id))
      .map(([id, check]) => [
        id,
        { definition: { ...check.definition, os: [SSH_CHECK_OS] }, run: check.run },
      ]),
  );
}

/** Refuses, before anything runs, a check that needs the agent on the machine. */
export function refuseNonSshChecks(checks: readonly { checkId: string }[]): void {
  for (const { checkId } of checks) {
    if (!isSshCheck(checkId)) {
      throw new DesksideError(
        'validation',
        `${checkId} does not run over SSH: it needs the agent on the machine (over SSH: ${sshCheckIds().join(', ')})`,
      );
    }
  }
}

/** Refuses, before anything runs, a check the console cannot run over this connection. */
function refuseUnfit(checks: readonly { checkId: string }[], machine: RemoteMachine): void {
  refuseNonSshChecks(checks);
  if (checks.some((c) => c.checkId === 'tcp.port') && !machine.connectTcp) {
    throw new DesksideError(
      'validation',
      'tcp.port needs a connection that can forward TCP, which this one cannot',
    );
  }
}

/**
 * Runs checks on the machine at the other end of `machine.run` (and `machine.connectTcp`,
 * see sshConnectTcp), as the agent would run them there. The machine's OS is asked once
 * (`uname -s`): a machine that is not Linux gets `check.unsupported_os` for every check.
 */
export function sshRunChecks(machine: RemoteMachine, options: SshCheckOptions = {}): RunChecks {
  let runner: Promise<CheckRunner> | undefined;
  const makeRunner = async () => {
    const uname = await machine.run('uname', ['-s'], { timeoutMs: 5_000, maxBytes: 1024 });
    const exec =
      (signal: AbortSignal): CommandRunner =>
      (program, args, commandOptions = {}) =>
        machine.run(program, args, {
          ...commandOptions,
          timeoutMs: commandOptions.timeoutMs ?? CHECK_COMMAND_TIMEOUT_MS,
          maxBytes: Math.min(
            commandOptions.maxBytes ?? CHECK_COMMAND_MAX_BYTES,
            CHECK_COMMAND_MAX_BYTES,
          ),
          signal,
        });
    return new CheckRunner({
      checks: sshChecks(),
      platform: platformOf(uname.stdout),
      createExec: exec,
      isInstalled: remoteIsInstalled(machine.run),
      probes: remoteProbes(machine),
      ...(options.onCheckFailure ? { onCheckFailure: options.onCheckFailure } : {}),
    });
  };
  return async (checks, onEvent, signal) => {
    refuseUnfit(checks, machine);
    runner ??= makeRunner();
    runner.catch(() => (runner = undefined)); // Asked again on the next run.
    return (await runner).run(checks, {
      ...(onEvent ? { onEvent } : {}),
      ...(signal ? { signal } : {}),
    });
  };
}

const refusal = (ms: number | null, errorCode: string): TcpProbe => ({
  result: 'refused',
  ms,
  remoteAddress: null,
  errorCode,
});

/**
 * What an SSH server's refusal to open a forwarded connection says, in the agent's terms
 * (OpenSSH sends the machine's strerror or getaddrinfo message).
 */
export function forwardFailure(description: string, ms: number): TcpProbe {
  const failed = (result: TcpProbe['result'], errorCode: string | null): TcpProbe => ({
    result,
    ms: null,
    remoteAddress: null,
    errorCode,
  });
  if (/refused/i.test(description)) return refusal(Math.round(ms * 10) / 10, 'ECONNREFUSED');
  if (/not known|resolution|no address|nodename|name/i.test(description)) {
    return failed('name_not_found', 'ENOTFOUND');
  }
  if (/timed out/i.test(description)) return failed('timeout', 'ETIMEDOUT');
  if (/no route/i.test(description)) return failed('unreachable', 'EHOSTUNREACH');
  if (/network is unreachable/i.test(description)) return failed('unreachable', 'ENETUNREACH');
  return failed('unreachable', null);
}

/**
 * The machine opens a TCP connection to `host`:`port` (a direct-tcpip channel, as `ssh -W`
 * does), and the console closes it as soon as it is open: nothing is sent and no command
 * runs. A server that forbids forwarding makes the check fail (`check.failed`, logged).
 */
export function sshConnectTcp(client: Client): ConnectFromMachine {
  return (host, port, waitMs, signal) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      let settled = false;
      const settle = () => {
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      };
      const finish = (probe: TcpProbe) => {
        if (settled) return;
        settle();
        resolve(probe);
      };
      const timedOut = (errorCode: string | null) => () => {
        finish({ result: 'timeout', ms: null, remoteAddress: null, errorCode });
      };
      const timer = setTimeout(timedOut(null), waitMs);
      const onAbort = timedOut('ABORT_ERR');
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        client.forwardOut('127.0.0.1', 0, host, port, (error, channel) => {
          const ms = performance.now() - started;
          if (!error) {
            channel.close(); // Open: that is all the check wanted to know.
            finish({
              result: 'open',
              ms: Math.round(ms * 10) / 10,
              remoteAddress: null,
              errorCode: null,
            });
            return;
          }
          if ((error as { reason?: unknown }).reason === ADMINISTRATIVELY_PROHIBITED) {
            if (settled) return;
            settle();
            reject(
              new CommandError(
                'failed',
                'direct-tcpip',
                `the SSH server does not allow TCP forwarding: ${error.message}`,
              ),
            );
            return;
          }
          finish(forwardFailure(error.message, ms));
        });
      } catch (error) {
        // The connection has closed: forwardOut throws before asking anything.
        settle();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
}
