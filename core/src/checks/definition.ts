import type { z } from 'zod';
import type { CheckOs, CheckTransport } from './result';

/**
 * One entry of the check catalog. The agent implements it, the console offers it, and both
 * validate its parameters with `params` before anything runs; the agent answers only `facts`
 * that its schema reads, and the console reads them with it.
 */
export interface CheckDefinition<P extends z.ZodType = z.ZodType, F extends z.ZodType = z.ZodType> {
  /** One line, English: the CLI and the API description show it; the console translates by id. */
  summary: string;
  /** What it looks at and how, for whoever must decide whether to trust its answer. */
  description: string;
  /** A strict object schema: unknown parameters are refused, omitted ones take defaults. */
  params: P;
  /** The longest the check may run once started; it then ends with `check.timeout`. */
  timeoutMs: number;
  /**
   * How the console may reach a machine to run it. With `ssh`, the console runs it itself
   * over SSH on a Linux host (`SSH_CHECK_OS`), by fixed read-only commands; `os` lists
   * where the agent runs it.
   */
  transports: readonly CheckTransport[];
  /** The operating systems the agent runs it on. */
  os: readonly CheckOs[];
  /** Every code this check can end with, besides the runner's `COMMON_CHECK_CODES`. */
  codes: readonly string[];
  /**
   * What the check reports with its own codes: plain JSON, strict objects (a fact nobody
   * declared is refused). The runner's codes carry `commonCheckFacts` instead.
   */
  facts: F;
}

export const ALL_OSES: readonly CheckOs[] = ['linux', 'win32', 'darwin'];
/** Checks only the agent runs; NATS will add itself per check. */
export const AGENT_TRANSPORTS: readonly CheckTransport[] = ['agent-https'];
/** Checks the agent runs, and the console too over SSH on a Linux host. */
export const AGENT_AND_SSH_TRANSPORTS: readonly CheckTransport[] = ['agent-https', 'ssh'];
/** The one OS the console runs checks on over SSH: it reads the host with Linux's commands. */
export const SSH_CHECK_OS: CheckOs = 'linux';

/** Whether `definition` may run over `transport`. */
export function runsOver(definition: CheckDefinition, transport: CheckTransport): boolean {
  return definition.transports.includes(transport);
}

/** Keeps each definition's own parameter and facts types while checking its shape. */
export function defineCheck<P extends z.ZodType, F extends z.ZodType>(
  definition: CheckDefinition<P, F>,
): CheckDefinition<P, F> {
  return definition;
}
