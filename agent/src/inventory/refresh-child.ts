import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { LineSplitter, type InventorySectionName } from '@deskside/core';
import { selfArguments, type SelfCommand } from '../self-command';
import { parseNotice, type SectionNotice } from './stored-section';

/**
 * `background`: a refresh nobody waits for, which yields to whatever the PC's user is doing.
 * `awaited`: requests wait for it (nothing collected yet), so it runs at normal priority; at
 * the lowest one, a busy PC (or a busy agent) could starve it for as long as it stays busy.
 */
export type RefreshUrgency = 'background' | 'awaited';

/**
 * Collects static sections into the cache file and tells, section by section, that each is
 * there or why it could not be read.
 */
export type StaticRefresher = (
  sections: readonly InventorySectionName[],
  onNotice: (notice: SectionNotice) => void,
  urgency: RefreshUrgency,
) => Promise<void>;

/** The lowest priority ("nice 19"; "idle" on Windows). */
const BACKGROUND_PRIORITY = os.constants.priority.PRIORITY_LOW;

/**
 * The refreshes running now. None outlives the agent: a stopped service leaves no process of
 * its account behind (removing the Debian package deletes the account, which fails while
 * the account runs anything).
 */
const running = new Set<ChildProcess>();
let stopsWithAgent = false;
/** Set by `stopRefreshes`: the agent is stopping and starts no refresh any more. */
let stopping = false;
function track(child: ChildProcess): void {
  running.add(child);
  child.once('close', () => running.delete(child));
  if (!stopsWithAgent) {
    stopsWithAgent = true;
    process.once('exit', () => {
      for (const refresh of running) refresh.kill();
    });
  }
}

/**
 * Stops the refreshes still running and resolves once each has exited (SIGKILL after
 * `graceMs`), so that a stopped agent leaves no process writing into its data folder.
 */
export async function stopRefreshes(graceMs = 2_000): Promise<void> {
  // A refresh asked for from now on (a collection loop going round once more) is refused:
  // one started after this look at `running` would outlive the agent.
  stopping = true;
  await Promise.all(
    [...running].map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const closed = new Promise<void>((resolve) =>
        child.once('close', () => {
          resolve();
        }),
      );
      child.kill();
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        await closed;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}

export interface ChildRefresherOptions {
  /** The agent as it was itself started: node and its bundle, or the executable. */
  self: SelfCommand;
  /** The agent's data folder, where the child writes the cache. */
  dataDir: string;
  timeoutMs?: number;
  maxOutputBytes?: number;
}

/**
 * Runs the collection in a short-lived child process of the agent itself: the
 * hardware library and its synchronous commands never load into, or block, the serving
 * process, which stays small while idle.
 */
export function childProcessRefresher(options: ChildRefresherOptions): StaticRefresher {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const maxOutputBytes = options.maxOutputBytes ?? 64 * 1024 * 1024;
  return (sections, onNotice, urgency) =>
    new Promise((resolve, reject) => {
      if (stopping) {
        reject(new Error('the agent is stopping: no inventory refresh is started'));
        return;
      }
      // The child needs no credential: it never gets the console token.
      const env = { ...process.env };
      delete env.DESKSIDE_AGENT_TOKEN;
      const [program, ...args] = selfArguments(options.self, [
        'inventory',
        '--static',
        '--data-dir',
        options.dataDir,
        '--sections',
        sections.join(','),
      ]);
      const child = spawn(program!, args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
        env,
      });
      track(child);
      // Background work on someone's PC: it yields to whatever they are doing.
      if (urgency === 'background' && child.pid !== undefined) {
        try {
          os.setPriority(child.pid, BACKGROUND_PRIORITY);
        } catch {
          // Not allowed here (a restricted account): it runs at normal priority.
        }
      }
      const lines = new LineSplitter();
      let received = 0;
      let stderr = '';
      const fail = (error: Error) => {
        clearTimeout(timer);
        child.kill();
        reject(error);
      };
      const timer = setTimeout(() => {
        fail(new Error(`the inventory refresh did not finish within ${timeoutMs} ms`));
      }, timeoutMs);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        received += chunk.length;
        if (received > maxOutputBytes) {
          fail(new Error(`the inventory refresh printed more than ${maxOutputBytes} bytes`));
          return;
        }
        for (const line of lines.push(chunk)) {
          // Anything else a library printed is not one of ours: skipped.
          const notice = parseNotice(line);
          if (notice) onNotice(notice);
        }
      });
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-2000);
      });
      child.once('error', fail);
      child.once('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else {
          const detail = stderr.trim().split('\n').at(-1) ?? '';
          reject(new Error(`the inventory refresh exited with ${code}: ${detail}`));
        }
      });
    });
}
