import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NetworkInterface } from '@deskside/core';

export const SYS_CLASS_NET = '/sys/class/net';

/** What os.networkInterfaces() does not say: from sysfs on Linux, from the cache elsewhere. */
export type InterfaceExtras = Pick<NetworkInterface, 'type' | 'virtual' | 'speedMbps' | 'mtu'> & {
  up: boolean | null;
};

const read = (file: string) =>
  readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );
const positive = (text: string) => {
  const n = Number(text);
  return text !== '' && Number.isInteger(n) && n > 0 ? n : null;
};

/** Every interface the kernel has (with or without an address) and its state: no command runs. */
export async function linuxInterfaceExtras(
  dir = SYS_CLASS_NET,
): Promise<Map<string, InterfaceExtras>> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const entries = await Promise.all(
    names.map(async (name): Promise<[string, InterfaceExtras]> => {
      const base = path.join(dir, name);
      const [operstate, speed, mtu, target, wireless] = await Promise.all([
        read(path.join(base, 'operstate')),
        read(path.join(base, 'speed')),
        read(path.join(base, 'mtu')),
        readlink(base).catch(() => ''),
        exists(path.join(base, 'wireless')),
      ]);
      const virtual = target.includes('/virtual/');
      return [
        name,
        {
          // "unknown" is what loopback and many tunnels report while they work.
          up:
            operstate === 'up'
              ? true
              : operstate === 'down' || operstate === 'dormant'
                ? false
                : null,
          type: wireless ? 'wireless' : virtual ? 'virtual' : 'wired',
          virtual,
          speedMbps: positive(speed),
          mtu: positive(mtu),
        },
      ];
    }),
  );
  return new Map(entries);
}

/**
 * Interfaces with their addresses as they are now (node:os), joined with what sysfs or
 * the cache says about each. An interface is up when it says so, or when it does not say
 * and has an address.
 */
export function joinInterfaces(
  addresses: NodeJS.Dict<os.NetworkInterfaceInfo[]>,
  extras: Map<string, InterfaceExtras>,
): NetworkInterface[] {
  const names = [...new Set([...Object.keys(addresses), ...extras.keys()])].sort();
  return names.map((name) => {
    const infos = addresses[name] ?? [];
    const extra = extras.get(name);
    const ip4 = infos.filter((i) => i.family === 'IPv4').map((i) => i.address);
    const ip6 = infos.filter((i) => i.family === 'IPv6').map((i) => i.address);
    const mac = infos.find((i) => i.mac !== '00:00:00:00:00:00')?.mac ?? infos[0]?.mac ?? '';
    const internal = infos.some((i) => i.internal);
    return {
      name,
      mac,
      ip4,
      ip6,
      up: extra?.up ?? ip4.length + ip6.length > 0,
      internal,
      virtual: extra?.virtual ?? internal,
      type: extra?.type ?? (internal ? 'virtual' : ''),
      speedMbps: extra?.speedMbps ?? null,
      mtu: extra?.mtu ?? null,
    };
  });
}

/** The interfaces now: node:os and sysfs on Linux; node:os and cached extras elsewhere. */
export async function liveInterfaces(
  platform: NodeJS.Platform,
  cached: NetworkInterface[] = [],
): Promise<NetworkInterface[]> {
  if (platform === 'linux')
    return joinInterfaces(os.networkInterfaces(), await linuxInterfaceExtras());
  // Elsewhere os.networkInterfaces() lists only interfaces with an address: those are up.
  const current = os.networkInterfaces();
  const extras = new Map<string, InterfaceExtras>(
    cached.map((n) => [n.name, { ...n, up: (current[n.name]?.length ?? 0) > 0 }]),
  );
  return joinInterfaces(current, extras);
}
