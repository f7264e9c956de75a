import type { CommandResult, CommandRunner } from '../collect/exec';
import type { CheckFacts, CheckOutcome } from '@deskside/core';

/**
 * Runs one program with an argument array, never through a shell: the collectors' runner
 * (`execFile`, a timeout, bounded output, the C locale), bound to the check's abort signal.
 * Tests replace it with recorded outputs per OS.
 */
export type Exec = CommandRunner;
export type ExecResult = CommandResult;

/** A network interface as the checks need it (systeminformation's view, trimmed). */
export interface InterfaceFacts {
  name: string;
  up: boolean;
  internal: boolean;
  virtual: boolean;
  addresses: string[];
}

export interface ProcessFacts {
  pid: number;
  name: string;
  cpuPercent: number;
  memoryPercent: number;
  memoryBytes: number;
}

/**
 * Facts the agent gets from the OS (mostly through systeminformation), behind an interface
 * so tests can play back what another OS or another network would report.
 */
export interface SystemProbes {
  networkInterfaces(): Promise<InterfaceFacts[]>;
  defaultGateway(): Promise<string | null>;
  processes(): Promise<ProcessFacts[]>;
  /**
   * Whether `address` answers a TCP connection on a port routers commonly have open (a
   * refusal is an answer too), with the time to the first answer; null without one.
   */
  answersTcp(
    address: string,
    waitMs: number,
    signal: AbortSignal,
  ): Promise<{ rttMs: number | null } | null>;
}

export interface CheckContext {
  platform: NodeJS.Platform;
  /** Aborted when the check times out or its caller goes away: stop and return. */
  signal: AbortSignal;
  exec: Exec;
  /**
   * Whether a program is there to run (a path, or a name looked up on PATH), found without
   * starting it: a check that merely might use a tool must not pay for spawning a missing one.
   */
  isInstalled: (file: string) => Promise<boolean>;
  probes: SystemProbes;
}

/** A check's code: parameters already parsed, facts as the check's schema declares them. */
export type CheckImplementation<P, F = CheckFacts> = (
  params: P,
  ctx: CheckContext,
) => Promise<CheckOutcome<F>>;
