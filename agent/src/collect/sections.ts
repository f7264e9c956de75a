import type { InventorySectionName, InventorySections } from '@deskside/core';
import { collectBatteries } from './battery';
import type { CommandRunner } from './exec';
import type { StateSource } from './tiers';
import {
  readBaseboard,
  readBios,
  readCpu,
  readDisks,
  readGraphics,
  readInterfaceDetails,
  readMemoryModules,
  readMounts,
  readOsRelease,
  readSwap,
  readSystem,
  readUsb,
} from './hardware';
import { fileSystemUsage } from './live/file-systems';
import { osState } from './live/os-state';
import { collectNetworkConfig } from './network-config';
import { collectPrinters } from './printers';
import { collectInstalledSoftware } from './software';
import { collectPendingUpdates } from './updates';
import { collectLoggedInUsers } from './users';

type StaticValue = InventorySections[InventorySectionName];

/** Collects the static facts of one section (see staticBasis). */
export async function collectStaticSection(
  section: InventorySectionName,
  platform: NodeJS.Platform,
  run?: CommandRunner,
): Promise<StaticValue> {
  const options = { platform, ...(run ? { run } : {}) };
  switch (section) {
    case 'system':
      return readSystem();
    case 'bios':
      return readBios();
    case 'baseboard':
      return readBaseboard();
    case 'disks':
      return readDisks();
    case 'graphics':
      return readGraphics();
    case 'usb':
      return readUsb();
    case 'software':
      return collectInstalledSoftware(options);
    case 'updates':
      return collectPendingUpdates(options);
    case 'os':
      return { ...(await readOsRelease()), ...osState() };
    case 'cpu':
      return { ...(await readCpu()), load: null };
    case 'memory': {
      const [modules, swap] = await Promise.all([
        readMemoryModules(),
        platform === 'win32'
          ? readSwap()
          : Promise.resolve({ swapTotalBytes: 0, swapUsedBytes: 0 }),
      ]);
      return { totalBytes: 0, availableBytes: 0, usedBytes: 0, ...swap, modules };
    }
    case 'fileSystems':
      return fileSystemUsage(await readMounts());
    case 'network':
      return {
        interfaces: await readInterfaceDetails(),
        defaultGateways: { ip4: [], ip6: [] },
        dnsServers: [],
        searchDomains: [],
      };
    default:
      throw new Error(`${section} has no static facts`);
  }
}

/** The facts behind each state section, and the gateways and resolvers of `network`. */
export const STATE_SOURCES: Record<
  StateSource,
  (o: { platform: NodeJS.Platform; run?: CommandRunner }) => Promise<unknown>
> = {
  users: (o: { platform: NodeJS.Platform; run?: CommandRunner }) =>
    collectLoggedInUsers(o).then((r) => r.users),
  battery: collectBatteries,
  printers: collectPrinters,
  networkConfig: collectNetworkConfig,
};
