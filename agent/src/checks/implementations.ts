import type { CatalogCheckId, CheckFactsOf, CheckParams } from '@deskside/core';
import type { CheckImplementation } from './context';
import { batteryHealth } from './impl/battery-health';
import { clockOffset } from './impl/clock-offset';
import { cpuLoad } from './impl/cpu-load';
import { diskFree } from './impl/disk-free';
import { diskSmart } from './impl/disk-smart';
import { dnsResolve } from './impl/dns-resolve';
import { fsWritable } from './impl/fs-writable';
import { httpReach } from './impl/http-reach';
import { memoryPressure } from './impl/memory-pressure';
import { networkGateway } from './impl/network-gateway';
import { networkInterfaces } from './impl/network-interfaces';
import { osUpdates } from './impl/os-updates';
import { printersQueues } from './impl/printers-queues';
import { processesTop } from './impl/processes-top';
import { programInstalled } from './impl/program-installed';
import { serviceRunning } from './impl/service-running';
import { systemUptime } from './impl/system-uptime';
import { tcpPort } from './impl/tcp-port';

/**
 * One implementation per catalog entry; the compiler refuses a missing one, and one whose
 * parameters or facts differ from the check's schemas.
 */
export const implementations: {
  [K in CatalogCheckId]: CheckImplementation<CheckParams<K>, CheckFactsOf<K>>;
} = {
  'disk.free': diskFree,
  'memory.pressure': memoryPressure,
  'cpu.load': cpuLoad,
  'system.uptime': systemUptime,
  'fs.writable': fsWritable,
  'disk.smart': diskSmart,
  'service.running': serviceRunning,
  'processes.top': processesTop,
  'network.interfaces': networkInterfaces,
  'network.gateway': networkGateway,
  'dns.resolve': dnsResolve,
  'http.reach': httpReach,
  'tcp.port': tcpPort,
  'clock.offset': clockOffset,
  'printers.queues': printersQueues,
  'battery.health': batteryHealth,
  'os.updates': osUpdates,
  'program.installed': programInstalled,
};
