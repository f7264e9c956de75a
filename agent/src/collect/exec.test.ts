import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandError, runCommand } from './exec';
import { decodePowerShellArgs, powerShellArgs } from './powershell';

describe('runCommand (real processes)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-exec-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes arguments as they are, never through a shell', async () => {
    const marker = path.join(dir, 'created');
    const hostile = [`$(touch ${marker})`, `; touch ${marker}`, `\`touch ${marker}\``, 'a\nb'];
    const result = await runCommand('printf', ['%s|', ...hostile]);
    expect(result).toEqual({ stdout: `${hostile.join('|')}|`, stderr: '', exitCode: 0 });
    expect(existsSync(marker)).toBe(false);
  });

  it('reports a non-zero exit code instead of throwing', async () => {
    expect((await runCommand('sh', ['-c', 'echo out; exit 3'])).exitCode).toBe(3);
  });

  it('runs in the C locale so parsers read stable words', async () => {
    expect((await runCommand('sh', ['-c', 'echo "$LC_ALL"'])).stdout).toBe('C\n');
  });

  it('says when a program is not installed', async () => {
    await expect(runCommand('deskside-no-such-program', [])).rejects.toMatchObject({
      failure: 'missing',
    });
  });

  it('kills a command that runs past its timeout', async () => {
    const error = await runCommand('sleep', ['5'], { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ failure: 'timeout' });
  });

  it('kills a command that prints more than allowed', async () => {
    await expect(
      runCommand('head', ['-c', '100000', '/dev/zero'], { maxBytes: 1000 }),
    ).rejects.toMatchObject({ failure: 'too_large' });
  });
});

describe('powerShellArgs', () => {
  it('sends the script encoded, with no profile and no prompts', () => {
    const args = powerShellArgs("Get-Service -Name 'Spooler'");
    expect(args.slice(0, 5)).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
    ]);
    expect(args[5]).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(decodePowerShellArgs(args)).toBe("Get-Service -Name 'Spooler'");
  });
});
