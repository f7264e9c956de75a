import type { DefaultGateway, NetworkConfig } from '@deskside/core';
import type { CommandRunner } from '../exec';
import { lines } from '../text';

export const ROUTE_IPV4_ARGS = ['-n', 'get', 'default'];
export const ROUTE_IPV6_ARGS = ['-n', 'get', '-inet6', 'default'];
export const SCUTIL_DNS_ARGS = ['--dns'];

/** `route -n get default`: "gateway: 192.168.1.1" and "interface: en0" lines. */
export function parseRouteGet(output: string): DefaultGateway[] {
  const gateway = /^\s*gateway: (\S+)/m.exec(output)?.[1];
  const iface = /^\s*interface: (\S+)/m.exec(output)?.[1] ?? '';
  // A link-local IPv6 gateway carries its scope: "fe80::1%en0".
  return gateway ? [{ address: gateway.replace(/%.*$/, ''), interface: iface }] : [];
}

/** `scutil --dns`: the resolvers of the main configuration, before the scoped ones. */
export function parseScutilDns(output: string): { servers: string[]; search: string[] } {
  const servers: string[] = [];
  const search: string[] = [];
  for (const line of lines(output)) {
    if (/^DNS configuration \(for scoped queries\)/.test(line)) break;
    const server = /^\s*nameserver\[\d+\]\s*:\s*(\S+)/.exec(line)?.[1];
    const domain = /^\s*search domain\[\d+\]\s*:\s*(\S+)/.exec(line)?.[1];
    if (server && !servers.includes(server)) servers.push(server);
    if (domain && !search.includes(domain)) search.push(domain);
  }
  return { servers, search };
}

export async function macNetworkConfig(run: CommandRunner): Promise<NetworkConfig> {
  const [ip4, ip6, dns] = await Promise.all([
    run('route', ROUTE_IPV4_ARGS),
    run('route', ROUTE_IPV6_ARGS),
    run('scutil', SCUTIL_DNS_ARGS),
  ]);
  const resolvers = parseScutilDns(dns.stdout);
  return {
    // `route get` exits 1 ("not in table") without a default route.
    defaultGateways: {
      ip4: ip4.exitCode === 0 ? parseRouteGet(ip4.stdout) : [],
      ip6: ip6.exitCode === 0 ? parseRouteGet(ip6.stdout) : [],
    },
    dnsServers: resolvers.servers,
    searchDomains: resolvers.search,
  };
}
