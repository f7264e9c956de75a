import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { fixture } from '../testing';
import { CpuLoadSampler } from './cpu-load';
import { fileSystemUsage, parseProcMounts } from './file-systems';
import { parseMacMemory, parseMeminfo } from './memory';
import { joinInterfaces } from './network';

describe('memory', () => {
  it('Linux: reads this machine’s /proc/meminfo', async () => {
    const usage = parseMeminfo(await readFile('/proc/meminfo', 'utf8'));
    expect(usage.totalBytes).toBe(os.totalmem());
    expect(usage.usedBytes + usage.availableBytes).toBe(usage.totalBytes);
  });

  it('macOS: free, inactive, speculative and purgeable pages are available; swap from sysctl', () => {
    const page = 16384;
    const usage = parseMacMemory(
      fixture('macos', 'vm_stat.txt'),
      fixture('macos', 'sysctl-vm-swapusage.txt'),
      16 * 1024 ** 3,
    );
    expect(usage.availableBytes).toBe((12045 + 243510 + 3121 + 5211) * page);
    expect(usage.swapTotalBytes).toBe(2048 * 1024 ** 2);
    expect(usage.swapUsedBytes).toBe(Math.round(1024.25 * 1024 ** 2));
  });
});

describe('file systems', () => {
  it('keeps real file systems once per mount point, decoding escaped names', () => {
    const mounts = parseProcMounts(
      [
        'proc /proc proc rw 0 0',
        '/dev/nvme0n1p2 / ext4 rw 0 0',
        '/dev/nvme0n1p1 /boot/efi vfat rw 0 0',
        'tmpfs /run tmpfs rw 0 0',
        '/dev/loop3 /snap/core22/1380 squashfs ro 0 0',
        '//nas/share /mnt/team\\040share cifs rw 0 0',
        '/dev/nvme0n1p2 / ext4 rw 0 0',
      ].join('\n'),
    );
    expect(mounts).toEqual([
      { device: '/dev/nvme0n1p2', mount: '/', type: 'ext4' },
      { device: '/dev/nvme0n1p1', mount: '/boot/efi', type: 'vfat' },
      { device: '//nas/share', mount: '/mnt/team share', type: 'cifs' },
    ]);
  });

  it('a container’s overlay root still counts', () => {
    expect(parseProcMounts('overlay / overlay rw 0 0\noverlay /var/lib/x overlay rw 0 0')).toEqual([
      { device: 'overlay', mount: '/', type: 'overlay' },
    ]);
  });

  it('reads use with statfs, and leaves out what cannot be read', async () => {
    const [root] = await fileSystemUsage([
      { device: 'root', mount: '/', type: 'ext4' },
      { device: 'gone', mount: '/no/such/mount', type: 'ext4' },
    ]);
    expect(root?.sizeBytes).toBeGreaterThan(0);
    expect(root?.usePercent).toBeGreaterThanOrEqual(0);
  });
});

describe('network interfaces', () => {
  const addresses: NodeJS.Dict<os.NetworkInterfaceInfo[]> = {
    Ethernet: [
      {
        address: '10.20.1.44',
        netmask: '255.255.255.0',
        family: 'IPv4',
        mac: '00:15:5d:01:02:03',
        internal: false,
        cidr: '10.20.1.44/24',
      },
    ],
    'Loopback Pseudo-Interface 1': [
      {
        address: '127.0.0.1',
        netmask: '255.0.0.0',
        family: 'IPv4',
        mac: '00:00:00:00:00:00',
        internal: true,
        cidr: '127.0.0.1/8',
      },
    ],
  };

  it('Windows and macOS: addresses now, kind and speed from the cache, up when it has an address', () => {
    const interfaces = joinInterfaces(
      addresses,
      new Map([
        ['Ethernet', { up: true, type: 'wired', virtual: false, speedMbps: 1000, mtu: 1500 }],
        ['Wi-Fi', { up: false, type: 'wireless', virtual: false, speedMbps: null, mtu: 1500 }],
      ]),
    );
    expect(interfaces.map((n) => [n.name, n.up, n.type, n.ip4, n.internal])).toEqual([
      ['Ethernet', true, 'wired', ['10.20.1.44'], false],
      ['Loopback Pseudo-Interface 1', true, 'virtual', ['127.0.0.1'], true],
      ['Wi-Fi', false, 'wireless', [], false],
    ]);
  });
});

describe('CpuLoadSampler', () => {
  it('works out the load of the last window from CPU times', () => {
    let busy = 0;
    const cpus = () =>
      [0, 1].map(() => ({
        model: 'test',
        speed: 1,
        times: { user: busy, nice: 0, sys: 0, irq: 0, idle: 1000 + 3 * busy },
      }));
    const sampler = new CpuLoadSampler(3_600_000, cpus);
    expect(sampler.current()).toBeNull();
    busy = 250;
    expect(sampler.sample()).toMatchObject({ percent: 25, perCore: [25, 25] });
    expect(sampler.current()?.percent).toBe(25);
  });
});
