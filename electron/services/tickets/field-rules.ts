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

/** The requester's name: as given, or from the people directory. */
export async function requesterName(
  trx: Db,
  requesterId: number | null | undefined,
  given: string | undefined,
): Promise<string | undefined> {
  if (requesterId === null || requesterId === undefined) return given;
  const person = await trx
    .selectFrom('people')
    .select('name')
    .where('id', '=', requesterId)
    .executeTakeFirst();
  if (!person) throw invalid('requesterId', `Person ${requesterId} is not in the directory`);
  return given ?? person.name;
}

/** A ticket's machine is this computer or one in the machine list. */
export async function checkMachine(trx: Db, machineId: string | null): Promise<void> {
  if (machineId === null || machineId === LOCAL_MACHINE_ID) return;
  const machine = await trx
    .selectFrom('machines')
    .select('id')
    .where('id', '=', machineId)
    .executeTakeFirst();
  if (!machine) throw invalid('machineId', `Machine ${machineId} is not in the machine list`);
}
