import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { Memory } from '@deskside/core';
import type { CommandRunner } from '../exec';
import { lines } from '../text';

export type MemoryUsage = Omit<Memory, 'modules'>;

const usage = (total: number, available: number, swapTotal: number, swapUsed: number) => ({
  totalBytes: total,
  availableBytes: Math.min(total, available),
  usedBytes: Math.max(0, total - available),
  swapTotalBytes: swapTotal,
  swapUsedBytes: Math.min(swapTotal, swapUsed),
});

/** /proc/meminfo, in kB. */
export function parseMeminfo(content: string): MemoryUsage {
  const kb = new Map<string, number>();
  for (const line of lines(content)) {
    const match = /^(\w+):\s+(\d+)/.exec(line);
    if (match) kb.set(match[1]!, Number(match[2]) * 1024);
  }
  const total = kb.get('MemTotal') ?? os.totalmem();
  // Kernels before 3.14 have no MemAvailable.
  const available =
    kb.get('MemAvailable') ??
    (kb.get('MemFree') ?? 0) + (kb.get('Cached') ?? 0) + (kb.get('Buffers') ?? 0);
  const swapTotal = kb.get('SwapTotal') ?? 0;
  return usage(total, available, swapTotal, swapTotal - (kb.get('SwapFree') ?? 0));
}

/** `vm_stat` pages (free, inactive, speculative, purgeable are available) and `sysctl vm.swapusage`. */
export function parseMacMemory(vmStat: string, swapUsage: string, total: number): MemoryUsage {
  const pageSize = Number(/page size of (\d+) bytes/.exec(vmStat)?.[1] ?? 4096);
  const pages = (name: string) =>
    Number(new RegExp(`^Pages ${name}:\\s+(\\d+)`, 'm').exec(vmStat)?.[1] ?? 0) * pageSize;
  const available = pages('free') + pages('inactive') + pages('speculative') + pages('purgeable');
  const size = (name: string) => {
    const match = new RegExp(`${name} = ([\\d.]+)([KMG])`).exec(swapUsage);
    const units: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 };
    const unit = units[match?.[2] ?? ''] ?? 0;
    return Math.round(Number(match?.[1] ?? 0) * unit);
  };
  return usage(total, available, size('total'), size('used'));
}

/**
 * Memory in use now: /proc/meminfo on Linux, vm_stat on macOS (the kernel's "free" alone
 * leaves out what macOS would hand back at once), the OS's own figures on Windows, whose
 * page file use comes from the cached section.
 */
export async function liveMemory(
  platform: NodeJS.Platform,
  run: CommandRunner,
  cachedSwap?: Pick<MemoryUsage, 'swapTotalBytes' | 'swapUsedBytes'>,
): Promise<MemoryUsage> {
  if (platform === 'linux') return parseMeminfo(await readFile('/proc/meminfo', 'utf8'));
  if (platform === 'darwin') {
    const [vmStat, swap] = await Promise.all([
      run('vm_stat', []),
      run('sysctl', ['-n', 'vm.swapusage']),
    ]);
    return parseMacMemory(vmStat.stdout, swap.stdout, os.totalmem());
  }
  return usage(
    os.totalmem(),
    os.freemem(),
    cachedSwap?.swapTotalBytes ?? 0,
    cachedSwap?.swapUsedBytes ?? 0,
  );
}
