import os from 'node:os';
import type { PairRequest, PairResponse } from '@deskside/core';
import type { RequestContext } from '../server/context';
import { AgentError } from '../server/errors';
import type { ConsoleRegistry } from './console-registry';

export const PAIRING_REFUSED_MESSAGE =
  'This pairing code is not valid: it is wrong, has expired or was used already. ' +
  'On the agent computer, run `deskside-agent pair` for a new code.';

/** The `pair` route: a pairing code for a new console's credential, or a refusal. */
export function pairingHandler(
  registry: ConsoleRegistry,
): (ctx: RequestContext, request: PairRequest) => Promise<PairResponse> {
  return async (ctx, request) => {
    const result = await registry.exchange(request, ctx.remoteAddress);
    if (!result.ok) {
      ctx.audit.pairing = 'refused';
      throw new AgentError('unauthorized', PAIRING_REFUSED_MESSAGE);
    }
    ctx.audit.pairing = 'paired';
    ctx.audit.pairedConsoleId = result.console.id;
    return { consoleId: result.console.id, credential: result.credential, hostname: os.hostname() };
  };
}
