import type { CheckFacts, CheckOutcome, CheckStatus } from '@deskside/core';

/** An outcome whose code follows its status (`pass` -> `disk.free.ok`, ...). */
export function graded(
  status: 'pass' | 'warn' | 'fail',
  codes: Record<'pass' | 'warn' | 'fail', string>,
  facts: CheckFacts,
): CheckOutcome {
  return { status, code: codes[status], facts };
}

export function outcome(status: CheckStatus, code: string, facts: CheckFacts = {}): CheckOutcome {
  return { status, code, facts };
}

/** Rounds for display in facts: measurements do not need 15 digits. */
export const round1 = (value: number): number => Math.round(value * 10) / 10;

/** The `code` of a Node system error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string'
    ? (error as NodeJS.ErrnoException).code
    : undefined;
}
