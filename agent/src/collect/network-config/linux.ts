import { readFile } from 'node:fs/promises';
import type { DefaultGateway, NetworkConfig } from '@deskside/core';
import { lines } from '../text';

export interface LinuxNetworkPaths {
  route: string;
  ipv6Route: string;
  resolvConf: string;
  /** systemd-resolved's list of upstream servers, behind its 127.0.0.53 stub. */
  resolvedConf: string;
}

export const LINUX_NETWORK_PATHS: LinuxNetworkPaths = {
  route: '/proc/net/route',
  ipv6Route: '/proc/net/ipv6_route',
  resolvConf: '/etc/resolv.conf',
  resolvedConf: '/run/systemd/resolve/resolv.conf',
};

/** A file's text, or "" where it is missing or unreadable. */
export type ReadText = (file: string) => Promise<string>;

const readLocal: ReadText = (file) => readFile(file, 'utf8').catch(() => '');

/** /proc/net/route: default routes (destination and mask 0), gateway in little-endian hex. */
export function parseProcRoute(content: string): DefaultGateway[] {
  return lines(content)
    .slice(1)
    .flatMap((line) => {
      const [iface, destination, gateway, , , , metric, mask] = line.trim().split(/\s+/);
      if (destination !== '00000000' || mask !== '00000000' || !gateway || gateway === '00000000') {
        return [];
      }
      const bytes = gateway
        .match(/../g)!
        .map((hex) => parseInt(hex, 16))
        .reverse();
      return [{ address: bytes.join('.'), interface: iface ?? '', metric: Number(metric ?? 0) }];
    })
    .sort((a, b) => a.metric - b.metric)
    .map(({ address, interface: name }) => ({ address, interface: name }));
}

/** "fd000000000000000000000000000001" -> "fd00::1" (the shortest form). */
export function compressIp6(hex32: string): string {
  const groups = hex32.match(/.{4}/g)!.map((group) => parseInt(group, 16).toString(16));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < groups.length;) {
    if (groups[i] !== '0') {
      i += 1;
      continue;
    }
    let end = i;
    while (end < groups.length && groups[end] === '0') end += 1;
    if (end - i > best.length && end - i > 1) best = { start: i, length: end - i };
    i = end;
  }
  if (best.start === -1) return groups.join(':');
  const head = groups.slice(0, best.start).join(':');
  const tail = groups.slice(best.start + best.length).join(':');
  return `${head}::${tail}`;
}

/** /proc/net/ipv6_route: the ::/0 routes with a next hop. */
export function parseProcIpv6Route(content: string): DefaultGateway[] {
  return lines(content).flatMap((line) => {
    const fields = line.trim().split(/\s+/);
    const [destination, prefix, , , nextHop] = fields;
    const iface = fields[9] ?? '';
    if (destination !== '0'.repeat(32) || prefix !== '00' || !nextHop || /^0+$/.test(nextHop)) {
      return [];
    }
    if (iface === 'lo') return [];
    return [{ address: compressIp6(nextHop), interface: iface }];
  });
}

export function parseResolvConf(content: string): { servers: string[]; search: string[] } {
  const servers: string[] = [];
  const search: string[] = [];
  for (const line of lines(content)) {
    const [keyword, ...values] = line
      .replace(/[#;].*$/, '')
      .trim()
      .split(/\s+/);
    if (keyword === 'nameserver' && values[0]) servers.push(values[0]);
    if (keyword === 'search' || keyword === 'domain') search.splice(0, search.length, ...values);
  }
  return { servers, search };
}

/**
 * Reads the kernel's routing tables and the resolver configuration: no command runs here
 * (`read` reads this machine's files, or another's over SSH).
 */
export async function linuxNetworkConfig(
  paths: LinuxNetworkPaths = LINUX_NETWORK_PATHS,
  read: ReadText = readLocal,
): Promise<NetworkConfig> {
  const [route, ipv6Route, resolvConf] = await Promise.all([
    read(paths.route),
    read(paths.ipv6Route),
    read(paths.resolvConf),
  ]);
  let dns = parseResolvConf(resolvConf);
  if (dns.servers.length > 0 && dns.servers.every((s) => s.startsWith('127.0.0.5'))) {
    const upstream = parseResolvConf(await read(paths.resolvedConf));
    if (upstream.servers.length > 0) dns = { servers: upstream.servers, search: dns.search };
  }
  return {
    defaultGateways: { ip4: parseProcRoute(route), ip6: parseProcIpv6Route(ipv6Route) },
    dnsServers: dns.servers,
    searchDomains: dns.search,
  };
}
