import type { CommandResult, CommandRunner } from '../collect/exec';
import type { CheckFacts, CheckOutcome } from '@deskside/core';
import type { TcpProbe } from './tcp-probe';

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

/** Space of one file system, as an ordinary user may use it (root's reserve excluded). */
export interface FileSystemSpace {
  totalBytes: number;
  freeBytes: number;
}

/** CPU time since boot, summed over every core, in any one unit. */
export interface CpuTimes {
  busy: number;
  total: number;
  cores: number;
}

/**
 * Facts the agent gets from the OS (Node's APIs, systeminformation), behind an interface so
 * tests can play back what another OS or another network would report, and the console can
 * read a machine over SSH with the same checks: every fact a check needs of the machine
 * comes through here, `exec` or `isInstalled`, never from Node's APIs in the check itself.
 */
export interface SystemProbes {
  /** The file system holding `path`; null when `path` does not exist (or is not a folder). */
  fileSystemSpace(path: string): Promise<FileSystemSpace | null>;
  /** Physical memory and how much of it programs can still get. */
  memory(): Promise<{ totalBytes: number; availableBytes: number }>;
  cpuTimes(): Promise<CpuTimes>;
  /** The 1, 5 and 15 minute load averages (zeros where the OS has none). */
  loadAverage(): Promise<number[]>;
  uptimeSeconds(): Promise<number>;
  /** Whether a file or folder exists (an unreadable one counts as absent). */
  pathExists(path: string): Promise<boolean>;
  /** A small text file's content; null when it is absent or unreadable. */
  readTextFile(path: string): Promise<string | null>;
  /** Pids of processes whose name (Linux: /proc/<pid>/comm) is exactly `name`. */
  processIdsNamed(name: string): Promise<number[]>;
  /** Opens a TCP connection from the machine to `host`:`port` and closes it at once. */
  connectTcp(host: string, port: number, waitMs: number, signal: AbortSignal): Promise<TcpProbe>;
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
