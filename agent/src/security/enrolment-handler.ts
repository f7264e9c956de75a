import os from 'node:os';
import type {
  EnrolmentClaimRequest,
  EnrolmentProofRequest,
  EnrolmentProofResponse,
  PairResponse,
} from '@deskside/core';
import type { RequestContext } from '../server/context';
import { AgentError } from '../server/errors';
import type { ConsoleRegistry } from './console-registry';

export const CLAIM_REFUSED_MESSAGE =
  'This enrolment claim is not valid: this agent holds no such enrolment, the enrolment file expired, or the claim is wrong or was used already.';

export interface EnrolmentHandlers {
  proof: (ctx: RequestContext, request: EnrolmentProofRequest) => Promise<EnrolmentProofResponse>;
  claim: (ctx: RequestContext, request: EnrolmentClaimRequest) => Promise<PairResponse>;
}

/** The routes of enrolled pairing: the agent's proof, and the desk's one-time claim. */
export function enrolmentHandlers(
  registry: ConsoleRegistry,
  agentFingerprint: string,
): EnrolmentHandlers {
  return {
    async proof(ctx, request) {
      const proofs = await registry.enrolmentProofs(agentFingerprint, request.challenge);
      ctx.audit.enrolments = proofs.map((proof) => proof.enrolmentId);
      return { fingerprint: agentFingerprint, proofs };
    },
    async claim(ctx, request) {
      const result = await registry.claim(request, ctx.remoteAddress);
      ctx.audit.enrolmentId = request.enrolmentId;
      if (!result.ok) {
        ctx.audit.enrolment = `refused: ${result.why}`;
        throw new AgentError('unauthorized', CLAIM_REFUSED_MESSAGE);
      }
      ctx.audit.enrolment = 'paired';
      ctx.audit.pairedConsoleId = result.console.id;
      return {
        consoleId: result.console.id,
        credential: result.credential,
        hostname: os.hostname(),
      };
    },
  };
}
