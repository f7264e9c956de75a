import { Option, type Command } from 'commander';
import type { InventoryOptions } from './inventory-action';

export function registerInventory(program: Command): void {
  program
    .command('inventory')
    .description('collect and print this computer’s inventory')
    .option('--json', 'print the inventory document as JSON')
    .option('--sections <names>', 'only these sections, comma-separated (e.g. os,cpu,software)')
    // The agent's background refresh: static sections into the agent's cache file.
    .addOption(new Option('--static').hideHelp())
    .addOption(new Option('--data-dir <dir>').hideHelp())
    // Loaded when run, so other commands (serve) never load the collectors.
    .action(async (options: InventoryOptions) => {
      await (await import('./inventory-action')).printInventory(options);
    });
}
