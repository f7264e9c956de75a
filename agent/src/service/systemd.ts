import {
  SERVICE_NAME,
  checkUser,
  serveArguments,
  type ServiceOptions,
  type ServicePlan,
  writeDefinition,
  writeInitialConfig,
} from './plan';
import { systemdArgument, systemdValue } from './quoting';

export const SYSTEMD_UNIT_FILE = `/etc/systemd/system/${SERVICE_NAME}.service`;
export const STATE_DIRECTORY = `/var/lib/${SERVICE_NAME}`;

/** Who writes the unit: `install-service`, or the Debian package (agent/packaging/deb). */
export interface UnitOrigin {
  /** The unit's first line, saying where it comes from and how it goes away. */
  comment: string;
  /** The data folder's mode, which systemd sets on it at every start (StateDirectoryMode). */
  dataDirMode: '0700' | '0750';
}

const INSTALL_SERVICE: UnitOrigin = {
  comment:
    '# Written by `deskside-agent install-service`; `deskside-agent uninstall-service` removes it.',
  dataDirMode: '0700',
};

/** The agent's own system account, with no home folder of its own and no login. */
export const createSystemUser = (user: string, home: string): string[] => [
  'useradd',
  '--system',
  '--user-group',
  '--home-dir',
  home,
  '--no-create-home',
  '--shell',
  '/usr/sbin/nologin',
  checkUser('linux', user),
];

/**
 * The systemd unit. The agent only reads the computer, so the sandbox is tight: a read-only
 * system, no new privileges, the system calls of an ordinary service, no capabilities or
 * devices (unless it runs as root, which serial numbers and SMART data need), writable only
 * its data folder. Not set, on purpose: MemoryDenyWriteExecute (V8's JIT needs writable
 * executable memory), ProtectProc and ProcSubset (checks list processes and read /proc),
 * PrivateNetwork (it serves the LAN).
 */
export function systemdUnit(options: ServiceOptions, origin: UnitOrigin = INSTALL_SERVICE): string {
  const user = checkUser('linux', options.user);
  const asRoot = user === 'root';
  const execStart = serveArguments(options).map(systemdArgument).join(' ');
  const lines = [
    origin.comment,
    '[Unit]',
    'Description=Deskside diagnostics agent',
    'After=network-online.target',
    'Wants=network-online.target',
    // Give up after 5 failed starts in 5 minutes instead of restarting forever.
    'StartLimitIntervalSec=300',
    'StartLimitBurst=5',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${execStart}`,
    `User=${user}`,
    `Group=${user}`,
    'Restart=on-failure',
    'RestartSec=5s',
    'TimeoutStopSec=15s',
    'UMask=0077',
    ...(options.dataDir === STATE_DIRECTORY
      ? [`StateDirectory=${SERVICE_NAME}`, `StateDirectoryMode=${origin.dataDirMode}`]
      : []),
    `ReadWritePaths=${systemdValue(options.dataDir)}`,
    'NoNewPrivileges=yes',
    'ProtectSystem=strict',
    'ProtectHome=read-only',
    'PrivateTmp=yes',
    'ProtectKernelTunables=yes',
    'ProtectKernelModules=yes',
    'ProtectKernelLogs=yes',
    'ProtectControlGroups=yes',
    'ProtectClock=yes',
    'ProtectHostname=yes',
    'RestrictSUIDSGID=yes',
    'RestrictRealtime=yes',
    'RestrictNamespaces=yes',
    'LockPersonality=yes',
    'PrivateMounts=yes',
    'RemoveIPC=yes',
    'SystemCallArchitectures=native',
    'SystemCallFilter=@system-service',
    'SystemCallErrorNumber=EPERM',
    'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX AF_NETLINK',
    // As root it may read disks (SMART) and firmware tables; as anyone else it cannot anyway.
    ...(asRoot ? [] : ['PrivateDevices=yes', 'CapabilityBoundingSet=', 'AmbientCapabilities=']),
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ];
  return lines.join('\n');
}

export function systemdInstallPlan(options: ServiceOptions): ServicePlan {
  const user = checkUser('linux', options.user);
  return {
    steps: [
      {
        kind: 'run',
        argv: createSystemUser(user, options.dataDir),
        unless: ['id', '-u', user],
      },
      {
        kind: 'run',
        argv: ['install', '-d', '-m', '0700', '-o', user, '-g', user, options.dataDir],
      },
      writeInitialConfig(options),
      writeDefinition(SYSTEMD_UNIT_FILE, systemdUnit(options)),
      { kind: 'run', argv: ['systemctl', 'daemon-reload'] },
      { kind: 'run', argv: ['systemctl', 'enable', '--now', `${SERVICE_NAME}.service`] },
    ],
    notes: [
      `Follow its log with: journalctl -u ${SERVICE_NAME} -f`,
      `Add a console with: sudo deskside-agent pair`,
    ],
  };
}

export function systemdUninstallPlan(options: ServiceOptions): ServicePlan {
  return {
    steps: [
      {
        kind: 'run',
        argv: ['systemctl', 'disable', '--now', `${SERVICE_NAME}.service`],
        mayFail: true,
      },
      { kind: 'remove', path: SYSTEMD_UNIT_FILE },
      { kind: 'run', argv: ['systemctl', 'daemon-reload'] },
    ],
    notes: [
      `Kept: ${options.configFile}, the data folder ${options.dataDir} (certificate, paired consoles, audit log) and the account ${options.user}.`,
    ],
  };
}
