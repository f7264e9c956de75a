import { systemInformation } from '../collect/system-information';
import type { InterfaceFacts, ProcessFacts, SystemProbes } from './context';
import { tcpProbe } from './tcp-probe';

const KIB = 1024;
/** Ports a router commonly has open (DNS, web admin). */
const ROUTER_PORTS = [53, 80, 443];

/** Interfaces that report `unknown` (loopback, tunnels) are up when they carry an address. */
function isUp(operstate: string, addresses: string[]): boolean {
  return operstate === 'up' || (operstate === 'unknown' && addresses.length > 0);
}

/**
 * The real probes: the collectors and systeminformation (which know each OS's commands),
 * both loaded by the first check that needs them, so an idle agent holds neither.
 */
export const systemProbes: SystemProbes = {
  async networkInterfaces(): Promise<InterfaceFacts[]> {
    return (await (await systemInformation()).networkInterfaces()).map((nic) => {
      const addresses = [nic.ip4, nic.ip6].filter((address) => address !== '');
      return {
        name: nic.iface,
        up: isUp(nic.operstate, addresses),
        internal: nic.internal,
        virtual: nic.virtual,
        addresses,
      };
    });
  },
  async defaultGateway(): Promise<string | null> {
    const { collectNetworkConfig } = await import('../collect/network-config');
    const { ip4, ip6 } = (await collectNetworkConfig()).defaultGateways;
    if (ip4[0]) return ip4[0].address;
    const v6 = ip6[0];
    if (!v6) return null;
    // A link-local gateway is only reachable through its interface: fe80::1%eth0.
    return /^fe80:/i.test(v6.address) && v6.interface
      ? `${v6.address}%${v6.interface}`
      : v6.address;
  },
  async processes(): Promise<ProcessFacts[]> {
    return (await (await systemInformation()).processes()).list.map((process) => ({
      pid: process.pid,
      name: process.name,
      cpuPercent: process.cpu,
      memoryPercent: process.mem,
      memoryBytes: process.memRss * KIB,
    }));
  },
  async answersTcp(address, waitMs, signal) {
    const probes = await Promise.all(
      ROUTER_PORTS.map((port) => tcpProbe(address, port, waitMs, signal)),
    );
    const answered = probes.find((probe) => probe.result === 'open' || probe.result === 'refused');
    return answered ? { rttMs: answered.ms } : null;
  },
};
