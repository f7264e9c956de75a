import { CommandError, type CommandResult, type CommandRunner } from '@deskside/agent/collect';
import { DesksideError } from '@deskside/core';
import { describe, expect, it } from 'vitest';
import { playBack, recorded, recordedOn, type Played } from './fixtures/recorded';
import { SYSCTL_NAMES } from './macos-parsers';
import { PLATFORM_SCRIPT, collectRemoteInventory, detectRemoteOs } from './remote-inventory';
import type { PowerShellRunner } from './runner';
import { WINDOWS_SCRIPTS } from './windows-parsers';

/** A machine answering commands and PowerShell scripts from recordings; the rest is missing. */
function machine(commands: Record<string, Played>, scripts: Record<string, Played> = {}) {
  const ran: string[] = [];
  const run: CommandRunner = (program, args) => {
    const command = [program, ...args].join(' ');
    ran.push(command);
    return playBack(commands[command], program);
  };
  const runPowerShell: PowerShellRunner = (script) => {
    ran.push('powershell.exe');
    return playBack(scripts[script], 'powershell.exe');
  };
  return { remote: { run, runPowerShell }, ran };
}

/** What cmd.exe says of the POSIX command line that wraps `uname -s`. */
const CMD_REFUSES: CommandResult = {
  stdout: '',
  stderr: 'The syntax of the command is incorrect.\r\n',
  exitCode: 1,
};

const linux = {
  'uname -s': 'Linux\n',
  'cat /etc/os-release': recorded('os-release.txt'),
  'uname -r -m': recorded('uname.txt'),
  'cat /proc/sys/kernel/hostname': recorded('hostname.txt'),
  'cat /proc/uptime': recorded('uptime.txt'),
};
const mac = {
  'uname -s': 'Darwin\n',
  sw_vers: recordedOn('macos', 'sw_vers.txt'),
  'uname -r -m': recordedOn('macos', 'uname.txt'),
  [`sysctl ${SYSCTL_NAMES.join(' ')}`]: recordedOn('macos', 'sysctl.txt'),
};
const windows = {
  [PLATFORM_SCRIPT]: 'Win32NT\r\n',
  [WINDOWS_SCRIPTS.os]: recordedOn('windows', 'os.json'),
  [WINDOWS_SCRIPTS.hardware]: recordedOn('windows', 'hardware.json'),
};

describe('reading a machine over SSH whatever its OS, from recorded outputs (no Windows or Mac host here)', () => {
  it('reads a Linux machine with the Linux collector, and asks PowerShell nothing', async () => {
    const { remote, ran } = machine(linux);
    const { os, inventory } = await collectRemoteInventory(remote, { sections: ['os'] });
    expect(os).toBe('linux');
    expect(inventory.os).toMatchObject({ platform: 'linux', distro: 'Debian GNU/Linux' });
    expect(ran).not.toContain('powershell.exe');
  });

  it('asks nothing first of a machine whose OS the desk knows, and asks when that OS answers nothing', async () => {
    const known = machine(linux);
    const read = await collectRemoteInventory(known.remote, { sections: ['os'], knownOs: 'linux' });
    expect(read.os).toBe('linux');
    expect(read.inventory.os).toMatchObject({ distro: 'Debian GNU/Linux' });
    expect(known.ran).not.toContain('uname -s');

    // Reinstalled as a Mac since: the Linux collector finds no OS, so the OS is asked.
    const changed = machine(mac);
    const reread = await collectRemoteInventory(changed.remote, {
      sections: ['os'],
      knownOs: 'linux',
    });
    expect(reread.os).toBe('darwin');
    expect(reread.inventory.os).toMatchObject({ platform: 'darwin', release: '14.6.1' });
    expect(changed.ran).toContain('uname -s');
  });

  it('reads a Mac with the macOS collector', async () => {
    const { remote } = machine(mac);
    const { os, inventory } = await collectRemoteInventory(remote, { sections: ['os'] });
    expect(os).toBe('darwin');
    expect(inventory.os).toMatchObject({ platform: 'darwin', release: '14.6.1' });
  });

  it('reads Windows with PowerShell when cmd.exe cannot run uname, or uname names MSYS', async () => {
    for (const uname of [CMD_REFUSES, 'MINGW64_NT-10.0-22631\n']) {
      const { remote } = machine({ 'uname -s': uname }, windows);
      const { os, inventory } = await collectRemoteInventory(remote, { sections: ['os'] });
      expect(os).toBe('win32');
      expect(inventory.os).toMatchObject({ platform: 'Windows', build: '22631.4460' });
      expect(inventory.hostname).toBe('DESK-0142');
    }
  });

  it('says clearly that an OS it does not read is none of Linux, macOS and Windows', async () => {
    const { remote } = machine({ 'uname -s': 'FreeBSD\n' });
    const error = await detectRemoteOs(remote).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DesksideError);
    expect(error).toMatchObject({
      code: 'agent_error',
      message:
        'The console reads Linux, macOS and Windows machines over SSH; this one is none of them: uname -s: FreeBSD; PowerShell: powershell.exe is not installed',
    });
  });

  it('says the machine did not answer when neither question got an answer in time', async () => {
    const late = new CommandError('timeout', 'uname', 'uname did not finish within 20000 ms');
    const { remote } = machine(
      { 'uname -s': late },
      { [PLATFORM_SCRIPT]: new CommandError('timeout', 'powershell.exe', 'no answer') },
    );
    await expect(detectRemoteOs(remote)).rejects.toMatchObject({
      code: 'command_timeout',
      message: 'The machine did not say its OS: uname did not finish within 20000 ms',
    });
  });
});
