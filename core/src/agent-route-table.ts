/**
 * Where each route of the agent's API lives and who may call it: plain data without schemas,
 * so the agent can route and authenticate a request before it loads any (an idle agent holds
 * none). `agentRoutes` in agent-protocol.ts adds the schemas and documentation to each.
 */

export const AGENT_API_VERSION = 1;
export const DEFAULT_AGENT_PORT = 7443;

export interface AgentRouteTarget {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** `none`: anyone may call it; `console`: a console's credential is required. */
  auth: 'none' | 'console';
  /**
   * The answer is a stream of `response` values, one JSON document per line
   * (`application/x-ndjson`), written as they happen rather than all at the end.
   */
  stream?: true;
}

export const agentRouteTable = {
  health: { method: 'GET', path: '/v1/health', auth: 'none' },
  inventory: { method: 'GET', path: '/v1/inventory', auth: 'console' },
  checkCatalog: { method: 'GET', path: '/v1/checks', auth: 'console' },
  runChecks: { method: 'POST', path: '/v1/checks/run', auth: 'console' },
  runChecksStream: { method: 'POST', path: '/v1/checks/run/stream', auth: 'console', stream: true },
  pair: { method: 'POST', path: '/v1/pair', auth: 'none' },
  enrolmentProof: { method: 'POST', path: '/v1/enrolment/proof', auth: 'none' },
  enrolmentClaim: { method: 'POST', path: '/v1/enrolment/claim', auth: 'none' },
  fleetEnrol: { method: 'POST', path: '/v1/fleet', auth: 'console' },
} as const satisfies Record<string, AgentRouteTarget>;
