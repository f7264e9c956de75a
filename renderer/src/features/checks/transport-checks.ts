import type { CheckCatalogEntry, Machine } from '@deskside/core';

/**
 * The checks a machine can run, as the catalog lists them: over SSH only those listing `ssh`,
 * over the agent only those listing `agent-https`; this computer runs the agent's own checks.
 */
export function checksFor(
  checks: readonly CheckCatalogEntry[],
  transport: Machine['transport'],
): CheckCatalogEntry[] {
  return transport === 'local'
    ? [...checks]
    : checks.filter((entry) => entry.transports.includes(transport));
}
