import { DiskSchema, NetworkInterfaceSchema } from '@deskside/core';
import { describe, expect, it } from 'vitest';
import {
  parseDf,
  parseDmi,
  parseFiles,
  parseIpAddr,
  parseLsblk,
  parseLscpu,
  parseOsRelease,
  parseTimezone,
  parseUname,
  parseUptime,
} from './linux-parsers';
import { recorded } from './fixtures/recorded';

describe('reading Linux outputs recorded on Debian 12', () => {
  it('names the distribution from os-release', () => {
    expect(parseOsRelease(recorded('os-release.txt'))).toEqual({
      distro: 'Debian GNU/Linux',
      release: '12',
      codename: 'bookworm',
      build: '',
    });
  });

  it("reads uname's kernel and gives the architecture Node's name, as the agent does", () => {
    expect(parseUname(recorded('uname.txt'))).toEqual({ kernel: '6.18.44-fc-v1045', arch: 'x64' });
    expect(parseUname('6.1.0-18-arm64 aarch64\n')).toEqual({
      kernel: '6.1.0-18-arm64',
      arch: 'arm64',
    });
  });

  it('reads the uptime in whole seconds and the time zone from the localtime link', () => {
    expect(parseUptime(recorded('uptime.txt'))).toBe(36965);
    expect(parseUptime('')).toBeNull();
    expect(parseTimezone(recorded('localtime.txt'))).toBe('Etc/UTC');
    expect(parseTimezone('Europe/Brussels\n')).toBe('Europe/Brussels');
    expect(parseTimezone('/etc/localtime-copy; rm -rf /')).toBe('');
  });

  it('reads lscpu of a virtual machine: no speed given, so none is made up', () => {
    expect(parseLscpu(recorded('lscpu.txt'))).toEqual({
      cpu: {
        manufacturer: 'AMD',
        brand: 'AMD EPYC',
        cores: 2,
        physicalCores: 2,
        speedGHz: 0,
        speedMaxGHz: null,
        sockets: 1,
        virtualization: false,
      },
      hypervisor: 'unknown',
    });
  });

  it('reads lscpu of a laptop: speeds, topology and VT-x', () => {
    expect(parseLscpu(recorded('lscpu-intel-laptop.txt'))).toEqual({
      cpu: {
        manufacturer: 'Intel',
        brand: '11th Gen Intel(R) Core(TM) i7-1165G7 @ 2.80GHz',
        cores: 8,
        physicalCores: 4,
        speedGHz: 2.8,
        speedMaxGHz: 4.7,
        sockets: 1,
        virtualization: true,
      },
      hypervisor: '',
    });
  });

  it('lists the disks lsblk knows, leaving out zram and a PCI id where a vendor name goes', () => {
    const disks = parseLsblk(recorded('lsblk.json'));
    expect(disks).toEqual([
      {
        device: '/dev/vda',
        name: 'vda',
        type: 'HD',
        vendor: '',
        interfaceType: '',
        sizeBytes: 274877906944,
        serial: '',
        firmware: '',
        smartStatus: '',
      },
    ]);
    expect(disks.map((d) => DiskSchema.parse(d))).toEqual(disks);
  });

  it('reads every interface from ip -j -d addr; wired or wireless stays unknown', () => {
    const interfaces = parseIpAddr(recorded('ip-addr.json'));
    expect(interfaces.map((i) => i.name)).toEqual(['eth0', 'ifb0', 'ifb1', 'lo']);
    expect(interfaces[0]).toEqual({
      name: 'eth0',
      mac: '02:fc:00:00:00:01',
      ip4: ['192.0.2.2'],
      ip6: ['fd00::2', 'fe80::fc:ff:fe00:1'],
      up: true,
      internal: false,
      virtual: false,
      type: '',
      speedMbps: null,
      mtu: 1400,
    });
    expect(interfaces[1]).toMatchObject({ up: false, virtual: true, type: 'virtual' });
    expect(interfaces[3]).toMatchObject({
      ip4: ['127.0.0.1'],
      up: true,
      internal: true,
      virtual: true,
    });
    for (const i of interfaces) NetworkInterfaceSchema.parse(i);
  });

  it('reads df -kPT in bytes, mount points with spaces included', () => {
    const lines = parseDf(recorded('df.txt'));
    expect(lines.find((l) => l.mount === '/')).toEqual({
      device: '/dev/vda',
      type: 'ext4',
      mount: '/',
      sizeBytes: 264212084 * 1024,
      usedBytes: 29914912 * 1024,
      availableBytes: 76476000 * 1024,
    });
    const spaced = parseDf(
      'Filesystem Type 1024-blocks Used Available Capacity Mounted on\n/dev/sdb1 vfat 1000 10 990 1% /media/USB STICK\n',
    );
    expect(spaced[0]?.mount).toBe('/media/USB STICK');
  });

  it('reads the firmware tables a user may read, and drops what makers leave as placeholders', () => {
    expect(parseDmi(recorded('dmi.txt')).size).toBe(0);
    const dmi = parseDmi(recorded('dmi-laptop.txt'));
    expect(dmi.get('product_version')).toBe('ThinkPad X1 Carbon Gen 9');
    expect(dmi.get('bios_version')).toBe('N32ET86W (1.62 )');
    expect(dmi.has('board_version')).toBe(false);
    expect(dmi.has('board_asset_tag')).toBe(false);
  });

  it('splits several files read by one grep back into each file, a missing or empty one absent', () => {
    const output = [
      '/proc/uptime:36965.12 70000.50',
      '/etc/resolv.conf:# from DHCP',
      '/etc/resolv.conf:',
      '/etc/resolv.conf:nameserver 10.255.255.53',
      '/proc/net/route:Iface\tDestination',
      '',
    ].join('\n');
    const files = parseFiles(output, [
      '/proc/net/route',
      '/proc/uptime',
      '/etc/resolv.conf',
      '/etc/os-release',
    ]);
    expect(Object.fromEntries(files)).toEqual({
      '/proc/uptime': '36965.12 70000.50\n',
      '/etc/resolv.conf': '# from DHCP\n\nnameserver 10.255.255.53\n',
      '/proc/net/route': 'Iface\tDestination\n',
    });
  });
});
