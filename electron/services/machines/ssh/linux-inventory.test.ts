import { CommandError, type CommandRunner } from '@deskside/agent/collect';
import { InventoryV2Schema } from '@deskside/core';
import { describe, expect, it } from 'vitest';
import { recorded } from './fixtures/recorded';
import { collectLinuxInventory } from './linux-inventory';

/** Answers each command the inventory runs from a recording; anything else fails the test. */
function recordedMachine(overrides: Record<string, string | Error> = {}) {
  const outputs: Record<string, string | Error> = {
    'cat /etc/os-release': recorded('os-release.txt'),
    'uname -r -m': recorded('uname.txt'),
    'cat /proc/sys/kernel/hostname': recorded('hostname.txt'),
    'hostname -f': recorded('hostname-f.txt'),
    'cat /proc/uptime': recorded('uptime.txt'),
    lscpu: recorded('lscpu.txt'),
    'cat /proc/meminfo': recorded('meminfo.txt'),
    'lsblk -J -b -d -o NAME,TYPE,SIZE,MODEL,VENDOR,SERIAL,TRAN,ROTA,REV': recorded('lsblk.json'),
    'df -kPT': recorded('df.txt'),
    'ip -j -d addr': recorded('ip-addr.json'),
    'cat /proc/net/route': recorded('proc-net-route.txt'),
    'cat /proc/net/ipv6_route': recorded('proc-net-ipv6_route.txt'),
    'cat /etc/resolv.conf': recorded('resolv.conf.txt'),
    'ls -ld -- /etc/localtime /.dockerenv /run/.containerenv': recorded('ls-links.txt'),
    who: '',
    ...overrides,
  };
  const ran: string[] = [];
  const run: CommandRunner = (program, args) => {
    const command = [program, ...args].join(' ');
    ran.push(command);
    const output = command.startsWith('grep -s -H ')
      ? (outputs.dmi ?? recorded('dmi.txt'))
      : outputs[command];
    if (output instanceof Error) return Promise.reject(output);
    if (output === undefined) {
      return Promise.reject(new CommandError('missing', program, `${program} is not installed`));
    }
    return Promise.resolve({ stdout: output, stderr: '', exitCode: 0 });
  };
  return { run, ran };
}

const NOW = new Date('2026-12-02T08:00:00.000Z');

describe('the inventory of a Linux machine over SSH, from recorded outputs', () => {
  it("fills core's schema with what the machine gives and says why the rest is missing", async () => {
    const { run } = recordedMachine();
    const inventory = await collectLinuxInventory(run, { now: () => NOW });
    expect(InventoryV2Schema.parse(inventory)).toEqual(inventory);
    expect(inventory.hostname).toBe('vm');
    expect(inventory.os).toMatchObject({
      platform: 'linux',
      distro: 'Debian GNU/Linux',
      release: '12',
      kernel: '6.18.44-fc-v1045',
      arch: 'x64',
      uptimeSeconds: 36965,
      lastBootAt: '2026-12-01T21:43:55.000Z',
      timezone: 'Etc/UTC',
    });
    expect(inventory.system).toMatchObject({
      manufacturer: '',
      virtual: true,
      virtualHost: 'docker',
    });
    expect(inventory.memory?.totalBytes).toBeGreaterThan(0);
    expect(inventory.fileSystems?.map((f) => f.mount)).toEqual(['/']);
    expect(inventory.network?.defaultGateways.ip4).toEqual([
      { address: '192.0.2.1', interface: 'eth0' },
    ]);
    expect(inventory.network?.dnsServers).toEqual(['10.255.255.53']);
    expect(inventory.users).toEqual([]);
    expect(inventory.problems).toEqual([
      {
        section: 'bios',
        reason: 'unsupported',
        message: expect.stringContaining('no firmware tables') as string,
      },
      {
        section: 'baseboard',
        reason: 'unsupported',
        message: expect.stringContaining('no firmware tables') as string,
      },
      { section: 'battery', reason: 'unsupported', message: 'battery is not read over SSH yet' },
      { section: 'graphics', reason: 'unsupported', message: 'graphics is not read over SSH yet' },
      {
        section: 'printers',
        reason: 'not_installed',
        message: expect.stringContaining('CUPS') as string,
      },
      { section: 'usb', reason: 'unsupported', message: 'usb is not read over SSH yet' },
      {
        section: 'software',
        reason: 'not_installed',
        message: expect.stringContaining('neither dpkg nor rpm') as string,
      },
      { section: 'updates', reason: 'unsupported', message: 'updates is not read over SSH yet' },
    ]);
  });

  it('reads firmware tables where the machine has them, and runs each command once', async () => {
    const { run, ran } = recordedMachine({
      dmi: recorded('dmi-laptop.txt'),
      lscpu: recorded('lscpu-intel-laptop.txt'),
      'ls -ld -- /etc/localtime /.dockerenv /run/.containerenv': recorded('ls-links-laptop.txt'),
    });
    const inventory = await collectLinuxInventory(run, {
      sections: ['system', 'bios', 'baseboard', 'cpu'],
    });
    expect(inventory.system).toMatchObject({
      manufacturer: 'LENOVO',
      model: '20XW0026GE',
      virtual: false,
      virtualHost: '',
    });
    expect(inventory.bios).toEqual({
      vendor: 'LENOVO',
      version: 'N32ET86W (1.62 )',
      releaseDate: '06/21/2023',
      revision: '1.62',
    });
    expect(inventory.baseboard).toMatchObject({ serial: 'L1HF1234567', version: '', assetTag: '' });
    expect(Object.keys(inventory)).toEqual([
      'schemaVersion',
      'collectedAt',
      'hostname',
      'system',
      'bios',
      'baseboard',
      'cpu',
      'observedAt',
      'problems',
    ]);
    expect(ran.filter((c) => c.startsWith('grep'))).toHaveLength(1);
    expect(ran.filter((c) => c === 'lscpu')).toHaveLength(1);
  });

  it('reports a section whose command timed out, and still gives the others', async () => {
    const { run } = recordedMachine({
      'df -kPT': new CommandError('timeout', 'df', 'df did not finish within 10000 ms'),
    });
    const inventory = await collectLinuxInventory(run, { sections: ['os', 'fileSystems'] });
    expect(inventory.os?.distro).toBe('Debian GNU/Linux');
    expect(inventory.fileSystems).toBeUndefined();
    expect(inventory.problems).toEqual([
      {
        section: 'fileSystems',
        reason: 'timeout',
        message: 'File systems: df did not finish within 10000 ms',
      },
    ]);
  });
});
