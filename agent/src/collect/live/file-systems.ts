import { readFile, statfs } from 'node:fs/promises';
import type { FileSystem } from '@deskside/core';
import { lines } from '../text';

export interface Mount {
  device: string;
  mount: string;
  type: string;
}

// Kernel and runtime file systems, image layers and snap images: not where people's data is.
const PSEUDO = new Set([
  'autofs',
  'binfmt_misc',
  'bpf',
  'cgroup',
  'cgroup2',
  'configfs',
  'debugfs',
  'devpts',
  'devtmpfs',
  'efivarfs',
  'fusectl',
  'hugetlbfs',
  'mqueue',
  'nsfs',
  'overlay',
  'proc',
  'pstore',
  'ramfs',
  'rpc_pipefs',
  'securityfs',
  'squashfs',
  'sysfs',
  'tmpfs',
  'tracefs',
  'fuse.gvfsd-fuse',
  'fuse.portal',
  'fuse.lxcfs',
]);

/** Whether a mount holds people's data rather than the kernel's or a runtime's. */
export function isUserFileSystem(type: string, mount: string): boolean {
  // A container's root is an overlay: still the one file system it has.
  return !PSEUDO.has(type) || (type === 'overlay' && mount === '/');
}

/** /proc/mounts: real file systems, once per mount point (octal escapes decoded). */
export function parseProcMounts(content: string): Mount[] {
  const seen = new Set<string>();
  const decode = (value: string) =>
    value.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  return lines(content).flatMap((line) => {
    const [device, mount, type] = line.split(' ').map(decode);
    if (!device || !mount || !type || seen.has(mount)) return [];
    if (!isUserFileSystem(type, mount)) return [];
    seen.add(mount);
    return [{ device, mount, type }];
  });
}

/** Size and use of each mount point now, like df (statfs: no command runs). */
export async function fileSystemUsage(mounts: Mount[]): Promise<FileSystem[]> {
  const results = await Promise.all(
    mounts.map(async (m): Promise<FileSystem | null> => {
      try {
        const s = await statfs(m.mount);
        const size = s.blocks * s.bsize;
        const used = (s.blocks - s.bfree) * s.bsize;
        const available = s.bavail * s.bsize;
        if (size === 0) return null;
        const usePercent =
          used + available > 0 ? Math.round((used / (used + available)) * 1000) / 10 : null;
        return { ...m, sizeBytes: size, usedBytes: used, availableBytes: available, usePercent };
      } catch {
        // Gone since it was listed, or not ours to read (another user's FUSE mount).
        return null;
      }
    }),
  );
  return results.filter((fs): fs is FileSystem => fs !== null);
}

export async function linuxMounts(file = '/proc/mounts'): Promise<Mount[]> {
  return parseProcMounts(await readFile(file, 'utf8'));
}
