import path from 'node:path';
import XmlBuilder from 'fast-xml-builder';
import {
  WINDOWS_SERVICE_ID,
  checkUser,
  serveArguments,
  type ServiceOptions,
  type ServicePlan,
  writeDefinition,
  writeInitialConfig,
} from './plan';
import { refusePercent, windowsArgument } from './quoting';

/**
 * Node.js cannot answer Windows' service control manager itself, so the agent runs under
 * WinSW, a small service wrapper: WinSW.exe saved as deskside-agent-service.exe beside its
 * configuration deskside-agent-service.xml.
 */
export function windowsServiceFiles(options: ServiceOptions): {
  wrapper: string;
  xml: string;
  logs: string;
} {
  const dir = path.win32.join(path.win32.dirname(options.configFile), 'service');
  return {
    wrapper: path.win32.join(dir, 'deskside-agent-service.exe'),
    xml: path.win32.join(dir, 'deskside-agent-service.xml'),
    logs: path.win32.join(path.win32.dirname(options.configFile), 'logs'),
  };
}

/**
 * WinSW's configuration. Each argument is its own element, which WinSW quotes for the
 * command line; `%` is refused because WinSW expands %NAME% everywhere. Restarted on
 * failure, stopped with Ctrl+C (the agent closes its audit log), its output rolled by size.
 */
export function winswXml(options: ServiceOptions): string {
  const [executable, ...args] = serveArguments(options).map(refusePercent);
  const files = windowsServiceFiles(options);
  const builder = new XmlBuilder({
    format: true,
    indentBy: '  ',
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    suppressEmptyNode: true,
  });
  const xml = builder.build({
    service: {
      id: WINDOWS_SERVICE_ID,
      name: 'Deskside Agent',
      description:
        'Deskside diagnostics agent: read-only inventory and checks for the service desk',
      executable,
      argument: args,
      workingdirectory: refusePercent(options.dataDir),
      startmode: 'Automatic',
      onfailure: [
        { '@action': 'restart', '@delay': '10 sec' },
        { '@action': 'restart', '@delay': '30 sec' },
        { '@action': 'restart', '@delay': '2 min' },
      ],
      resetfailure: '1 hour',
      stoptimeout: '15 sec',
      logpath: refusePercent(files.logs),
      log: { '@mode': 'roll-by-size', sizeThreshold: 10240, keepFiles: 5 },
      serviceaccount: { username: checkUser('win32', options.user) },
    },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Written by deskside-agent install-service -->\n${xml}`;
}

export function windowsInstallPlan(options: ServiceOptions): ServicePlan {
  const files = windowsServiceFiles(options);
  const user = checkUser('win32', options.user);
  return {
    steps: [
      { kind: 'require', path: files.wrapper, why: 'WinSW (x64), saved under this name' },
      writeInitialConfig(options),
      writeDefinition(files.xml, winswXml(options)),
      { kind: 'mkdir', path: options.dataDir },
      // The data folder: the service account may change it, other users may not read it.
      {
        kind: 'run',
        argv: [
          'icacls',
          options.dataDir,
          '/inheritance:r',
          '/grant:r',
          `${user}:(OI)(CI)M`,
          '/grant:r',
          'SYSTEM:(OI)(CI)F',
          '/grant:r',
          'Administrators:(OI)(CI)F',
        ],
      },
      { kind: 'run', argv: [files.wrapper, 'install'] },
      { kind: 'run', argv: [files.wrapper, 'start'] },
    ],
    notes: [`Its log: ${files.logs}`, 'Add a console with (as administrator): deskside-agent pair'],
  };
}

export function windowsUninstallPlan(options: ServiceOptions): ServicePlan {
  const files = windowsServiceFiles(options);
  return {
    steps: [
      { kind: 'run', argv: [files.wrapper, 'stop'], mayFail: true },
      { kind: 'run', argv: [files.wrapper, 'uninstall'] },
      { kind: 'remove', path: files.xml },
    ],
    notes: [
      `Kept: ${options.configFile}, the data folder ${options.dataDir}, the logs in ${files.logs} and ${files.wrapper}.`,
    ],
  };
}

/** A step's command line as a person types it on Windows. */
export const windowsCommandLine = (argv: string[]): string => argv.map(windowsArgument).join(' ');
