/**
 * Fixed commands over one SSH connection, in the shape of the agent's CommandRunner, so the
 * agent's collectors and parsers read a remote machine as they read their own. Each command
 * gets a timeout and an output cap; at either its channel is closed and the program killed
 * on the machine (by the protocol's signal where the server honours it, else by `timeout`
 * a second later, see shellCommand). At most `maxChannels` commands run at
 * once on a connection: OpenSSH's MaxSessions is 10 by default. Windows machines get fixed
 * PowerShell scripts as an encoded command line instead (see powershell-command.ts).
 */
import {
  CommandError,
  POWERSHELL,
  type CommandOptions,
  type CommandResult,
  type CommandRunner,
} from '@deskside/agent/collect';
import { DesksideError } from '@deskside/core';
import type { Client, ClientChannel } from 'ssh2';
import { powerShellCommandLine } from './powershell-command';
import { shellCommand } from './shell-quote';

export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
/** Below OpenSSH's default MaxSessions (10), so a stock server never refuses a channel. */
export const DEFAULT_MAX_CHANNELS = 8;

/** The shell's "command not found". */
const NOT_FOUND = 127;

/** Waits for a free slot among `size`: `acquire` resolves with its `release`. */
export function slots(size: number): { acquire: () => Promise<() => void> } {
  let free = size;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free += 1;
  };
  return {
    acquire: () => {
      if (free > 0) {
        free -= 1;
        return Promise.resolve(release);
      }
      return new Promise((resolve) => {
        waiting.push(() => {
          resolve(release);
        });
      });
    },
  };
}

/** How often, and after how long, a refused channel is asked for again. */
const OPEN_RETRY_DELAYS_MS = [25, 50, 100, 200, 400];

/**
 * Opens a channel for `command` and hands it to `attach` at once, in the same turn: a quick
 * command's output, exit status and close can arrive with the server's confirmation, and a
 * listener added a turn later would miss them.
 */
function exec<T>(
  client: Client,
  command: string,
  attach: (channel: ClientChannel) => T,
): Promise<{ attached: T }> {
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => {
      if (error) reject(error);
      else resolve({ attached: attach(channel) });
    });
  });
}

/**
 * Opens a session channel for `command`. A server may still count a session whose channel
 * has just closed while it reaps the process (seen with OpenSSH 9.2 at its MaxSessions):
 * a refused open is asked again a few times, briefly, before it counts as a failure.
 */
async function openChannel<T>(
  client: Client,
  command: string,
  attach: (channel: ClientChannel) => T,
): Promise<{ attached: T }> {
  for (const delay of OPEN_RETRY_DELAYS_MS) {
    try {
      return await exec(client, command, attach);
    } catch (error) {
      if (!/open failed/i.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return exec(client, command, attach);
}

export interface RemoteRunnerOptions {
  maxChannels?: number;
}

/**
 * Runs a command line that the code fixed as it is, for the server's own shell: the
 * caller has made it safe for that shell (no argument comes from a request). `label` names
 * the program in errors. No `timeout` wraps it: the console's timeout closes the channel.
 */
export type CommandLineRunner = (
  commandLine: string,
  label: string,
  options?: CommandOptions,
) => Promise<CommandResult>;

/** Runs a fixed PowerShell script on a Windows machine (see powerShellCommandLine). */
export type PowerShellRunner = (script: string, options?: CommandOptions) => Promise<CommandResult>;

/** The ways to run commands over one connection, sharing its channel slots. */
export interface RemoteCommands {
  /** Programs with quoted arguments, for a POSIX shell. */
  run: CommandRunner;
  /** Fixed PowerShell scripts, for Windows' OpenSSH (cmd.exe or PowerShell as its shell). */
  runPowerShell: PowerShellRunner;
}

/** Fixed command lines on the other end of `client`, at most `maxChannels` at once. */
export function remoteCommandLines(
  client: Client,
  options: RemoteRunnerOptions = {},
): CommandLineRunner {
  const channels = slots(options.maxChannels ?? DEFAULT_MAX_CHANNELS);
  return async (command, program, commandOptions = {}) => {
    const timeoutMs = commandOptions.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    const maxBytes = commandOptions.maxBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
    const release = await channels.acquire();
    let opened: { attached: Promise<CommandResult> };
    try {
      opened = await openChannel(client, command, (channel) => {
        // The slot is free again only when the server has closed the channel: until then its
        // session still counts towards the server's limit, even after the console gave up.
        channel.once('close', release);
        return collectOutput(channel, program, { ...commandOptions, timeoutMs, maxBytes });
      });
    } catch (error) {
      release();
      throw new CommandError(
        'failed',
        program,
        `${program} could not start: ${(error as Error).message}`,
      );
    }
    return opened.attached;
  };
}

/** Both ways of running commands on the other end of `client`, over the same slots. */
export function remoteCommands(client: Client, options: RemoteRunnerOptions = {}): RemoteCommands {
  const runLine = remoteCommandLines(client, options);
  return {
    run: async (program, args, commandOptions = {}) => {
      const timeoutMs = commandOptions.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
      // The machine kills the program a second after the console gave up on it.
      const command = shellCommand(program, args, timeoutMs / 1000 + 1);
      return runLine(command, program, { ...commandOptions, timeoutMs });
    },
    runPowerShell: (script, commandOptions) =>
      runLine(powerShellCommandLine(script), POWERSHELL, commandOptions),
  };
}

/** A CommandRunner whose commands run on the other end of `client`. */
export function remoteRunner(client: Client, options: RemoteRunnerOptions = {}): CommandRunner {
  return remoteCommands(client, options).run;
}

/** What a channel prints and how it ends, within its timeout and output cap. */
function collectOutput(
  channel: ClientChannel,
  program: string,
  commandOptions: { timeoutMs: number; maxBytes: number; signal?: AbortSignal },
): Promise<CommandResult> {
  const { timeoutMs, maxBytes } = commandOptions;
  return new Promise((resolve, reject) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let bytes = 0;
    let exitCode: number | null = null;
    let ended = false;
    const stop = (error: CommandError) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      commandOptions.signal?.removeEventListener('abort', onAbort);
      channel.signal('KILL');
      channel.close();
      reject(error);
    };
    const timer = setTimeout(() => {
      stop(
        new CommandError('timeout', program, `${program} did not finish within ${timeoutMs} ms`),
      );
    }, timeoutMs);
    const onAbort = () => {
      stop(new CommandError('timeout', program, `${program} was stopped`));
    };
    commandOptions.signal?.addEventListener('abort', onAbort, { once: true });
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        stop(
          new CommandError('too_large', program, `${program} printed more than ${maxBytes} bytes`),
        );
      } else into.push(chunk);
    };
    channel.on('data', collect(stdout));
    channel.stderr.on('data', collect(stderr));
    channel.on('exit', (code: number | null) => {
      exitCode = code;
    });
    channel.on('close', () => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      commandOptions.signal?.removeEventListener('abort', onAbort);
      if (exitCode === NOT_FOUND) {
        reject(new CommandError('missing', program, `${program} is not installed`));
        return;
      }
      if (exitCode === null) {
        reject(new CommandError('failed', program, `${program} ended without an exit status`));
        return;
      }
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode,
      });
    });
  });
}

/** A command's failure as the console reports it to the analyst. */
export function commandFailure(error: unknown, host: string): DesksideError {
  if (error instanceof DesksideError) return error;
  if (error instanceof CommandError) {
    return new DesksideError(
      error.failure === 'timeout' ? 'command_timeout' : 'agent_error',
      `On ${host}: ${error.message}`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DesksideError('machine_unreachable', `On ${host}: ${message}`);
}
