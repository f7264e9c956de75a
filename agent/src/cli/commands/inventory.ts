import { Option, type Command } from 'commander';
import { InventorySectionsParamSchema, type InventorySectionName } from '@deskside/core';
import { collectInventory } from '../../collect/inventory';
import { printStaticSections } from '../../inventory/refresh-child';
import { formatInventory } from '../inventory-summary';

interface InventoryOptions {
  json?: boolean;
  sections?: string;
  static?: boolean;
}

function parseSections(value: string | undefined): InventorySectionName[] | undefined {
  if (value === undefined) return undefined;
  const parsed = InventorySectionsParamSchema.safeParse(value);
  if (!parsed.success)
    throw new Error(`--sections: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export async function printInventory(options: InventoryOptions): Promise<void> {
  const sections = parseSections(options.sections);
  if (options.static) {
    await printStaticSections(sections ?? []);
    return;
  }
  const inventory = await collectInventory(sections ? { sections } : {});
  console.log(options.json ? JSON.stringify(inventory, null, 2) : formatInventory(inventory));
}

export function registerInventory(program: Command): void {
  program
    .command('inventory')
    .description('collect and print this computer’s inventory')
    .option('--json', 'print the inventory document as JSON')
    .option('--sections <names>', 'only these sections, comma-separated (e.g. os,cpu,software)')
    // The agent's background refresh: static sections as JSON lines, one per section.
    .addOption(new Option('--static').hideHelp())
    .action(printInventory);
}
