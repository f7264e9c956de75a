import { z } from 'zod';

/** Stable error codes: the UI translates them; logs and tests match on them. */
export const ErrorCodeSchema = z.enum([
  'validation',
  'not_found',
  'conflict',
  'cancelled',
  'stale_version',
  'invalid_transition',
  'unknown_method',
  'forbidden',
  /** The console is signed out of its desk: only signing in (desk.signIn) is answered. */
  'signed_out',
  'machine_unreachable',
  'certificate_mismatch',
  /** An SSH machine presented a host key other than the one confirmed for it. */
  'host_key_changed',
  /** The SSH server refused the analyst's key, agent or password. */
  'ssh_auth_refused',
  /** This analyst has no login to an SSH machine at this console yet (logins are their own). */
  'ssh_login_missing',
  /** A command on a machine did not finish in its time. */
  'command_timeout',
  'agent_unauthorized',
  'pairing_refused',
  /** An agent or the desk refused to pair by an enrolment file (core/src/enrolment.ts). */
  'enrolment_refused',
  'agent_error',
  'snapshot_expired',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const WireErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type WireError = z.infer<typeof WireErrorSchema>;

/** An error a user can act on. Its message is safe to show; it never carries a stack. */
export class DesksideError extends Error {
  override readonly name = 'DesksideError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: WireError['issues'],
  ) {
    super(message);
  }

  toWire(): WireError {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

export function validationError(error: z.ZodError, what: string): DesksideError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const detail = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid';
  return new DesksideError('validation', `Invalid ${what}: ${detail}`, issues);
}
