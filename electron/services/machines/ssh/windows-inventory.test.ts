import { CommandError } from '@deskside/agent/collect';
import { InventoryV2Schema, diffInventories, inventoryProfile } from '@deskside/core';
import { describe, expect, it } from 'vitest';
import { playBack, recordedForAgent, recordedOn, type Played } from './fixtures/recorded';
import type { PowerShellRunner } from './runner';
import { collectWindowsInventory, powerShellCommandRunner } from './windows-inventory';
import { WINDOWS_SCRIPTS, cimDate, type WindowsScript } from './windows-parsers';

/**
 * Plays back what each script printed on a Windows 11 laptop (fixtures/windows, and the
 * agent's own recordings for its scripts); a script without a recording fails the test.
 */
function recordedWindows(overrides: Partial<Record<WindowsScript | 'users', Played>> = {}) {
  const own = (name: WindowsScript, file: string) =>
    [
      (s: string) => s === WINDOWS_SCRIPTS[name],
      overrides[name] ?? recordedOn('windows', file),
    ] as const;
  const agent = (pattern: RegExp, output: Played) =>
    [(s: string) => pattern.test(s), output] as const;
  const outputs: (readonly [(script: string) => boolean, Played])[] = [
    own('os', 'os.json'),
    own('hardware', 'hardware.json'),
    own('cpu', 'cpu.json'),
    own('memoryModules', 'memory-modules.json'),
    own('disks', 'disks.json'),
    own('volumes', 'volumes.json'),
    own('adapters', 'adapters.json'),
    agent(/Uninstall/, recordedForAgent('windows', 'software.json')),
    agent(/Win32_Printer/, recordedForAgent('windows', 'printers.json')),
    agent(/Win32_Battery/, recordedForAgent('windows', 'battery.json')),
    agent(/Get-NetRoute/, recordedForAgent('windows', 'network.json')),
    agent(/Microsoft\.Update\.Session/, recordedForAgent('windows', 'updates.json')),
    agent(/& 'query' 'user'/, overrides.users ?? recordedForAgent('windows', 'query-user.txt')),
  ];
  const scripts: string[] = [];
  const runPowerShell: PowerShellRunner = (script) => {
    scripts.push(script);
    const output = outputs.find(([matches]) => matches(script))?.[1];
    if (output === undefined) return Promise.reject(new Error(`No recording for ${script}`));
    return playBack(output, 'powershell.exe');
  };
  return { runPowerShell, scripts };
}

const NOW = new Date('2026-12-02T08:00:00.000Z');

