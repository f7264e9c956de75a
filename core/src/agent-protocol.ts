import { z } from 'zod';
import {
  CheckCatalogListingSchema,
  CheckRunEventSchema,
  RunChecksRequestSchema,
  RunChecksResponseSchema,
} from './checks';
import { InventoryQuerySchema, InventorySchema } from './inventory';
import {
  ConsoleIdSchema,
  ConsoleNameSchema,
  ConsoleTokenSchema,
  PairingCodeSchema,
} from './pairing';
import { AGENT_API_VERSION, agentRouteTable, type AgentRouteTarget } from './agent-route-table';
import {
  EnrolmentClaimRequestSchema,
  EnrolmentClaimResponseSchema,
  EnrolmentProofRequestSchema,
  EnrolmentProofResponseSchema,
} from './enrolment';
import { FleetEnrolRequestSchema, FleetEnrolResponseSchema } from './fleet/enrolment';

/** The agent's HTTPS API, version 1. agent/openapi.yaml is generated from these schemas. */

export const PairRequestSchema = z.strictObject({
  code: PairingCodeSchema,
  /** How the agent lists this console, e.g. "ana@helpdesk-07". */
  consoleName: z.optional(ConsoleNameSchema),
});
export type PairRequest = z.infer<typeof PairRequestSchema>;

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
export interface AgentRouteSpec extends AgentRouteTarget {
  operationId: string;
  summary: string;
  description: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The name of the body schema in the OpenAPI document, where routes share one. */
  bodyName?: string;
  response: z.ZodType;
  /** The name of the response schema in the OpenAPI document. */
  responseName: string;
  /** Error codes the handler itself answers with, beyond those of the pipeline. */
  errors?: readonly AgentErrorCode[];
}

/** What a console gets for a pairing code: its id and credential on this agent. */
export const PairResponseSchema = z.object({
  consoleId: ConsoleIdSchema,
  /** Sent once, never stored by the agent (it keeps only a hash). */
  credential: ConsoleTokenSchema,
  /** The agent computer's host name, so the console can name the machine. */
  hostname: z.string(),
});
export type PairResponse = z.infer<typeof PairResponseSchema>;

export const agentRoutes = {
  health: {
    ...agentRouteTable.health,
    operationId: 'getHealth',
    summary: 'Is the agent up, and which version is it?',
    description: 'Needs no credential, so a console can check an address before pairing.',
    response: AgentHealthSchema,
    responseName: 'AgentHealth',
  },
  inventory: {
    ...agentRouteTable.inventory,
    operationId: 'getInventory',
    summary: 'This computer’s hardware, software and operating system inventory',
    description:
      'The inventory document of the computer the agent runs on (schema version 2; agents before it sent version 1): system, BIOS, baseboard, OS, CPU with its load, memory and its modules, disks, file systems, network interfaces with gateways and DNS servers, logged-in users, battery, graphics and displays, printers and their queues, USB devices, installed software and pending OS updates. `sections` limits it to the sections named; an unknown name is refused (400). Hardware and software facts come from a cache the agent refreshes in the background; load, memory, disk usage and network state are read for each request. `observedAt` says when each section was read, `problems` why a section is missing.',
    query: InventoryQuerySchema,
    response: InventorySchema,
    responseName: 'Inventory',
  },
  checkCatalog: {
    ...agentRouteTable.checkCatalog,
    operationId: 'listChecks',
    summary: 'The checks this agent can run',
    description:
      'Every check with its parameters (as JSON Schema), timeout, operating systems and the result codes it can end with.',
    response: CheckCatalogListingSchema,
    responseName: 'CheckCatalog',
  },
  runChecks: {
    ...agentRouteTable.runChecks,
    operationId: 'runChecks',
    summary: 'Run checks and answer with all their results',
    description:
      'Runs the checks in parallel (within the agent’s limits), each under its own timeout, and answers once all have ended, results in request order. Every parameter is validated before anything runs: one bad check refuses the whole request.',
    body: RunChecksRequestSchema,
    bodyName: 'RunChecksRequest',
    response: RunChecksResponseSchema,
    responseName: 'CheckResults',
  },
  runChecksStream: {
    ...agentRouteTable.runChecksStream,
    operationId: 'runChecksStream',
    summary: 'Run checks and follow their progress',
    description:
      'The same batch as `runChecks`, answered as NDJSON: `accepted`, then `started` and `result` per check as they happen, `done` last. A stream that ends without `done` was cut short; closing it cancels the checks still queued or running.',
    body: RunChecksRequestSchema,
    bodyName: 'RunChecksRequest',
    response: CheckRunEventSchema,
    responseName: 'CheckRunEvent',
  },
  pair: {
    ...agentRouteTable.pair,
    operationId: 'pair',
    summary: 'Exchange a one-time pairing code for a console credential',
    description:
      'The code comes from `deskside-agent pair` on the agent computer. It works once and expires after a few minutes; after a few wrong codes the agent refuses every pending code. The credential in the answer is sent only this once: the agent stores only its hash.',
    body: PairRequestSchema,
    response: PairResponseSchema,
    responseName: 'PairResponse',
    errors: ['unauthorized'],
  },
  enrolmentProof: {
    ...agentRouteTable.enrolmentProof,
    operationId: 'proveEnrolment',
    summary: 'Prove this agent holds an enrolment file, bound to its certificate',
    description:
      'For each unexpired enrolment file the agent took (`deskside-agent enrol`), an HMAC-SHA256 with the file’s secret over the enrolment id, the agent’s own certificate fingerprint and the caller’s challenge. The desk checks it before it pins the certificate, so a machine in the middle of first contact, presenting a certificate of its own, cannot be pinned. An agent with no enrolment answers an empty list.',
    body: EnrolmentProofRequestSchema,
    response: EnrolmentProofResponseSchema,
    responseName: 'EnrolmentProofs',
  },
  enrolmentClaim: {
    ...agentRouteTable.enrolmentClaim,
    operationId: 'claimEnrolment',
    summary: 'Exchange a one-time claim of an enrolment for a console credential',
    description:
      'The desk makes one claim per machine of an enrolment, from a seed the file does not hold, and only after checking the agent’s proof. Each claim works once on this agent and not after the file expires. The credential in the answer is sent only this once: the agent stores only its hash.',
    body: EnrolmentClaimRequestSchema,
    response: EnrolmentClaimResponseSchema,
    responseName: 'EnrolmentClaimResponse',
    errors: ['unauthorized'],
  },
  fleetEnrol: {
    ...agentRouteTable.fleetEnrol,
    operationId: 'enrolInFleet',
    summary: 'Join the fleet: keep the identity the desk issued and start fleet mode',
    description:
      'For a paired console only (a request signed by the desk, or the pre-provisioned token). The agent checks the `.creds` text (a user JWT named `agent-<id>`, the seed belonging to it, not expired) and refuses it otherwise (400, nothing changed); then keeps it in its fleet credentials file (mode 600, written beside and renamed over), the servers and the CA in `fleet.json` (and `fleet-ca.pem`) in its data folder, records it in its audit log and starts fleet mode (presence, checks over NATS, the help page) at once, or again with the new identity. At its next start it reads `fleet.json` when its config file has no `fleet`.',
    body: FleetEnrolRequestSchema,
    bodyName: 'FleetEnrolRequest',
    response: FleetEnrolResponseSchema,
    responseName: 'FleetEnrolResponse',
    errors: ['bad_request'],
  },
} as const satisfies Record<string, AgentRouteSpec>;

export type AgentRoutes = typeof agentRoutes;
export type AgentRouteId = keyof AgentRoutes;
