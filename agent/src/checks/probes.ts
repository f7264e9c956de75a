import { access, readdir, readFile, statfs } from 'node:fs/promises';
import os from 'node:os';
import { systemInformation } from '../collect/system-information';
import type { InterfaceFacts, ProcessFacts, SystemProbes } from './context';
import { errorCode } from './outcome';
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
  async fileSystemSpace(path) {
    let stats;
    try {
      stats = await statfs(path);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw error;
    }
    // bavail: what an ordinary user can still write (root's reserve excluded).
    return { totalBytes: stats.blocks * stats.bsize, freeBytes: stats.bavail * stats.bsize };
  },
  memory() {
    // Linux MemAvailable, Windows available physical memory.
    return Promise.resolve({ totalBytes: os.totalmem(), availableBytes: os.freemem() });
  },
  cpuTimes() {
    let busy = 0;
    let total = 0;
    const cpus = os.cpus();
    for (const cpu of cpus) {
      const { user, nice, sys, irq, idle } = cpu.times;
      busy += user + nice + sys + irq;
      total += user + nice + sys + irq + idle;
    }
    return Promise.resolve({ busy, total, cores: cpus.length });
  },
  loadAverage() {
    return Promise.resolve(os.loadavg());
  },
  uptimeSeconds() {
    return Promise.resolve(os.uptime());
  },
  pathExists(path) {
    return access(path).then(
      () => true,
      () => false,
    );
  },
  readTextFile(path) {
    return readFile(path, 'utf8').catch(() => null);
  },
  async processIdsNamed(name) {
    const pids: number[] = [];
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const comm = await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => null);
      if (comm?.trimEnd() === name) pids.push(Number(entry));
    }
    return pids;
  },
  connectTcp: tcpProbe,
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
