import type { AgentErrorCode, AgentErrorResponse } from '@deskside/core';

export const HTTP_STATUS: Record<AgentErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
};

const DEFAULT_MESSAGE: Record<AgentErrorCode, string> = {
  bad_request: 'Bad request',
  unauthorized: 'A valid console credential is required',
  not_found: 'No such route',
  method_not_allowed: 'Method not allowed on this route',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'The request body must be application/json',
  too_many_requests: 'Too many requests; try again shortly',
  internal: 'The agent could not complete the request',
};

/**
 * An error the agent answers with. Its message goes to the caller, so it must be written
 * for them: never an exception's text, a path or a stack.
 */
export class AgentError extends Error {
  override readonly name = 'AgentError';
  constructor(
    readonly code: AgentErrorCode,
    message: string = DEFAULT_MESSAGE[code],
    /** Extra response headers (Retry-After, WWW-Authenticate). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  toResponse(): AgentErrorResponse {
    return { error: { code: this.code, message: this.message } };
  }
}
