import {
  AGENT_API_VERSION,
  type CheckRunEvent,
  type FleetEnrolRequest,
  type FleetEnrolResponse,
  type Inventory,
  type InventorySectionName,
  type PairRequest,
  type PairResponse,
  type PreparedJson,
} from '@deskside/core';
import type { CheckRunner, CheckToRun } from '../checks';
import type { EnrolmentHandlers } from '../security/enrolment-handler';
import { AGENT_VERSION } from '../version';
import type { RequestContext } from './context';
import type { AgentHandlers } from './handlers';

export interface HandlerDeps {
  /** The sections asked for, or all of them. */
  collectInventory: (
    sections?: readonly InventorySectionName[],
  ) => Promise<Inventory | PreparedJson<Inventory>>;
  /** Exchanges a pairing code (the console registry's `pairingHandler`). */
  pair: (ctx: RequestContext, request: PairRequest) => Promise<PairResponse>;
  /** Enrolled pairing (the console registry's `enrolmentHandlers`). */
  enrolment: EnrolmentHandlers;
  /** The check runner, which may load (with the catalog) when a request first needs it. */
  checks: () => Promise<CheckRunner>;
  /** Keeps a fleet identity a paired console delivered and starts fleet mode with it. */
  fleetEnrol: (ctx: RequestContext, request: FleetEnrolRequest) => Promise<FleetEnrolResponse>;
}

/** An entry of the audit log's `checks`: status null while the check has not ended. */
export interface AuditedCheck {
  checkId: string;
  status: string | null;
}

/**
 * Lists the request's checks in `ctx.audit.checks` (for the audit log) and returns the
 * event listener that fills in their statuses as they end.
 */
function auditChecks(ctx: RequestContext, checks: readonly CheckToRun[]) {
  const audited: AuditedCheck[] = checks.map(({ checkId }) => ({ checkId, status: null }));
  ctx.audit.checks = audited;
  return (event: CheckRunEvent) => {
    if (event.type === 'result') audited[event.index]!.status = event.result.status;
  };
}

/**
 * The agent's handlers, one per route in core's `agentRoutes`. Read-only on the computer, all
 * of them: `pair` changes only the agent's own list of consoles, `fleetEnrol` only its own
 * fleet identity and settings.
 */
export function createHandlers(deps: HandlerDeps): AgentHandlers {
  return {
    health: () =>
      Promise.resolve({ status: 'ok', apiVersion: AGENT_API_VERSION, agentVersion: AGENT_VERSION }),
    inventory: (_ctx, { query }) => deps.collectInventory(query.sections),
    checkCatalog: async () => (await deps.checks()).catalog(),
    runChecks: async (ctx, { body }) => {
      const runner = await deps.checks();
      const onEvent = auditChecks(ctx, body.checks);
      return { results: await runner.run(body.checks, { signal: ctx.signal, onEvent }) };
    },
    runChecksStream: async (ctx, { body }) =>
      (await deps.checks()).stream(body.checks, {
        signal: ctx.signal,
        onEvent: auditChecks(ctx, body.checks),
      }),
    pair: (ctx, { body }) => deps.pair(ctx, body),
    enrolmentProof: (ctx, { body }) => deps.enrolment.proof(ctx, body),
    enrolmentClaim: (ctx, { body }) => deps.enrolment.claim(ctx, body),
    fleetEnrol: (ctx, { body }) => deps.fleetEnrol(ctx, body),
  };
}
