import path from 'node:path';
import { systemConfigFile } from '../config-file';
import { selfArguments } from '../self-command';

export type ServicePlatform = 'linux' | 'darwin' | 'win32';

/** What a service definition is made from. */
export interface ServiceOptions {
  platform: ServicePlatform;
  /** The Node.js executable, or the agent's self-contained executable. */
  node: string;
  /** The agent bundle, deskside-agent.mjs; null when `node` is the self-contained executable. */
  script: string | null;
  configFile: string;
  dataDir: string;
  /** The account the agent runs as. */
  user: string;
  /** For the config file written when there is none yet. */
  address: string;
  port: number;
}

/** One step of installing or removing the service, run in order. */
export type ServiceStep =
  | { kind: 'write'; path: string; content: string; mode: number; onlyIfMissing: boolean }
  | { kind: 'remove'; path: string }
  | { kind: 'mkdir'; path: string }
  | { kind: 'require'; path: string; why: string }
  /**
   * Runs `argv`; skipped when `unless` is given and succeeds. `mayFail`: a failure is
   * reported and the next step runs (stopping a service that is not running).
   */
  | { kind: 'run'; argv: string[]; unless?: string[]; mayFail?: boolean };

export interface ServicePlan {
  steps: ServiceStep[];
  /** What the administrator should know afterwards. */
  notes: string[];
}

export const SERVICE_NAME = 'deskside-agent';
export const LAUNCHD_LABEL = 'com.deskside.agent';
export const WINDOWS_SERVICE_ID = 'DesksideAgent';

/** Where each platform keeps a system service's data, and whom it runs as, by default. */
export function defaultServiceOptions(
  platform: ServicePlatform,
  env: NodeJS.ProcessEnv = process.env,
): Pick<ServiceOptions, 'configFile' | 'dataDir' | 'user'> {
  const configFile = systemConfigFile(platform, env);
  if (platform === 'win32') {
    return {
      configFile,
      dataDir: path.win32.join(path.win32.dirname(configFile), 'data'),
      user: 'NT AUTHORITY\\LocalService',
    };
  }
  if (platform === 'darwin') {
    // A dedicated account on macOS has to be made with dscl first; name it with --user.
    return {
      configFile,
      dataDir: path.posix.join(path.posix.dirname(configFile), 'data'),
      user: 'root',
    };
  }
  return { configFile, dataDir: '/var/lib/deskside-agent', user: SERVICE_NAME };
}

/** The config file install-service writes when there is none: the service listens on the LAN. */
export function initialConfig(options: ServiceOptions): string {
  const config = { address: options.address, port: options.port, dataDir: options.dataDir };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** The config file, written only when there is none: a reinstall keeps the administrator's. */
export const writeInitialConfig = (options: ServiceOptions): ServiceStep => ({
  kind: 'write',
  path: options.configFile,
  content: initialConfig(options),
  mode: 0o644,
  onlyIfMissing: true,
});

/** The service definition, replaced on every install. */
export const writeDefinition = (file: string, content: string): ServiceStep => ({
  kind: 'write',
  path: file,
  content,
  mode: 0o644,
  onlyIfMissing: false,
});

const POSIX_USER = /^[a-z_][a-z0-9_-]{0,31}$/;
const WINDOWS_USER = /^[\w .@\\-]{1,104}\$?$/;

export function checkUser(platform: ServicePlatform, user: string): string {
  const valid = platform === 'win32' ? WINDOWS_USER.test(user) : POSIX_USER.test(user);
  if (!valid) throw new Error(`--user: ${JSON.stringify(user)} is not an account name`);
  return user;
}

/** The agent's command line: node and the bundle (or the executable), `serve --config <file>`. */
export const serveArguments = (options: ServiceOptions): string[] =>
  selfArguments({ executable: options.node, script: options.script }, [
    'serve',
    '--config',
    options.configFile,
  ]);
