import { FactsUnavailableError, unavailableFrom } from './errors';
import { runCommand, type CommandRunner } from './exec';

/** What every collector takes, so another OS can be tested with recorded outputs. */
export interface CollectorOptions {
  platform?: NodeJS.Platform;
  run?: CommandRunner;
}

type Supported = 'linux' | 'win32' | 'darwin';

/**
 * Runs the collector written for this OS. An OS without one, or a collector that fails,
 * becomes a FactsUnavailableError that says what could not be read and why.
 */
export async function collectForPlatform<T>(
  what: string,
  options: CollectorOptions,
  collectors: Partial<Record<Supported, (run: CommandRunner) => Promise<T>>>,
): Promise<T> {
  const platform = options.platform ?? process.platform;
  const collect = collectors[platform as Supported];
  if (!collect) throw new FactsUnavailableError('unsupported', `${what}: not read on ${platform}`);
  try {
    return await collect(options.run ?? runCommand);
  } catch (error) {
    throw unavailableFrom(error, what);
  }
}
