import type { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { Client, ClientChannel } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { decodePowerShellArgs } from '@deskside/agent/collect';
import { remoteCommands, remoteRunner } from './runner';

/**
 * A stand-in for ssh2's client (the real server cannot be made to send its packets in one
 * read on demand): the command's output, exit status and close arrive in the same turn as the
 * channel, as they do from a busy server for a quick command.
 */
function clientAnsweringAtOnce(stdout: string, exitCode: number, commands: string[] = []): Client {
  return {
    exec(command: string, callback: (error: Error | undefined, channel: ClientChannel) => void) {
      commands.push(command);
      const channel = Object.assign(new PassThrough(), {
        stderr: new PassThrough(),
        signal: () => undefined,
      }) as unknown as ClientChannel & EventEmitter;
      callback(undefined, channel);
      channel.end(stdout);
      channel.emit('exit', exitCode);
      process.nextTick(() => channel.emit('close'));
      return this;
    },
  } as unknown as Client;
}

describe('commands over an SSH connection (stand-in client: packets in one read)', () => {
  it('keep the exit status and output that came with the channel', async () => {
    const run = remoteRunner(clientAnsweringAtOnce('4\n', 0));
    await expect(run('echo', ['4'])).resolves.toEqual({ stdout: '4\n', stderr: '', exitCode: 0 });
    const failing = remoteRunner(clientAnsweringAtOnce('', 3));
    await expect(failing('false', [])).resolves.toMatchObject({ exitCode: 3 });
  });

  it('send a PowerShell script as its encoded command line, with no POSIX wrapper', async () => {
    const commands: string[] = [];
    const { run, runPowerShell } = remoteCommands(
      clientAnsweringAtOnce('Win32NT\r\n', 0, commands),
    );
    await expect(runPowerShell('[Environment]::OSVersion.Platform')).resolves.toEqual({
      stdout: 'Win32NT\r\n',
      stderr: '',
      exitCode: 0,
    });
    expect(commands[0]).toMatch(/^powershell\.exe -NoProfile .* -EncodedCommand [A-Za-z0-9+/=]+$/);
    expect(decodePowerShellArgs(commands[0]!.split(' '))).toBe('[Environment]::OSVersion.Platform');
    await run('uname', ['-s']);
    expect(commands[1]).toContain("timeout -s KILL 11 uname '-s'");
  });
});
