import { checkCatalog, type CatalogCheckId, type CheckDefinition } from '@deskside/core';
import type { CheckImplementation } from './context';
import type * as Implementations from './implementations';

/** A check the runner can run: its definition (schema, timeout, OSes) and its code. */
export interface RunnableCheck {
  definition: CheckDefinition;
  /** Receives parameters already parsed by `definition.params`; its facts are checked after. */
  run: CheckImplementation<never, unknown>;
}

let loading: Promise<typeof Implementations> | undefined;

/**
 * The checks' code (and through it the collectors and systeminformation) loads with the
 * first check that runs: listing and validating need only core's definitions, and an idle
 * agent holds none of it.
 */
function implementation(id: CatalogCheckId): CheckImplementation<never, unknown> {
  return async (params, ctx) => {
    loading ??= import('./implementations');
    const run: CheckImplementation<never, unknown> = (await loading).implementations[id];
    return run(params, ctx);
  };
}

/** The catalog's checks, ready for a runner. Tests add their own fixtures to a copy. */
export function catalogChecks(): Map<string, RunnableCheck> {
  return new Map(
    (Object.keys(checkCatalog) as CatalogCheckId[]).map((id) => [
      id,
      { definition: checkCatalog[id], run: implementation(id) },
    ]),
  );
}
