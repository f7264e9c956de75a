import { z } from 'zod';

/** The agent's HTTPS API, version 1. agent/openapi.yaml is generated from these schemas. */

export const AGENT_API_VERSION = 1;
export const DEFAULT_AGENT_PORT = 7443;

export const AgentHealthSchema = z.object({
  status: z.literal('ok'),
  apiVersion: z.literal(AGENT_API_VERSION),
  agentVersion: z.string(),
});
export type AgentHealth = z.infer<typeof AgentHealthSchema>;

export const AgentErrorCodeSchema = z.enum([
  'unauthorized',
  'not_found',
  'method_not_allowed',
  'bad_request',
  'internal',
]);
export type AgentErrorCode = z.infer<typeof AgentErrorCodeSchema>;

export const AgentErrorResponseSchema = z.object({
  error: z.object({
    code: AgentErrorCodeSchema,
    message: z.string(),
  }),
});
export type AgentErrorResponse = z.infer<typeof AgentErrorResponseSchema>;

/**
 * A console's credential for one agent. Printable ASCII without spaces, long enough that
 * guessing is hopeless; agents generate 43-character base64url tokens.
 */
export const ConsoleTokenSchema = z
  .string()
  .min(24, 'A console token has at least 24 characters')
  .max(512)
  .regex(/^[\x21-\x7e]+$/, 'A console token is printable ASCII without spaces');
