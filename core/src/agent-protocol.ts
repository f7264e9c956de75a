import { z } from 'zod';
import { InventoryQuerySchema, InventorySchema } from './inventory';

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
  'bad_request',
  'unauthorized',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
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
 * One route of the agent's API. The agent validates `query` and `body` with these schemas
 * before its handler runs; the console validates `response`; agent/openapi.yaml is
 * generated from the same map.
 */
export interface AgentRouteSpec {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** `none`: anyone may call it; `console`: a console's credential is required. */
  auth: 'none' | 'console';
  operationId: string;
  summary: string;
  description: string;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** The name of the response schema in the OpenAPI document. */
  responseName: string;
}

/**
 * A console's credential for one agent. Printable ASCII without spaces, long enough that
 * guessing is hopeless; agents generate 43-character base64url tokens.
 */
export const ConsoleTokenSchema = z
  .string()
  .min(24, 'A console token has at least 24 characters')
  .max(512)
  .regex(/^[\x21-\x7e]+$/, 'A console token is printable ASCII without spaces');

export const agentRoutes = {
  health: {
    method: 'GET',
    path: '/v1/health',
    auth: 'none',
    operationId: 'getHealth',
    summary: 'Is the agent up, and which version is it?',
    description: 'Needs no credential, so a console can check an address before pairing.',
    response: AgentHealthSchema,
    responseName: 'AgentHealth',
  },
  inventory: {
    method: 'GET',
    path: '/v1/inventory',
    auth: 'console',
    operationId: 'getInventory',
    summary: 'This computer’s hardware, software and operating system inventory',
    description:
      'The inventory document of the computer the agent runs on (schema version 2; agents before it sent version 1): system, BIOS, baseboard, OS, CPU with its load, memory and its modules, disks, file systems, network interfaces with gateways and DNS servers, logged-in users, battery, graphics and displays, printers and their queues, USB devices, installed software and pending OS updates. `sections` limits it to the sections named; an unknown name is refused (400). Hardware and software facts come from a cache the agent refreshes in the background; load, memory, disk usage and network state are read for each request. `observedAt` says when each section was read, `problems` why a section is missing.',
    query: InventoryQuerySchema,
    response: InventorySchema,
    responseName: 'Inventory',
  },
} as const satisfies Record<string, AgentRouteSpec>;

export type AgentRoutes = typeof agentRoutes;
export type AgentRouteId = keyof AgentRoutes;
