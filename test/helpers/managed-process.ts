/**
 * Child processes for tests and benchmarks: start one with an argument array (never a shell
 * string), keep what it prints, wait for a line or for its exit, and stop it by its pid.
 * Every process started here is tracked until it exits, so none outlives the process that
 * started it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { createInterface } from 'node:readline';

const STOP_GRACE_MS = 5_000;
/** How long a process whose stdout has closed gets to report its exit status. */
const EXIT_AFTER_CLOSE_MS = 1_000;
/** How much of its output an error about a process quotes. */
const QUOTED_LINES = 40;

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StartOptions {
  /** A short name used in error messages, e.g. "deskside-agent serve". */
  label: string;
  /** The working folder; this process's by default. */
  cwd?: string;
  /** Added to this process's environment (a variable set to '' counts as unset for node). */
  env?: Record<string, string>;
  /** Run as this user and group (a root test starting a server that refuses root). */
  uid?: number;
  gid?: number;
}

interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

const running = new Set<ManagedProcess>();

export class ManagedProcess {
  /** Both streams, line by line, in the order the lines arrived. */
  private readonly lines: OutputLine[] = [];
  private readonly lineListeners = new Set<() => void>();
  private exitStatus: ExitStatus | null = null;
  private stdoutClosed = false;
  private stopping: Promise<void> | undefined;
  private readonly exited: Promise<ExitStatus>;

  private constructor(
    readonly label: string,
    readonly pid: number,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        running.delete(this);
        resolve(this.exitStatus);
      });
    });
    this.collectLines('stdout');
    this.collectLines('stderr');
  }

  /** Starts `command` with `args`; rejects when it cannot be started (e.g. ENOENT). */
  static async start(
    command: string,
    args: readonly string[],
    options: StartOptions,
  ): Promise<ManagedProcess> {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    });
    // 'spawn' or 'error' always follows; once() rejects on 'error'.
    await once(child, 'spawn');
    if (child.pid === undefined) throw new Error(`${options.label}: started without a pid`);
    const managed = new ManagedProcess(options.label, child.pid, child);
    running.add(managed);
    return managed;
  }

  /** Everything it printed on stdout so far, one complete line after another. */
  stdout(): string {
    return joinLines(this.lines.filter((line) => line.stream === 'stdout'));
  }

  /** Everything it printed on stdout and stderr so far, interleaved as it arrived. */
  output(): string {
    return joinLines(this.lines);
  }

  /**
   * Resolves with the match of the first stdout line (already printed or still to come)
   * matching `pattern`. Rejects when its stdout ends first or after `timeoutMs`.
   */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      let searched = 0;
      const stopWaiting = () => {
        clearTimeout(timer);
        this.lineListeners.delete(check);
      };
      const check = () => {
        for (; searched < this.lines.length; searched++) {
          const line = this.lines[searched]!;
          const match = line.stream === 'stdout' ? pattern.exec(line.text) : null;
          if (match) {
            stopWaiting();
            resolve(match);
            return;
          }
        }
        if (this.stdoutClosed) {
          stopWaiting();
          // stdout usually closes just before 'exit' arrives: let the exit say how it ended.
          void this.exitStatusWithin(EXIT_AFTER_CLOSE_MS).then((status) => {
            const how = status ? `exited (${describeExit(status)})` : 'closed stdout';
            reject(this.failure(`${how} before printing ${String(pattern)}`));
          });
        }
      };
      const timer = setTimeout(() => {
        stopWaiting();
        reject(this.failure(`printed no line matching ${String(pattern)} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.lineListeners.add(check);
      check();
    });
  }

  /** Resolves when the process exits on its own; rejects after `timeoutMs`. */
  async waitForExit(timeoutMs: number): Promise<ExitStatus> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(this.failure(`did not exit within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Resolves once something accepts TCP connections on 127.0.0.1:`port`; rejects when this
   * process exits first (adding what `explain` reads, e.g. its log file) or after `timeoutMs`.
   */
  async waitForPort(
    port: number,
    timeoutMs: number,
    explain: () => Promise<string> = () => Promise.resolve(''),
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const open = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: '127.0.0.1', port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => {
          resolve(false);
        });
      });
      if (open) return;
      if (await this.exitStatusWithin(50)) {
        const detail = await explain();
        const failure = this.failure('exited before listening');
        throw detail ? new Error(`${failure.message}\n${detail}`) : failure;
      }
      if (Date.now() > deadline) throw this.failure(`was not listening within ${timeoutMs} ms`);
    }
  }

  /** Its exit status, or null if it is still running after `timeoutMs`. */
  private exitStatusWithin(timeoutMs: number): Promise<ExitStatus | null> {
    return this.waitForExit(timeoutMs).catch(() => null);
  }

  /**
   * Stops the process: SIGTERM to its pid, SIGKILL if it is still running after a grace
   * period (5 s unless given). Resolves once it has exited; does nothing if it already has.
   */
  stop(graceMs = STOP_GRACE_MS): Promise<void> {
    if (this.exitStatus) return Promise.resolve();
    this.stopping ??= (async () => {
      this.child.kill('SIGTERM'); // ChildProcess.kill signals this child's pid only.
      try {
        await this.waitForExit(graceMs);
      } catch {
        // It ignored SIGTERM within the grace period; SIGKILL cannot be ignored.
        this.child.kill('SIGKILL');
        await this.exited;
      }
    })();
    return this.stopping;
  }

  /** An Error naming the process, with the end of its output for diagnosis. */
  failure(what: string): Error {
    const tail = this.lines.slice(-QUOTED_LINES);
    const quoted = tail.length
      ? `\n--- the end of its output ---\n${joinLines(tail).trimEnd()}`
      : ' (it printed nothing)';
    return new Error(`${this.label} (pid ${this.pid}) ${what}${quoted}`);
  }

  private collectLines(stream: 'stdout' | 'stderr'): void {
    const input = this.child[stream];
    if (!input) return;
    const notify = () => {
      for (const listener of [...this.lineListeners]) listener();
    };
    // Reading every line also keeps the pipe drained, so a chatty child never blocks on it.
    const lines = createInterface({ input, crlfDelay: Infinity });
    lines.on('line', (text) => {
      this.lines.push({ stream, text });
      if (stream === 'stdout') notify();
    });
    if (stream === 'stdout') {
      // 'close' comes after the last line, so a line printed just before exiting is seen.
      lines.once('close', () => {
        this.stdoutClosed = true;
        notify();
      });
    }
  }
}

function joinLines(lines: readonly OutputLine[]): string {
  return lines.map((line) => `${line.text}\n`).join('');
}

export function describeExit(status: ExitStatus): string {
  return status.signal ? `signal ${status.signal}` : `exit code ${status.code}`;
}

/** Stops every process started here that is still running (e.g. when interrupted). */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running].map((managed) => managed.stop()));
}

// Last resort if this process exits with children still running (a test file that never
// stopped its agent, an interrupted benchmark): exit handlers must be synchronous, so no
// grace period here.
process.once('exit', () => {
  for (const managed of running) {
    try {
      process.kill(managed.pid, 'SIGKILL');
    } catch {
      // Already gone between its exit and the 'exit' event being delivered to us.
    }
  }
});
