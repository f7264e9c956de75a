import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import {
  DesksideError,
  apiContract,
  isApiMethod,
  validationError,
  type ApiMethod,
  type WireResult,
} from '@deskside/core';
import type { ApiHandlers } from './handlers';

export type Dispatch = (method: string, input: unknown) => Promise<WireResult>;

/**
 * The one entry point every transport (Electron IPC, the browser-mode host, tests) calls:
 * validates the input against the contract, runs the handler, checks the output against
 * the contract, and turns every failure into a wire error without a stack trace.
 */
export function createDispatcher(handlers: ApiHandlers, logger: Logger): Dispatch {
  return async (method, input) => {
    if (!isApiMethod(method)) {
      return {
        ok: false,
        error: { code: 'unknown_method', message: `Unknown method “${method}”` },
      };
    }
    const requestId = randomUUID();
    const started = performance.now();
    const log = logger.child({ requestId, method });
    try {
      const value = await call(handlers, method, input);
      log.debug({ durationMs: Math.round(performance.now() - started) }, 'api call');
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DesksideError) {
        log.info(
          { code: error.code, durationMs: Math.round(performance.now() - started) },
          error.message,
        );
        return { ok: false, error: error.toWire() };
      }
      log.error({ err: error }, 'api call failed');
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `Something went wrong; the console's log has the details (request ${requestId})`,
        },
      };
    }
  };
}

async function call(handlers: ApiHandlers, method: ApiMethod, input: unknown): Promise<unknown> {
  const contract = apiContract[method];
  const parsedInput = contract.input.safeParse(input ?? {});
  if (!parsedInput.success) throw validationError(parsedInput.error, 'input');
  // The map type pairs each method with its own handler; TypeScript cannot follow the
  // correlation through the generic index, so the handler is called through `unknown`.
  const handler = handlers[method] as (input: unknown) => Promise<unknown>;
  const output = await handler(parsedInput.data);
  const parsedOutput = contract.output.safeParse(output);
  if (!parsedOutput.success) {
    throw new Error(`Handler for ${method} broke the contract: ${parsedOutput.error.message}`);
  }
  return parsedOutput.data;
}
