import type { Inventory } from './index';

/** What reports group a machine by, from one inventory: `machine_profiles` (migration 0010). */
export interface MachineProfileFields {
  manufacturer: string | null;
  model: string | null;
  osPlatform: string | null;
  osDistro: string | null;
  osRelease: string | null;
  osBuild: string | null;
}

/** One installed program as `machine_software` holds it: name trimmed, no version is ''. */
export interface ProfileProgram {
  name: string;
  version: string;
}

export interface InventoryProfile {
  profile: MachineProfileFields;
  /**
   * The distinct (name, version) pairs, sorted; null when the document has no software
   * section (not asked for, or not readable), which says nothing about what is installed.
   */
  software: ProfileProgram[] | null;
}

/** A fact the machine did not give ("" in the document, or its section absent) is null. */
const known = (text: string | undefined): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * The model as people name it. Lenovo gives its machine type as the model ("20XK0015GE") and
 * the name in the product's version ("ThinkPad T14 Gen 2a"); reports group by the name.
 */
function modelName(inventory: Inventory): string | null {
  const { system } = inventory;
  const model = known(system?.model);
  const version = inventory.schemaVersion === 2 ? known(inventory.system?.version) : null;
  const lenovo = known(system?.manufacturer)?.toUpperCase() === 'LENOVO';
  return lenovo && version !== null ? version : model;
}

/**
 * The profile of the machine an inventory describes: maker and model, the OS (platform,
 * distribution, release and build) and its installed programs. Pure; documents of schema
 * version 1 have no build and no software.
 */
export function inventoryProfile(inventory: Inventory): InventoryProfile {
  const { system, os } = inventory;
  const profile: MachineProfileFields = {
    manufacturer: known(system?.manufacturer),
    model: modelName(inventory),
    osPlatform: known(os?.platform),
    osDistro: known(os?.distro),
    osRelease: known(os?.release),
    osBuild: inventory.schemaVersion === 2 ? known(inventory.os?.build) : null,
  };
  if (inventory.schemaVersion !== 2 || !inventory.software) return { profile, software: null };
  const seen = new Map<string, ProfileProgram>();
  for (const program of inventory.software.programs) {
    const name = program.name.trim();
    if (name === '') continue;
    const version = program.version.trim();
    // A program installed for two architectures is one (name, version) for reports.
    seen.set(JSON.stringify([name, version]), { name, version });
  }
  const software = [...seen.values()].sort((a, b) =>
    a.name === b.name ? compare(a.version, b.version) : compare(a.name, b.name),
  );
  return { profile, software };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
