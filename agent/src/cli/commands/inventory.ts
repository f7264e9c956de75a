import type { Command } from 'commander';
import type { Inventory } from '@deskside/core';
import { collectInventory } from '../../collect';

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;

export function formatInventory(inv: Inventory): string {
  const lines = [
    `Host        ${inv.os.hostname}`,
    `System      ${[inv.system.manufacturer, inv.system.model].filter(Boolean).join(' ')}${inv.system.serial ? ` (serial ${inv.system.serial})` : ''}`,
    `OS          ${inv.os.distro} ${inv.os.release} (${inv.os.platform} ${inv.os.kernel}, ${inv.os.arch})`,
    `CPU         ${inv.cpu.brand}, ${inv.cpu.physicalCores} cores / ${inv.cpu.cores} threads`,
    `Memory      ${gib(inv.memory.totalBytes)} total, ${gib(inv.memory.availableBytes)} available`,
    ...inv.disks.map((d) => `Disk        ${d.name || d.device} ${gib(d.sizeBytes)} ${d.type}`),
    ...inv.fileSystems.map(
      (f) => `File system ${f.mount} ${gib(f.availableBytes)} free of ${gib(f.sizeBytes)}`,
    ),
    ...inv.network
      .filter((n) => !n.internal)
      .map(
        (n) => `Network     ${n.name} ${n.up ? 'up' : 'down'} ${[...n.ip4, ...n.ip6].join(' ')}`,
      ),
  ];
  return lines.join('\n');
}

export async function printInventory(options: { json?: boolean }): Promise<void> {
  const inventory = await collectInventory();
  console.log(options.json ? JSON.stringify(inventory, null, 2) : formatInventory(inventory));
}

export function registerInventory(program: Command): void {
  program
    .command('inventory')
    .description('collect and print this computer’s inventory')
    .option('--json', 'print the inventory document as JSON')
    .action(printInventory);
}
