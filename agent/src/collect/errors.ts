import type { InventorySectionName, SectionProblem, UnavailableReason } from '@deskside/core';
import { CommandError } from './exec';

export type { UnavailableReason };

/** Facts the machine cannot give: a clear reason instead of a wrong answer. */
export class FactsUnavailableError extends Error {
  override readonly name = 'FactsUnavailableError';
  constructor(
    readonly reason: UnavailableReason,
    message: string,
  ) {
    super(message);
  }
}

/** Turns a command failure into the reason a section or a check reports. */
export function unavailableFrom(error: unknown, what: string): FactsUnavailableError {
  if (error instanceof FactsUnavailableError) {
    return new FactsUnavailableError(error.reason, `${what}: ${error.message}`);
  }
  if (error instanceof CommandError) {
    const reason: Record<CommandError['failure'], UnavailableReason> = {
      missing: 'not_installed',
      timeout: 'timeout',
      too_large: 'failed',
      failed: 'failed',
    };
    return new FactsUnavailableError(reason[error.failure], `${what}: ${error.message}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new FactsUnavailableError('failed', `${what}: ${message}`);
}

/** A failed section as the document reports it. */
export function sectionProblem(section: InventorySectionName, error: unknown): SectionProblem {
  const unavailable =
    error instanceof FactsUnavailableError ? error : unavailableFrom(error, sectionLabel(section));
  return { section, reason: unavailable.reason, message: unavailable.message };
}

function sectionLabel(section: InventorySectionName): string {
  return section
    .replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)
    .replace(/^./, (c) => c.toUpperCase());
}
