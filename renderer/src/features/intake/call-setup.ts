import type { IntakeScript, Person } from '@deskside/core';

/** Scripts by category, categories in the order their first script comes. */
export function scriptsByCategory(scripts: readonly IntakeScript[]): [string, IntakeScript[]][] {
  const groups = new Map<string, IntakeScript[]>();
  for (const script of scripts) {
    groups.set(script.category, [...(groups.get(script.category) ?? []), script]);
  }
  return [...groups];
}

/** The caller's first machine that this console knows, if any. */
export function callersMachine(person: Person | null, known: ReadonlySet<string>): string | null {
  const machine = person?.machines.find((m) => m.machineId !== null && known.has(m.machineId));
  return machine?.machineId ?? null;
}
