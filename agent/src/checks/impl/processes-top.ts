import {
  thresholdStatus,
  worstStatus,
  type CheckFactsOf,
  type CheckOutcomeOf,
  type CheckParams,
} from '@deskside/core';
import type { CheckImplementation, ProcessFacts } from '../context';
import { outcome, round1 } from '../outcome';

const view = (process: ProcessFacts) => ({
  pid: process.pid,
  name: process.name,
  cpuPercent: round1(process.cpuPercent),
  memoryPercent: round1(process.memoryPercent),
  memoryBytes: process.memoryBytes,
});

/** Windows lists idle time as a process (pid 0): it is not a process hogging anything. */
const isRealProcess = (process: ProcessFacts) => process.pid > 0;

export function judgeTopProcesses(
  processes: ProcessFacts[],
  params: CheckParams<'processes.top'>,
): CheckOutcomeOf<'processes.top'> {
  const real = processes.filter(isRealProcess);
  const top = (key: 'cpuPercent' | 'memoryPercent') =>
    [...real].sort((a, b) => b[key] - a[key]).slice(0, params.count);
  const byCpu = top('cpuPercent');
  const byMemory = top('memoryPercent');
  const cpu = thresholdStatus(
    byCpu[0]?.cpuPercent ?? 0,
    { warn: params.warnAboveCpuPercent, fail: params.failAboveCpuPercent },
    'above',
  );
  const memory = thresholdStatus(
    byMemory[0]?.memoryPercent ?? 0,
    { warn: params.warnAboveMemoryPercent, fail: params.failAboveMemoryPercent },
    'above',
  );
  const facts = {
    processCount: real.length,
    byCpu: byCpu.map(view),
    byMemory: byMemory.map(view),
  };
  const status = worstStatus([cpu, memory]);
  if (status === 'pass') return outcome('pass', 'processes.top.ok', facts);
  const severity = status === 'fail' ? 'critical' : 'high';
  // The CPU finding leads when both are equally bad: it is what users notice first.
  const code =
    cpu === status ? `processes.top.cpu_${severity}` : `processes.top.memory_${severity}`;
  return outcome(status, code, facts);
}

export const processesTop: CheckImplementation<
  CheckParams<'processes.top'>,
  CheckFactsOf<'processes.top'>
> = async (params, ctx) => judgeTopProcesses(await ctx.probes.processes(), params);
