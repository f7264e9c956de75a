import { CommandError, type CommandRunner } from '@deskside/agent/collect';
import { InventoryV2Schema, diffInventories, inventoryProfile } from '@deskside/core';
import { describe, expect, it } from 'vitest';
import { playBack, recordedForAgent, recordedOn, type Played } from './fixtures/recorded';
import { collectMacosInventory } from './macos-inventory';
import { SYSCTL_NAMES, SYSTEM_PROFILER_TYPES } from './macos-parsers';

const SOFTWARE_UPDATE = '/Library/Preferences/com.apple.SoftwareUpdate.plist';

/** Answers each command from what a MacBook Pro printed; a command without one is not installed. */
function recordedMac(overrides: Record<string, Played> = {}) {
  const mac = (name: string) => recordedOn('macos', name);
  const agent = (name: string) => recordedForAgent('macos', name);
  const outputs: Record<string, Played> = {
    [`system_profiler -json ${SYSTEM_PROFILER_TYPES.join(' ')}`]: mac('system-profiler.json'),
    sw_vers: mac('sw_vers.txt'),
    'uname -r -m': mac('uname.txt'),
    [`sysctl ${SYSCTL_NAMES.join(' ')}`]: {
      stdout: mac('sysctl.txt'),
      stderr: mac('sysctl.stderr.txt'),
      exitCode: 1,
    },
    'readlink /etc/localtime': mac('localtime.txt'),
    'hostname -f': 'Janes-MacBook-Pro.local\n',
    'df -kP': mac('df.txt'),
    vm_stat: agent('vm_stat.txt'),
    'sysctl -n vm.swapusage': agent('sysctl-vm-swapusage.txt'),
    who: agent('who.txt'),
    'ioreg -r -n AppleSmartBattery': agent('ioreg-applesmartbattery.txt'),
    'pmset -g batt': agent('pmset-batt-discharging.txt'),
    'route -n get default': agent('route-get-default.txt'),
    'route -n get -inet6 default': agent('route-get-inet6-default.txt'),
    'scutil --dns': agent('scutil-dns.txt'),
    [`plutil -extract RecommendedUpdates json -o - ${SOFTWARE_UPDATE}`]: agent(
      'softwareupdate-recommended.json',
    ),
    [`plutil -extract LastSuccessfulDate raw -o - ${SOFTWARE_UPDATE}`]: agent(
      'softwareupdate-last-successful-date.txt',
    ),
    'system_profiler -json -detailLevel mini SPApplicationsDataType': agent(
      'system-profiler-applications.json',
    ),
    'lpstat -d -p -o': {
      stdout: 'no system default destination\n',
      stderr: 'lpstat: No destinations added.\n',
      exitCode: 1,
    },
    ...overrides,
  };
  const ran: string[] = [];
  const run: CommandRunner = (program, args) => {
    const command = [program, ...args].join(' ');
    ran.push(command);
    return playBack(outputs[command], program);
  };
  return { run, ran };
}

const NOW = new Date('2026-12-02T08:00:00.000Z');

