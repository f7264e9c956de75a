/** The rules a ticket's fields must meet against the desk's configuration, checked inside the write's transaction. */
import { DesksideError, LOCAL_MACHINE_ID, isCategory, type WorkflowConfig } from '@deskside/core';
import type { Db } from '../database/open';

const invalid = (path: string, message: string) =>
  new DesksideError('validation', `Invalid input: ${path}: ${message}`, [{ path, message }]);

export function checkCategory(config: WorkflowConfig, category: string | null | undefined): void {
  if (category && !isCategory(config.categories, category)) {
    throw invalid('category', `“${category}” is not a category of this desk`);
  }
}

export function checkGroup(config: WorkflowConfig, groupId: string | null | undefined): void {
  if (groupId && !config.groups.some((group) => group.id === groupId)) {
    throw invalid('groupId', `“${groupId}” is not a group of this desk`);
  }
}

/** The desk's categories and groups apply to every ticket, however it comes in. */
export function checkDeskRules(
  config: WorkflowConfig,
  ticket: { category?: string | null; groupId?: string | null },
): void {
  checkCategory(config, ticket.category);
  checkGroup(config, ticket.groupId);
}

/** The names of the people with these ids; refuses an id that is not in the directory. */
export async function peopleNames(
  trx: Db,
  ids: Iterable<number>,
): Promise<ReadonlyMap<number, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const people = await trx
    .selectFrom('people')
    .select(['id', 'name'])
    .where('id', 'in', wanted)
    .execute();
  const names = new Map(people.map((person) => [person.id, person.name]));
  const missing = wanted.find((id) => !names.has(id));
  if (missing !== undefined) {
    throw invalid('requesterId', `Person ${missing} is not in the directory`);
  }
  return names;
}

/** The requester's name: as given, or from the people directory. */
export async function requesterName(
  trx: Db,
  requesterId: number | null | undefined,
  given: string | undefined,
): Promise<string | undefined> {
  if (requesterId === null || requesterId === undefined) return given;
  const names = await peopleNames(trx, [requesterId]);
  return given ?? names.get(requesterId);
}

/** Every machine a ticket is about is in the machine list or a console's own PC. */
export async function checkMachines(trx: Db, ids: Iterable<string | null>): Promise<void> {
  const wanted = [...new Set(ids)].filter(
    (id): id is string => id !== null && id !== LOCAL_MACHINE_ID,
  );
  if (wanted.length === 0) return;
  const known = await trx
    .selectFrom('machines')
    .select('id')
    .where('id', 'in', wanted)
    .unionAll(trx.selectFrom('consolePcs').select('id').where('id', 'in', wanted))
    .execute();
  const missing = wanted.find((id) => !known.some((machine) => machine.id === id));
  if (missing !== undefined) {
    throw invalid('machineId', `Machine ${missing} is not in the machine list`);
  }
}
