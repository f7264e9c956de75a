import type { TFunction } from 'i18next';
import { LOCAL_MACHINE_ID, type Machine } from '@deskside/core';

/**
 * "This computer" for the PC this console runs on (and for `local`, which older tickets
 * recorded); any other machine, another analyst's PC included, by its name.
 */
export function machineLabel(
  machine: Pick<Machine, 'id' | 'name'> & { thisComputer?: boolean },
  t: TFunction,
): string {
  return machine.thisComputer === true || machine.id === LOCAL_MACHINE_ID
    ? t('machines.thisComputer')
    : machine.name;
}
