/**
 * inventory.diff_ms: `diffInventories` on two full inventories of one machine, made from the
 * recorded Linux inventory (test/fixtures/inventory-linux-v2.json) grown to a busy
 * workstation: 2,000 programs, 300 pending updates, 12 file systems, 8 interfaces. The
 * second is the first with churn: 40 programs changed (20 updated, 10 installed, 10
 * removed), a DNS server, an address, free space on two file systems, a pending update
 * installed, and the facts that move all the time (uptime, load, memory in use).
 */
import { performance } from 'node:perf_hooks';
import { InventoryV2Schema, diffInventories, type InventoryV2 } from '@deskside/core';
import recorded from '#test/fixtures/inventory-linux-v2.json';
import type { Benchmark } from './benchmark';

const METRIC = 'inventory.diff_ms';
const PROGRAMS = 2_000;
const UPDATES = 300;
const FILE_SYSTEMS = 12;
const INTERFACES = 8;
const WARM_UP = 50;
const GIB = 1024 ** 3;

/** The recorded inventory grown to a workstation's size. */
function fullInventory(): InventoryV2 {
  const base = InventoryV2Schema.parse(recorded);
  const templates = base.software!.programs;
  const programs = Array.from({ length: PROGRAMS }, (_, i) => {
    const template = templates[i % templates.length]!;
    return { ...template, name: `${template.name}-${i}`, version: `${1 + (i % 7)}.${i % 13}` };
  });
  const updateTemplate = base.updates!.updates[0]!;
  const [fileSystem] = base.fileSystems!;
  const [nic] = base.network!.interfaces;
  return {
    ...base,
    software: { programs },
    updates: {
      ...base.updates!,
      updates: Array.from({ length: UPDATES }, (_, i) => ({
        ...updateTemplate,
        name: programs[i]!.name,
        availableVersion: `${i}.1`,
      })),
    },
    fileSystems: Array.from({ length: FILE_SYSTEMS }, (_, i) => ({
      ...fileSystem!,
      device: `/dev/vd${String.fromCharCode(97 + i)}`,
      mount: i === 0 ? '/' : `/srv/data${i}`,
    })),
    network: {
      ...base.network!,
      interfaces: Array.from({ length: INTERFACES }, (_, i) => ({
        ...nic!,
        name: `eth${i}`,
        ip4: [`192.0.2.${i + 2}`],
      })),
    },
  };
}

/** `before` with the churn of a few weeks. */
function withChurn(before: InventoryV2): InventoryV2 {
  const after = structuredClone(before);
  const programs = after.software!.programs;
  for (let i = 0; i < 20; i++) programs[i * 97]!.version += '+deb12u1';
  const removedAt = new Set(Array.from({ length: 10 }, (_, i) => 50 + i * 131));
  after.software!.programs = programs.filter((_, i) => !removedAt.has(i));
  for (let i = 0; i < 10; i++) {
    after.software!.programs.push({ ...programs[i]!, name: `new-program-${i}` });
  }
  after.updates!.updates.shift();
  after.network!.dnsServers = ['192.0.2.53'];
  after.network!.interfaces[1]!.ip4 = ['198.51.100.7'];
  after.fileSystems![0]!.availableBytes -= 60 * GIB;
  after.fileSystems![3]!.availableBytes -= GIB / 4;
  after.os!.uptimeSeconds += 7 * 86_400;
  after.memory!.availableBytes -= 2 * GIB;
  after.cpu!.load = after.cpu!.load && { ...after.cpu!.load, percent: 12 };
  after.collectedAt = new Date(Date.parse(before.collectedAt) + 7 * 86_400_000).toISOString();
  return after;
}

export const inventoryDiffBenchmark: Benchmark = {
  name: 'inventory.diff',
  needsAgentBuild: false,
  metrics: [
    {
      name: METRIC,
      unit: 'ms',
      description: `diff of two full inventories (${PROGRAMS} programs, 40 of them changed)`,
      defaultSamples: 200,
    },
  ],
  run(context) {
    const before = fullInventory();
    const after = withChurn(before);
    const check = diffInventories(before, after);
    const software = check.sections.software;
    if (software.status !== 'compared' || software.updated.length !== 20) {
      throw new Error(`The diff did not find the 20 updated programs: ${JSON.stringify(software)}`);
    }
    context.progress(`inventory.diff: ${check.summary.total} changes found`);
    for (let i = 0; i < WARM_UP; i++) diffInventories(before, after);
    const samples: number[] = [];
    for (let i = 0; i < context.samples(METRIC); i++) {
      const started = performance.now();
      diffInventories(before, after);
      samples.push(performance.now() - started);
    }
    context.record(METRIC, samples);
    return Promise.resolve();
  },
};