describe('the inventory of a Windows machine over SSH, from recorded outputs (no Windows host here)', () => {
  it("fills core's schema from WMI and the agent's own scripts, and says why the rest is missing", async () => {
    const { runPowerShell } = recordedWindows();
    const inventory = await collectWindowsInventory(runPowerShell, { now: () => NOW });
    expect(InventoryV2Schema.parse(inventory)).toEqual(inventory);
    expect(inventory.hostname).toBe('DESK-0142');
    expect(inventory.os).toEqual({
      platform: 'Windows',
      distro: 'Microsoft Windows 11 Pro',
      release: '10.0.22631',
      codename: '23H2',
      build: '22631.4460',
      kernel: '10.0.22631',
      arch: 'x64',
      hostname: 'DESK-0142',
      fqdn: 'DESK-0142.corp.example.org',
      uptimeSeconds: 89238,
      lastBootAt: '2026-12-01T07:12:40.000Z',
      timezone: 'Europe/Brussels',
    });
    expect(inventory.system).toEqual({
      manufacturer: 'LENOVO',
      model: '20XK0015GE',
      version: 'ThinkPad T14 Gen 2a',
      serial: 'PF3ABCDE',
      uuid: '5a1e8c01-2b6d-11b2-a85c-e1f3b2c4d5e6',
      sku: 'LENOVO_MT_20XK_BU_Think_FM_ThinkPad T14 Gen 2a',
      virtual: false,
      virtualHost: '',
    });
    expect(inventory.bios).toEqual({
      vendor: 'LENOVO',
      version: 'R1MET56W (1.26 )',
      releaseDate: '2023-05-16',
      revision: '1.26',
    });
    expect(inventory.baseboard).toEqual({
      manufacturer: 'LENOVO',
      model: '20XK0015GE',
      version: 'SDK0J40697 WIN',
      serial: 'L1HF2AB0123',
      assetTag: '',
    });
    expect(inventory.cpu).toEqual({
      manufacturer: 'AMD',
      brand: 'AMD Ryzen 7 PRO 5850U with Radeon Graphics',
      cores: 16,
      physicalCores: 8,
      speedGHz: 1.9,
      speedMaxGHz: null,
      sockets: 1,
      virtualization: true,
      load: null,
    });
    expect(inventory.memory).toMatchObject({
      totalBytes: 16542208 * 1024,
      availableBytes: 7712344 * 1024,
      usedBytes: (16542208 - 7712344) * 1024,
      swapTotalBytes: 2490368 * 1024,
      swapUsedBytes: (2490368 - 2291100) * 1024,
    });
    expect(inventory.memory?.modules[0]).toEqual({
      slot: 'P0 CHANNEL A / DIMM 0',
      sizeBytes: 8589934592,
      type: 'DDR4',
      speedMHz: 3200,
      formFactor: 'SODIMM',
      manufacturer: 'Samsung',
      partNumber: 'M471A1K43EB1-CWE',
      serial: '3A1B2C4D',
    });
    expect(inventory.disks).toEqual([
      {
        device: '\\\\.\\PHYSICALDRIVE0',
        name: 'SAMSUNG MZVLB512HBJQ-000L7',
        type: 'NVMe',
        vendor: '',
        interfaceType: 'NVMe',
        sizeBytes: 512105932800,
        serial: '0025_3881_91B2_4A61.',
        firmware: '5M2QEXF7',
        smartStatus: 'Ok',
      },
      expect.objectContaining({ type: '', interfaceType: 'USB', sizeBytes: 30765219840 }),
    ]);
    // The card reader without a card is left out.
    expect(inventory.fileSystems).toEqual([
      {
        device: 'C:',
        type: 'NTFS',
        mount: 'C:',
        sizeBytes: 510770802688,
        usedBytes: 510770802688 - 201326592000,
        availableBytes: 201326592000,
        usePercent: 60.6,
      },
      expect.objectContaining({ mount: 'E:', type: 'FAT32' }),
    ]);
    expect(inventory.network?.interfaces).toEqual([
      {
        name: 'Ethernet',
        mac: 'e8:6a:64:ab:cd:ef',
        ip4: [],
        ip6: [],
        up: false,
        internal: false,
        virtual: false,
        type: 'wired',
        // No link: WMI says UInt64's largest value.
        speedMbps: null,
        mtu: null,
      },
      expect.objectContaining({ name: 'Ethernet 2', virtual: true, type: 'virtual', up: false }),
      {
        name: 'Wi-Fi',
        mac: 'a4:c3:f0:12:34:56',
        ip4: ['192.168.1.42'],
        ip6: ['fe80::1c2b:3d4e:5f60:7182'],
        up: true,
        internal: false,
        virtual: false,
        type: 'wireless',
        speedMbps: 866.7,
        mtu: null,
      },
    ]);
    // The agent's own parsers read the agent's scripts.
    expect(inventory.network?.dnsServers).toEqual(['10.20.0.10', '10.20.0.11']);
    expect(inventory.users?.map((u) => u.user)).toEqual(['jdoe', 'asmith', 'bwilson']);
    expect(inventory.software?.programs.length).toBeGreaterThan(0);
    expect(inventory.software?.programs[0]?.source).toBe('windows-registry');
    expect(inventory.printers?.spooler).toBe('windows');
    expect(inventory.battery?.batteries.length).toBeGreaterThan(0);
    expect(inventory.updates?.source).toBe('windows-update');
    expect(inventory.problems).toEqual([
      { section: 'graphics', reason: 'unsupported', message: 'graphics is not read over SSH yet' },
      { section: 'usb', reason: 'unsupported', message: 'usb is not read over SSH yet' },
    ]);
    expect(Object.keys(inventory.observedAt)).toHaveLength(14);
  });

  it('profiles the laptop for reports: its model by name, Windows 11 23H2, each program once', async () => {
    const { runPowerShell } = recordedWindows();
    const inventory = await collectWindowsInventory(runPowerShell, { now: () => NOW });
    const { profile, software } = inventoryProfile(inventory);
    expect(profile).toEqual({
      manufacturer: 'LENOVO',
      model: 'ThinkPad T14 Gen 2a',
      osPlatform: 'Windows',
      osDistro: 'Microsoft Windows 11 Pro',
      osRelease: '10.0.22631',
      osBuild: '22631.4460',
    });
    expect(software).toHaveLength(7);
    expect(software).toContainEqual({ name: 'Google Chrome', version: '131.0.6778.86' });
    expect(software).toContainEqual({ name: 'Zoom Workplace (64-bit)', version: '6.2.11 (53540)' });
  });

  it('leaves unknown what a virtual machine does not give, rather than its placeholders', async () => {
    const { runPowerShell } = recordedWindows({
      hardware: recordedOn('windows', 'hardware-virtualbox.json'),
      cpu: recordedOn('windows', 'cpu-virtualbox.json'),
      memoryModules: recordedOn('windows', 'memory-modules-virtualbox.json'),
    });
    const inventory = await collectWindowsInventory(runPowerShell, {
      sections: ['system', 'bios', 'baseboard', 'os', 'cpu', 'memory'],
      now: () => NOW,
    });
    expect(inventory.system).toMatchObject({
      manufacturer: 'innotek GmbH',
      serial: '',
      sku: '',
      virtual: true,
      virtualHost: 'VirtualBox',
    });
    expect(inventory.bios).toMatchObject({ version: 'VirtualBox', revision: '' });
    expect(inventory.baseboard).toMatchObject({ serial: '', assetTag: '' });
    // In a workgroup there is no DNS domain to name.
    expect(inventory.os?.fqdn).toBe('');
    // Behind a hypervisor WMI cannot tell whether the processor virtualises.
    expect(inventory.cpu).toMatchObject({ speedGHz: 1.8, virtualization: null });
    expect(inventory.memory?.modules).toEqual([
      {
        slot: 'Bank 0',
        sizeBytes: 4294967296,
        type: '',
        speedMHz: null,
        formFactor: '',
        manufacturer: '',
        partNumber: '',
        serial: '',
      },
    ]);
    expect(inventory.problems).toEqual([]);
  });

  it('lists a section whose script failed or timed out, and still gives the others', async () => {
    const { runPowerShell } = recordedWindows({
      disks: { stdout: '', stderr: 'Get-CimInstance : Access denied', exitCode: 1 },
      volumes: new CommandError('timeout', 'powershell.exe', 'powershell.exe did not finish'),
      users: { stdout: '', stderr: '', exitCode: 9009 },
      memoryModules: new Error('WMI is broken'),
    });
    const inventory = await collectWindowsInventory(runPowerShell, {
      sections: ['disks', 'fileSystems', 'memory', 'users'],
    });
    expect(inventory.memory?.modules).toEqual([]);
    expect(inventory.problems).toEqual([
      {
        section: 'disks',
        reason: 'failed',
        message: 'Disks: PowerShell exited with 1: Get-CimInstance : Access denied',
      },
      {
        section: 'fileSystems',
        reason: 'timeout',
        message: 'File systems: powershell.exe did not finish',
      },
      {
        section: 'users',
        reason: 'not_installed',
        message: 'Logged-in users: query is not installed',
      },
    ]);
  });

  it('runs each script once, however many sections read it', async () => {
    const { runPowerShell, scripts } = recordedWindows();
    await collectWindowsInventory(runPowerShell, {
      sections: ['system', 'bios', 'baseboard', 'os', 'memory'],
    });
    expect(scripts.filter((s) => s === WINDOWS_SCRIPTS.hardware)).toHaveLength(1);
    expect(scripts.filter((s) => s === WINDOWS_SCRIPTS.os)).toHaveLength(1);
  });
});

