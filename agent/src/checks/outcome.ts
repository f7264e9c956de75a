import type { CheckOutcome, CheckStatus } from '@deskside/core';

/** An outcome whose code follows its status (`pass` -> `disk.free.ok`, ...). */
export function graded<F>(
  status: 'pass' | 'warn' | 'fail',
  codes: Record<'pass' | 'warn' | 'fail', string>,
  facts: F,
): CheckOutcome<F> {
  return { status, code: codes[status], facts };
}

/** An outcome with its facts, typed by the check that returns it (`CheckOutcomeOf<id>`). */
export function outcome<F>(status: CheckStatus, code: string, facts: F): CheckOutcome<F> {
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
