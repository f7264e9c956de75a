import type { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { Client, ClientChannel } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { remoteRunner } from './runner';

/**
 * A stand-in for ssh2's client (the real server cannot be made to send its packets in one
 * read on demand): the command's output, exit status and close arrive in the same turn as the
 * channel, as they do from a busy server for a quick command.
 */
function clientAnsweringAtOnce(stdout: string, exitCode: number): Client {
  return {
    exec(_command: string, callback: (error: Error | undefined, channel: ClientChannel) => void) {
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
});
