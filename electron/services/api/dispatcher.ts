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
import { INSUFFICIENT_PRIVILEGE, SIGNED_OUT, sqlState } from '../database/sql-state';
import type { ApiHandlers } from './handlers';

export type Dispatch = (method: string, input: unknown) => Promise<WireResult>;

/**
 * The one entry point every transport (Electron IPC, the browser-mode host, tests) calls:
 * validates the input against the contract, runs the handler, checks the output against
 * the contract, and turns every failure into a wire error without a stack trace.
 */
export interface DispatcherOptions {
  /** Leaves the audit entry of a call that succeeded (AuditLog.recordCall). */
  audit?: (method: ApiMethod, input: unknown, output: unknown) => Promise<void>;
  /** Resolves what an input names only by alias (this computer's `local`), after validation. */
  resolve?: (method: ApiMethod, input: unknown) => unknown;
  /** The database refused the signed-in analyst (SIGNED_OUT): disabled, or a changed password. */
  onRefused?: () => void;
}

export function createDispatcher(
  handlers: ApiHandlers,
  logger: Logger,
  options: DispatcherOptions = {},
): Dispatch {
  const { audit, onRefused } = options;
  const resolve = options.resolve ?? ((_method: ApiMethod, input: unknown) => input);
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
      const value = await call(handlers, method, input, resolve);
      log.debug({ durationMs: Math.round(performance.now() - started) }, 'api call');
      // The call has happened: a failed entry is the console's fault to report, not a
      // reason to tell the analyst their change did not happen.
      await audit?.(method, resolve(method, input), value).catch((error: unknown) => {
        log.error({ err: error }, 'the audit log refused an entry');
      });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DesksideError) {
        log.info(
          { code: error.code, durationMs: Math.round(performance.now() - started) },
          error.message,
        );
        return { ok: false, error: error.toWire() };
      }
      // PostgreSQL refused the signed-in analyst's role: the desk's rules are the
      // database's, so this is the answer, not a fault of the console.
      if (SIGNED_OUT.includes(sqlState(error) ?? '')) {
        log.warn({ err: error }, 'the desk database no longer lets this analyst in');
        onRefused?.();
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message:
              'The desk no longer lets you in: your account was disabled or your password changed. Ask your administrator',
          },
        };
      }
      if (sqlState(error) === INSUFFICIENT_PRIVILEGE) {
        log.info({ code: 'forbidden', err: error }, 'refused by the desk database');
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message:
              'Your role on this desk does not allow this; a team lead or administrator can do it',
          },
        };
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

async function call(
  handlers: ApiHandlers,
  method: ApiMethod,
  input: unknown,
  resolve: (method: ApiMethod, input: unknown) => unknown,
): Promise<unknown> {
  const contract = apiContract[method];
  const parsedInput = contract.input.safeParse(input ?? {});
  if (!parsedInput.success) throw validationError(parsedInput.error, 'input');
  // The map type pairs each method with its own handler; TypeScript cannot follow the
  // correlation through the generic index, so the handler is called through `unknown`.
  const handler = handlers[method] as (input: unknown) => Promise<unknown>;
  const output = await handler(resolve(method, parsedInput.data));
  const parsedOutput = contract.output.safeParse(output);
  if (!parsedOutput.success) {
    throw new Error(`Handler for ${method} broke the contract: ${parsedOutput.error.message}`);
  }
  return parsedOutput.data;
}
