import { InventorySectionsParamSchema, type InventorySectionName } from '@deskside/core';
import { collectInventory } from '../../collect/inventory';
import { printStaticSections } from '../../inventory/static-collection';
import { AGENT_VERSION } from '../../version';
import { formatInventory } from '../inventory-summary';

export interface InventoryOptions {
  json?: boolean;
  sections?: string;
  static?: boolean;
  dataDir?: string;
}

function parseSections(value: string | undefined): InventorySectionName[] | undefined {
  if (value === undefined) return undefined;
  const parsed = InventorySectionsParamSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`--sections: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export async function printInventory(options: InventoryOptions): Promise<void> {
  const sections = parseSections(options.sections);
  if (options.static) {
    if (!options.dataDir) throw new Error('--static needs --data-dir');
    const target = {
      dataDir: options.dataDir,
      agentVersion: AGENT_VERSION,
      platform: process.platform,
    };
    await printStaticSections(target, sections ?? []);
    return;
  }
  const inventory = await collectInventory(sections ? { sections } : {});
  console.log(options.json ? JSON.stringify(inventory, null, 2) : formatInventory(inventory));
}
