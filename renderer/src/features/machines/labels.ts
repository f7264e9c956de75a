import type { TFunction } from 'i18next';
import { LOCAL_MACHINE_ID, type Machine } from '@deskside/core';

export function machineLabel(machine: Pick<Machine, 'id' | 'name'>, t: TFunction): string {
  return machine.id === LOCAL_MACHINE_ID ? t('machines.thisComputer') : machine.name;
}
