import { z } from 'zod';
import { CheckRequestSchema } from '../checks/protocol';
import { checkCatalog, isCatalogCheckId } from '../checks/catalog';
import { COMMON_CHECK_CODES } from '../checks/result';
import type { IntakeScript, IntakeScriptInput } from './schema';

/** Every code a catalog check can end with: its own and the runner's common ones. */
function codesOf(checkId: string): ReadonlySet<string> {
  if (!isCatalogCheckId(checkId)) return new Set();
  return new Set<string>([...checkCatalog[checkId].codes, ...COMMON_CHECK_CODES]);
}

/**
 * What in a script does not fit the check catalog: a check the agent does not have, parameters
 * its schema refuses, a branch on a check the step does not run, or on a result code that
 * check never ends with. Such a script would only fail during a call, so it is refused first.
 */
export function scriptCatalogProblems(script: IntakeScript | IntakeScriptInput): string[] {
  const problems: string[] = [];
  for (const step of script.steps) {
    if (step.kind !== 'checks') continue;
    const where = `${script.id}: step ${step.id}`;
    const ran = new Set<string>();
    for (const check of step.checks) {
      ran.add(check.checkId);
      if (!isCatalogCheckId(check.checkId)) {
        problems.push(`${where} runs ${check.checkId}, which is not in the check catalog`);
        continue;
      }
      const request = CheckRequestSchema.safeParse({
        checkId: check.checkId,
        params: check.params ?? {},
      });
      if (!request.success) {
        problems.push(
          `${where} gives ${check.checkId} parameters its schema refuses: ${z.prettifyError(request.error)}`,
        );
      }
    }
    for (const branch of step.branches) {
      const { checkId, code } = branch.when;
      if (!ran.has(checkId)) {
        problems.push(`${where} branches on ${checkId}, which the step does not run`);
        continue;
      }
      const known = codesOf(checkId);
      for (const wanted of code ?? []) {
        if (!known.has(wanted)) {
          problems.push(`${where} branches on code ${wanted}, which ${checkId} never ends with`);
        }
      }
    }
  }
  return problems;
}
