import path from 'node:path';
import { build as buildPlist } from 'plist/lib/build.js';
import {
  LAUNCHD_LABEL,
  checkUser,
  serveArguments,
  type ServiceOptions,
  type ServicePlan,
  writeDefinition,
  writeInitialConfig,
} from './plan';

export const LAUNCHD_PLIST_FILE = `/Library/LaunchDaemons/${LAUNCHD_LABEL}.plist`;
export const LAUNCHD_LOG_FILE = '/Library/Logs/Deskside Agent/agent.log';

/**
 * The launchd daemon: started at boot, restarted when it exits with an error (not when it
 * is stopped on purpose), at most every 10 s. Arguments are a list, so nothing is quoted by
 * hand: the plist library escapes them as XML.
 */
export function launchdPlist(options: ServiceOptions): string {
  return buildPlist({
    Label: LAUNCHD_LABEL,
    ProgramArguments: serveArguments(options),
    UserName: checkUser('darwin', options.user),
    RunAtLoad: true,
    KeepAlive: { SuccessfulExit: false },
    ThrottleInterval: 10,
    ExitTimeOut: 15,
    ProcessType: 'Background',
    // 0o077: files the agent creates are its own alone.
    Umask: 0o077,
    WorkingDirectory: options.dataDir,
    StandardOutPath: LAUNCHD_LOG_FILE,
    StandardErrorPath: LAUNCHD_LOG_FILE,
  });
}

export function launchdInstallPlan(options: ServiceOptions): ServicePlan {
  const user = checkUser('darwin', options.user);
  return {
    steps: [
      { kind: 'run', argv: ['install', '-d', '-m', '0700', '-o', user, options.dataDir] },
      { kind: 'run', argv: ['install', '-d', '-m', '0755', path.posix.dirname(LAUNCHD_LOG_FILE)] },
      writeInitialConfig(options),
      writeDefinition(LAUNCHD_PLIST_FILE, launchdPlist(options)),
      { kind: 'run', argv: ['launchctl', 'bootstrap', 'system', LAUNCHD_PLIST_FILE] },
      { kind: 'run', argv: ['launchctl', 'enable', `system/${LAUNCHD_LABEL}`] },
    ],
    notes: [`Its log: ${LAUNCHD_LOG_FILE}`, 'Add a console with: sudo deskside-agent pair'],
  };
}

export function launchdUninstallPlan(options: ServiceOptions): ServicePlan {
  return {
    steps: [
      { kind: 'run', argv: ['launchctl', 'bootout', `system/${LAUNCHD_LABEL}`], mayFail: true },
      { kind: 'remove', path: LAUNCHD_PLIST_FILE },
    ],
    notes: [
      `Kept: ${options.configFile}, the data folder ${options.dataDir} and the log ${LAUNCHD_LOG_FILE}.`,
    ],
  };
}