describe("the agent's programs and WMI's dates on Windows", () => {
  it("run the agent's programs through PowerShell with every word quoted for it", async () => {
    const scripts: string[] = [];
    const run = powerShellCommandRunner((script) => {
      scripts.push(script);
      return Promise.resolve({ stdout: '', stderr: '', exitCode: 0 });
    });
    await run('query', ['user', "it's ‘odd’; rm -r C:\\"]);
    expect(scripts[0]).toContain(`& 'query' 'user' 'it''s ‘‘odd’’; rm -r C:\\'`);
    await expect(run('query user', [])).rejects.toThrow(/not a program name/);
  });

  it('read dates as PowerShell 5.1 prints them, or as ISO text', () => {
    expect(cimDate('/Date(1796109160203)/')).toBe('2026-12-01T07:12:40.203Z');
    expect(cimDate('2026-12-01T07:12:40.2031250Z')).toBe('2026-12-01T07:12:40.203Z');
    expect(cimDate('')).toBeNull();
    expect(cimDate(null)).toBeNull();
  });
});

describe('the diff of two Windows inventories from recorded outputs (no Windows host here)', () => {
  it('finds nothing between two collections an hour apart, and only the machine on another machine', async () => {
    const first = await collectWindowsInventory(recordedWindows().runPowerShell, {
      now: () => NOW,
    });
    const later = () => new Date(NOW.getTime() + 3_600_000);
    const again = await collectWindowsInventory(recordedWindows().runPowerShell, { now: later });
    const same = diffInventories(first, again);
    expect(same.summary.total).toBe(0);
    expect(first.software!.programs.length).toBeGreaterThan(0);
    expect(same.sections.software.status).toBe('compared');

    const virtualBox = await collectWindowsInventory(
      recordedWindows({
        hardware: recordedOn('windows', 'hardware-virtualbox.json'),
        cpu: recordedOn('windows', 'cpu-virtualbox.json'),
        memoryModules: recordedOn('windows', 'memory-modules-virtualbox.json'),
      }).runPowerShell,
      { now: later },
    );
    const { sections, summary } = diffInventories(first, virtualBox);
    const changed = Object.entries(summary.sections)
      .filter(([, count]) => count !== 0 && count !== null)
      .map(([section]) => section);
    expect(changed).toEqual(['system', 'bios', 'baseboard', 'os', 'cpu', 'memory']);
    // The virtual machine's recording names no domain; the laptop's does.
    expect(sections.os).toEqual({
      status: 'compared',
      changes: [{ field: 'fqdn', from: 'DESK-0142.corp.example.org', to: '' }],
    });
  });
});
