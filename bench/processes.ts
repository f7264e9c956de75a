/**
 * Child processes for benchmarks: start one with an argument array (never a shell string),
 * wait for a line it prints or for its exit, and stop it by its pid. Every process started
 * here is tracked until it exits, so the runner can stop them all when interrupted and none
 * outlives the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const STOP_GRACE_MS = 5_000;
const KEPT_LINES = 200;

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StartOptions {
  /** A short name used in error messages, e.g. "agent". */
  label: string;
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

const running = new Set<ManagedProcess>();

/**
 * The environment for measured children: the runner's own, without NODE_OPTIONS, so a
 * debugger or loader set for the runner does not slow down what is measured.
 */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

export class ManagedProcess {
  private readonly stdoutLines: string[] = [];
  private readonly stderrLines: string[] = [];
  private readonly lineListeners = new Set<() => void>();
  private exitStatus: ExitStatus | null = null;
  private stdoutClosed = false;
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
    this.collectLines(child, 'stdout', this.stdoutLines);
    this.collectLines(child, 'stderr', this.stderrLines);
  }

  /** Starts `command` with `args`; rejects when it cannot be started (e.g. ENOENT). */
  static async start(
    command: string,
    args: readonly string[],
    options: StartOptions,
  ): Promise<ManagedProcess> {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? childEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // 'spawn' or 'error' always follows; once() rejects on 'error'.
    await once(child, 'spawn');
    if (child.pid === undefined) throw new Error(`${options.label}: started without a pid`);
    const managed = new ManagedProcess(options.label, child.pid, child);
    running.add(managed);
    return managed;
  }

  get hasExited(): boolean {
    return this.exitStatus !== null;
  }

  /**
   * Resolves with the match of the first stdout line (already printed or still to come)
   * matching `pattern`. Rejects when its output ends first or after `timeoutMs`.
   */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const find = (): RegExpExecArray | null => {
        for (const line of this.stdoutLines) {
          const match = pattern.exec(line);
          if (match) return match;
        }
        return null;
      };
      const finish = (error: Error | null, match?: RegExpExecArray) => {
        clearTimeout(timer);
        this.lineListeners.delete(check);
        if (match) resolve(match);
        else reject(error ?? new Error(`${this.label}: no line matched ${String(pattern)}`));
      };
      const check = () => {
        const match = find();
        if (match) finish(null, match);
        else if (this.stdoutClosed) {
          const how = this.exitStatus
            ? `exited (${describeExit(this.exitStatus)})`
            : 'closed stdout';
          finish(this.failure(`${how} before printing ${String(pattern)}`));
        }
      };
      const timer = setTimeout(() => {
        finish(this.failure(`printed no line matching ${String(pattern)} within ${timeoutMs} ms`));
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
   * Stops the process: SIGTERM to its pid, SIGKILL if it is still running after a grace
   * period. Resolves once it has exited; does nothing if it already has.
   */
  async stop(): Promise<void> {
    if (this.exitStatus) return;
    this.child.kill('SIGTERM'); // ChildProcess.kill signals this child's pid only.
    try {
      await this.waitForExit(STOP_GRACE_MS);
    } catch {
      // It ignored SIGTERM within the grace period; SIGKILL cannot be ignored.
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  /** An Error naming the process, with the end of its output for diagnosis. */
  failure(what: string): Error {
    const tail = [...this.stderrLines.slice(-10), ...this.stdoutLines.slice(-5)].join('\n  ');
    return new Error(`${this.label} (pid ${this.pid}) ${what}${tail ? `\n  ${tail}` : ''}`);
  }

  private collectLines(child: ChildProcess, stream: 'stdout' | 'stderr', into: string[]): void {
    const input = child[stream];
    if (!input) return;
    const notify = () => {
      for (const listener of [...this.lineListeners]) listener();
    };
    // Reading every line also keeps the pipe drained, so a chatty child never blocks on it.
    const lines = createInterface({ input, crlfDelay: Infinity });
    lines.on('line', (line) => {
      into.push(line);
      if (into.length > KEPT_LINES) into.splice(0, into.length - KEPT_LINES);
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

export function describeExit(status: ExitStatus): string {
  return status.signal ? `signal ${status.signal}` : `exit code ${status.code}`;
}

/** Stops every process still running (used when the runner is interrupted). */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running].map((managed) => managed.stop()));
}

// Last resort if the runner exits with children still running: exit handlers must be
// synchronous, so no grace period here.
process.once('exit', () => {
  for (const managed of running) {
    try {
      process.kill(managed.pid, 'SIGKILL');
    } catch {
      // Already gone between its exit and the 'exit' event being delivered to us.
    }
  }
});