describe('the inventory of a Mac over SSH, from recorded outputs (no Mac here)', () => {
  it("fills core's schema from system_profiler, sysctl and the agent's collectors", async () => {
    const { run } = recordedMac();
    const inventory = await collectMacosInventory(run, { now: () => NOW });
    expect(InventoryV2Schema.parse(inventory)).toEqual(inventory);
    expect(inventory.hostname).toBe('Janes-MacBook-Pro.local');
    expect(inventory.os).toEqual({
      platform: 'darwin',
      distro: 'macOS',
      release: '14.6.1',
      codename: 'Sonoma',
      build: '23G93',
      kernel: '23.6.0',
      arch: 'arm64',
      hostname: 'Janes-MacBook-Pro.local',
      fqdn: 'Janes-MacBook-Pro.local',
      uptimeSeconds: 26 * 3600,
      lastBootAt: '2026-12-01T06:00:00.000Z',
      timezone: 'Europe/Brussels',
    });
    expect(inventory.system).toEqual({
      manufacturer: 'Apple Inc.',
      model: 'MacBookPro18,3',
      version: '',
      serial: 'C02FK3ABQ6LT',
      uuid: '8a3b1c2d-4e5f-5a6b-9c7d-0e1f2a3b4c5d',
      sku: 'MKGP3LL/A',
      virtual: false,
      virtualHost: '',
    });
    expect(inventory.bios).toEqual({
      vendor: 'Apple Inc.',
      version: '10151.140.19',
      releaseDate: '',
      revision: '',
    });
    // Apple silicon gives no clock speed: 0 and null, as on a Linux guest, not a guess.
    expect(inventory.cpu).toEqual({
      manufacturer: 'Apple',
      brand: 'Apple M1 Pro',
      cores: 8,
      physicalCores: 8,
      speedGHz: 0,
      speedMaxGHz: null,
      sockets: 1,
      virtualization: true,
      load: null,
    });
    expect(inventory.memory?.totalBytes).toBe(17179869184);
    expect(inventory.memory?.swapTotalBytes).toBe(2048 * 1024 * 1024);
    expect(inventory.memory?.modules).toEqual([
      {
        slot: '',
        sizeBytes: 16 * 1024 ** 3,
        type: 'LPDDR5',
        speedMHz: null,
        formFactor: '',
        manufacturer: 'Hynix',
        partNumber: '',
        serial: '',
      },
    ]);
    expect(inventory.disks).toEqual([
      {
        device: '/dev/disk0',
        name: 'APPLE SSD AP0512R',
        type: 'NVMe',
        vendor: '',
        interfaceType: 'NVMe',
        sizeBytes: 500277790720,
        serial: '0ba01234a5b6c7d8',
        firmware: '874.140.',
        smartStatus: 'Verified',
      },
    ]);
    // The system's volumes and the USB stick; macOS's own (VM, Preboot...) are left out.
    expect(inventory.fileSystems).toEqual([
      {
        device: '/dev/disk3s1s1',
        type: 'APFS',
        mount: '/',
        sizeBytes: 482797652 * 1024,
        usedBytes: 10486212 * 1024,
        availableBytes: 196518744 * 1024,
        usePercent: 5.1,
      },
      expect.objectContaining({ mount: '/System/Volumes/Data', type: 'APFS', usePercent: 57.3 }),
      expect.objectContaining({ mount: '/Volumes/BACKUP', type: 'ExFAT' }),
    ]);
    expect(inventory.network?.interfaces).toEqual([
      {
        name: 'bridge0',
        mac: '',
        ip4: [],
        ip6: [],
        up: false,
        internal: false,
        virtual: true,
        type: 'virtual',
        speedMbps: null,
        mtu: null,
      },
      {
        name: 'en0',
        mac: 'a4:83:e7:12:34:56',
        ip4: ['192.168.1.23'],
        ip6: ['fe80::1c4f:8a2b:3d6e:9f01'],
        up: true,
        internal: false,
        virtual: false,
        type: 'wireless',
        speedMbps: null,
        mtu: null,
      },
      expect.objectContaining({ name: 'en7', type: 'wired', up: false }),
    ]);
    // The agent's own collectors read the rest.
    expect(inventory.network?.defaultGateways.ip4.length).toBe(1);
    expect(inventory.users?.length).toBeGreaterThan(0);
    expect(inventory.battery?.batteries[0]?.state).toBe('discharging');
    expect(inventory.printers).toEqual({ spooler: 'cups', spoolerRunning: true, printers: [] });
    expect(inventory.software?.programs[0]?.source).toBe('macos-applications');
    expect(inventory.updates?.source).toBe('macos-softwareupdate');
    expect(inventory.problems).toEqual([
      {
        section: 'baseboard',
        reason: 'unsupported',
        message: 'A Mac shows no baseboard apart from its system',
      },
      { section: 'graphics', reason: 'unsupported', message: 'graphics is not read over SSH yet' },
      { section: 'usb', reason: 'unsupported', message: 'usb is not read over SSH yet' },
    ]);
  });

  it('profiles the Mac for reports: maker, model identifier, macOS 14.6.1, each app once', async () => {
    const { run } = recordedMac();
    const inventory = await collectMacosInventory(run, { now: () => NOW });
    const { profile, software } = inventoryProfile(inventory);
    expect(profile).toEqual({
      manufacturer: 'Apple Inc.',
      model: 'MacBookPro18,3',
      osPlatform: 'darwin',
      osDistro: 'macOS',
      osRelease: '14.6.1',
      osBuild: '23G93',
    });
    expect(software).toContainEqual({ name: 'Microsoft Teams', version: '24295.606.3238.6194' });
    expect(software).toContainEqual({ name: 'Legacy Tool', version: '' });
    expect(new Set(software?.map((p) => `${p.name} ${p.version}`)).size).toBe(software?.length);
  });

  it('reads an Intel Mac’s clock from sysctl, and leaves unknown what sysctl does not say', async () => {
    const { run } = recordedMac({
      [`sysctl ${SYSCTL_NAMES.join(' ')}`]: recordedOn('macos', 'sysctl-intel.txt'),
    });
    const inventory = await collectMacosInventory(run, { sections: ['cpu'] });
    expect(inventory.cpu).toEqual({
      manufacturer: 'Intel',
      brand: 'Intel(R) Core(TM) i5-7360U CPU @ 2.30GHz',
      cores: 4,
      physicalCores: 2,
      speedGHz: 2.3,
      speedMaxGHz: null,
      sockets: 1,
      // kern.hv_support is not in this output: whether it virtualises is not known.
      virtualization: null,
      load: null,
    });
  });

  it('lists the sections whose commands failed, runs each command once, and gives the others', async () => {
    const { run, ran } = recordedMac({
      [`system_profiler -json ${SYSTEM_PROFILER_TYPES.join(' ')}`]: new CommandError(
        'timeout',
        'system_profiler',
        'system_profiler did not finish within 60000 ms',
      ),
      'df -kP': { stdout: '', stderr: 'df: /Volumes/NAS: Stale NFS file handle', exitCode: 1 },
    });
    const inventory = await collectMacosInventory(run, {
      sections: ['system', 'os', 'memory', 'disks', 'fileSystems', 'cpu'],
    });
    expect(inventory.os?.release).toBe('14.6.1');
    expect(inventory.memory?.modules).toEqual([]);
    expect(inventory.cpu?.brand).toBe('Apple M1 Pro');
    expect(inventory.problems).toEqual([
      {
        section: 'system',
        reason: 'timeout',
        message: 'System: system_profiler did not finish within 60000 ms',
      },
      {
        section: 'disks',
        reason: 'timeout',
        message: 'Disks: system_profiler did not finish within 60000 ms',
      },
      {
        section: 'fileSystems',
        reason: 'failed',
        message: 'File systems: df exited with 1: df: /Volumes/NAS: Stale NFS file handle',
      },
    ]);
    expect(ran.filter((c) => c.startsWith('system_profiler'))).toHaveLength(1);
    expect(ran.filter((c) => c.startsWith('sysctl hw.memsize'))).toHaveLength(1);
  });
});

describe('the diff of two Mac inventories from recorded outputs (no Mac here)', () => {
  it('finds nothing between two collections a day apart, and an OS update as just that', async () => {
    const first = await collectMacosInventory(recordedMac().run, { now: () => NOW });
    const later = () => new Date(NOW.getTime() + 86_400_000);
    const again = await collectMacosInventory(recordedMac().run, { now: later });
    expect(diffInventories(first, again).summary.total).toBe(0);

    const updated = await collectMacosInventory(
      recordedMac({
        sw_vers: 'ProductName:\t\tmacOS\nProductVersion:\t\t14.7\nBuildVersion:\t\t23H124\n',
      }).run,
      { now: later },
    );
    const { sections, summary } = diffInventories(first, updated);
    expect(sections.os).toEqual({
      status: 'compared',
      changes: [
        { field: 'release', from: '14.6.1', to: '14.7' },
        { field: 'build', from: '23G93', to: '23H124' },
      ],
    });
    expect(summary.total).toBe(2);
  });
});
