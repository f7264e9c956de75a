/**
 * A machine of each OS as the checks see it: every command a catalog check runs there
 * answered from recorded outputs (agent/src/checks/fixtures and the collectors' fixtures),
 * and systeminformation's probes answered with recorded facts, so that every check can run
 * on Linux, Windows and macOS alike from this one. What needs no command (statfs, os.*, a
 * temp folder, sockets to servers on 127.0.0.1) is this machine's own.
 */
import type { CheckOs } from '@deskside/core';
import type { InterfaceFacts, ProcessFacts, SystemProbes } from '../../agent/src/checks/context';
import { systemProbes } from '../../agent/src/checks/probes';
import { fixture as collectorFixture } from '../../agent/src/collect/testing';
import { fixture, recordedExec, type Recording, type RunCheckOptions } from './check-harness';

const interfaces: InterfaceFacts[] = [
  { name: 'lo', up: true, internal: true, virtual: false, addresses: ['127.0.0.1'] },
  { name: 'eth0', up: true, internal: false, virtual: false, addresses: ['192.0.2.10'] },
];

const processes: ProcessFacts[] = [
  { pid: 0, name: 'System Idle Process', cpuPercent: 90, memoryPercent: 0, memoryBytes: 8192 },
  { pid: 812, name: 'browser', cpuPercent: 12.34, memoryPercent: 21.5, memoryBytes: 3.4e9 },
  { pid: 1204, name: 'mail', cpuPercent: 3.1, memoryPercent: 6.2, memoryBytes: 1e9 },
];

/**
 * Recorded network state: a wired interface, a gateway, a few processes; no TCP probing.
 * The rest (disk space, memory, CPU, files) is this machine's own.
 */
const probes: SystemProbes = {
  ...systemProbes,
  networkInterfaces: () => Promise.resolve(interfaces),
  defaultGateway: () => Promise.resolve('192.0.2.1'),
  processes: () => Promise.resolve(processes),
  answersTcp: () => Promise.resolve(null),
};

/** smartctl (found by name wherever it is installed) finding disks (device, type, health). */
const smartctl = (os: CheckOs, file: string, disks: [string, string, string][]): Recording[] => [
  { file, args: ['--scan', '--json=c'], stdout: fixture(os, 'smartctl-scan.json') },
  ...disks.map(([device, type, health]) => ({
    file,
    args: ['--json=c', '--info', '--health', '-d', type, '--', device],
    stdout: fixture(os, health),
  })),
];

/** CUPS, as Linux and macOS run it: three printers, one of them paused with jobs. */
const cups: Recording[] = [
  { file: 'lpstat', stdout: collectorFixture('linux', 'lpstat.txt') },
  ...['Hallway_Copier', 'Office_LaserJet', 'Reception_Label'].map((name) => ({
    file: 'lpoptions',
    args: ['-p', name],
    stdout: collectorFixture('linux', `lpoptions-${name}.txt`),
  })),
];

const REBOOT_KEYS = {
  servicing:
    'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending',
  windowsUpdate:
    'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired',
};

const powershell = (match: RegExp, name: string): Recording => ({
  file: 'powershell.exe',
  match,
  stdout: collectorFixture('windows', name),
});

const recordings: Record<CheckOs, Recording[]> = {
  linux: [
    { file: 'ping', stdout: fixture('linux', 'ping-reply.txt') },
    { file: 'systemctl', stdout: fixture('linux', 'systemctl-show-cups-active.txt') },
    { file: 'needs-restarting', missing: true },
    ...smartctl('linux', 'smartctl', [
      ['/dev/sda', 'sat', 'smartctl-sda-passed.json'],
      ['/dev/nvme0', 'nvme', 'smartctl-nvme0-passed.json'],
    ]),
    ...cups,
    { file: 'apt-get', stdout: collectorFixture('linux', 'apt-get-dist-upgrade.txt') },
    { file: 'dpkg-query', stdout: collectorFixture('linux', 'dpkg-query.txt') },
    { file: 'rpm', missing: true },
  ],
  win32: [
    { file: 'PING.EXE', stdout: fixture('win32', 'ping-reply.txt') },
    {
      file: 'reg.exe',
      args: ['query', REBOOT_KEYS.servicing],
      exitCode: 1,
      stderr: fixture('win32', 'reg-query-missing.txt'),
    },
    {
      file: 'reg.exe',
      args: ['query', REBOOT_KEYS.windowsUpdate],
      stdout: fixture('win32', 'reg-query-reboot-required.txt'),
    },
    { file: 'sc.exe', stdout: fixture('win32', 'sc-query-spooler-running.txt') },
    ...smartctl('win32', 'smartctl.exe', [['/dev/sda', 'nvme', 'smartctl-sda-passed.json']]),
    powershell(/Win32_Printer/, 'printers.json'),
    powershell(/Win32_Battery/, 'battery.json'),
    powershell(/Online = \$false/, 'updates.json'),
    powershell(/Uninstall/, 'software.json'),
  ],
  darwin: [
    { file: '/sbin/ping', stdout: fixture('darwin', 'ping-reply.txt') },
    {
      file: '/usr/sbin/sysctl',
      stdout: fixture('darwin', 'sysctl-memorystatus-level-relaxed.txt'),
    },
    { file: '/bin/launchctl', stdout: fixture('darwin', 'launchctl-print-cupsd-running.txt') },
    ...smartctl('darwin', 'smartctl', [['/dev/disk0', 'nvme', 'smartctl-disk0-passed.json']]),
    ...cups,
    { file: 'ioreg', stdout: collectorFixture('macos', 'ioreg-applesmartbattery.txt') },
    { file: 'pmset', stdout: collectorFixture('macos', 'pmset-batt-charging.txt') },
    {
      file: 'plutil',
      match: /RecommendedUpdates json/,
      stdout: collectorFixture('macos', 'softwareupdate-recommended.json'),
    },
    {
      file: 'plutil',
      match: /LastSuccessfulDate raw/,
      stdout: collectorFixture('macos', 'softwareupdate-last-successful-date.txt'),
    },
    {
      file: 'system_profiler',
      stdout: collectorFixture('macos', 'system-profiler-applications.json'),
    },
  ],
};

/** What `runCheck` needs to run any catalog check as `os` would. */
export function recordedMachine(os: CheckOs): RunCheckOptions {
  return { platform: os, exec: recordedExec(recordings[os]), probes };
}
