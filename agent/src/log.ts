import type { Bindings, DestinationStream, Level, Logger, LoggerOptions } from 'pino';

type LineLevel = Extract<Level, 'error' | 'warn' | 'info' | 'debug'>;
type LogLine = (fields: object, message: string) => void;

/** The part of pino's logger the agent uses; a pino logger is one. */
export interface AgentLogger {
  error: LogLine;
  warn: LogLine;
  info: LogLine;
  debug: LogLine;
  child(bindings: Bindings): AgentLogger;
}

export interface LazyLogger {
  logger: AgentLogger;
  /** Resolves once the lines logged so far are written: awaited before the process exits. */
  settled(): Promise<void>;
}

/** pino's level numbers (`pino.levels.values`), here so that checking a level loads no pino. */
export const LEVEL_VALUES: Record<string, number> = {
  fatal: 60,
  error: 50,
  warn: 40,
  info: 30,
  debug: 20,
  trace: 10,
};

/**
 * A pino logger that is loaded with the first line worth writing, so an agent that nobody
 * calls and that has nothing to report does not hold the logging library. Lines logged
 * while pino loads (a few milliseconds) are written once it is there, in order.
 */
export function lazyPino(
  options: LoggerOptions & { level: string },
  /** Where lines go; standard output by default. */
  destination?: DestinationStream,
): LazyLogger {
  const threshold = LEVEL_VALUES[options.level] ?? Infinity; // "silent": nothing is written
  let root: Logger | undefined;
  let loading: Promise<void> | undefined;
  const waiting: { path: Bindings[]; level: LineLevel; fields: object; message: string }[] = [];
  const resolve = (path: Bindings[]) =>
    path.reduce<Logger>((logger, bindings) => logger.child(bindings), root as Logger);

  const load = () =>
    (loading ??= import('pino').then(
      ({ default: pino }) => {
        root = destination ? pino(options, destination) : pino(options);
        for (const line of waiting.splice(0)) {
          resolve(line.path)[line.level](line.fields, line.message);
        }
      },
      () => {
        // Nowhere to log that logging failed; the agent goes on serving.
        waiting.length = 0;
      },
    ));

  const make = (path: Bindings[]): AgentLogger => {
    let resolved: Logger | undefined;
    const line =
      (level: LineLevel): LogLine =>
      (fields, message) => {
        if (LEVEL_VALUES[level]! < threshold) return;
        if (root) {
          (resolved ??= resolve(path))[level](fields, message);
          return;
        }
        waiting.push({ path, level, fields, message });
        void load();
      };
    return {
      error: line('error'),
      warn: line('warn'),
      info: line('info'),
      debug: line('debug'),
      child: (bindings) => make([...path, bindings]),
    };
  };
  return { logger: make([]), settled: () => loading ?? Promise.resolve() };
}
