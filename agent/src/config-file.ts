import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import envPaths from 'env-paths';
import { AgentConfigSchema, fieldIssues, type AgentConfig } from './config';

/** A problem with the configuration, worded for the person who wrote it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Command-line flags that override a config field; commander gives them as strings. */
const FLAG_FIELDS = {
  address: { field: ['address'], integer: false },
  port: { field: ['port'], integer: true },
  dataDir: { field: ['dataDir'], integer: false },
  tokenFile: { field: ['tokenFile'], integer: false },
  logLevel: { field: ['logLevel'], integer: false },
  auditFile: { field: ['audit', 'file'], integer: false },
  maxBodyBytes: { field: ['limits', 'maxBodyBytes'], integer: true },
  ratePerConsole: { field: ['limits', 'ratePerConsole'], integer: true },
  ratePerAddress: { field: ['limits', 'ratePerAddress'], integer: true },
  concurrentChecks: { field: ['limits', 'concurrentChecks'], integer: true },
  signatureWindowSeconds: { field: ['limits', 'signatureWindowSeconds'], integer: true },
  helpPort: { field: ['fleet', 'helpPort'], integer: true },
} as const;

export type ConfigFlagName = keyof typeof FLAG_FIELDS;
export type ConfigFlags = Partial<Record<ConfigFlagName | 'config', string>>;

/** "dataDir" -> "--data-dir", as the command line spells it. */
export const flagName = (name: string): string =>
  `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Where the agent looks for its config file when none is named: the system-wide file that
 * `install-service` writes (so `pair`, `consoles` and `status` find the service's data
 * folder), then the user's own.
 */
export function defaultConfigFiles(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const user = path.join(envPaths('deskside-agent', { suffix: '' }).config, 'config.json');
  return [systemConfigFile(platform, env), user];
}

export function systemConfigFile(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') {
    return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Deskside Agent', 'config.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/Deskside Agent/config.json';
  return '/etc/deskside-agent/config.json';
}

/** The enrolment file `serve` takes at start, in the config file's folder. */
export const ENROLMENT_FILE_NAME = 'enrolment.json';

/** Where `serve` looks for an enrolment file: beside its config file, or the system-wide one. */
export function enrolmentFileBeside(configFile: string | null): string {
  return path.join(path.dirname(configFile ?? systemConfigFile()), ENROLMENT_FILE_NAME);
}

/** The config file to read: named by --config or DESKSIDE_AGENT_CONFIG, or the first default that exists. */
export function chooseConfigFile(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  defaults: string[] = defaultConfigFiles(),
): { file: string; named: boolean } | null {
  const named = flag ?? env.DESKSIDE_AGENT_CONFIG;
  if (named !== undefined) {
    if (named.trim() === '') throw new ConfigError('The config file name is empty');
    return { file: named, named: true };
  }
  const found = defaults.find((file) => existsSync(file));
  return found ? { file: found, named: false } : null;
}

async function readConfigFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigError(`Config file ${file} does not exist`);
    if (code === 'EACCES') throw new ConfigError(`Config file ${file} cannot be read (permission)`);
    throw new ConfigError(`Config file ${file} cannot be read (${code ?? 'unknown error'})`);
  }
  if (text.length > MAX_CONFIG_BYTES) throw new ConfigError(`Config file ${file} is too large`);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new ConfigError(`Config file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function setField(target: Record<string, unknown>, field: readonly string[], value: unknown): void {
  const [head, ...rest] = field;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const existing = target[head];
  const child: Record<string, unknown> =
    typeof existing === 'object' && existing !== null && !Array.isArray(existing)
      ? { ...(existing as Record<string, unknown>) }
      : {};
  setField(child, rest, value);
  target[head] = child;
}

/** The flags given, as [field, value]; a flag that is not a whole number where one is needed is named. */
function flagOverrides(flags: ConfigFlags): [readonly string[], string | number][] {
  const overrides: [readonly string[], string | number][] = [];
  const problems: string[] = [];
  for (const [name, { field, integer }] of Object.entries(FLAG_FIELDS)) {
    const value = flags[name as ConfigFlagName];
    if (value === undefined) continue;
    if (integer && !/^\d{1,9}$/.test(value.trim())) {
      problems.push(`${flagName(name)}: expected a whole number`);
      continue;
    }
    overrides.push([field, integer ? Number(value.trim()) : value]);
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return overrides;
}

const flagForField = new Map(
  Object.entries(FLAG_FIELDS).map(([name, { field }]) => [field.join('.'), flagName(name)]),
);

/**
 * The agent's configuration: defaults, then the config file, then the flags. Every problem
 * is reported at once, each naming the file and field, or the flag, it comes from.
 */
export async function loadAgentConfig(
  flags: ConfigFlags,
  env: NodeJS.ProcessEnv = process.env,
  defaults: string[] = defaultConfigFiles(),
): Promise<{ config: AgentConfig; file: string | null }> {
  const chosen = chooseConfigFile(flags.config, env, defaults);
  const fromFile = chosen ? await readConfigFile(chosen.file) : {};
  if (chosen) {
    const checked = AgentConfigSchema.safeParse(fromFile);
    if (!checked.success) {
      const lines = fieldIssues(checked.error).map(
        (i) => `${chosen.file}: ${i.field}: ${i.message}`,
      );
      throw new ConfigError(lines.join('\n'));
    }
  }
  const merged = { ...(fromFile as Record<string, unknown>) };
  for (const [field, value] of flagOverrides(flags)) setField(merged, field, value);
  const result = AgentConfigSchema.safeParse(merged);
  if (!result.success) {
    // The file alone was valid, so what is wrong now came from a flag.
    const lines = fieldIssues(result.error).map(
      (i) => `${flagForField.get(i.field) ?? i.field}: ${i.message}`,
    );
    throw new ConfigError(lines.join('\n'));
  }
  return { config: result.data, file: chosen?.file ?? null };
}
