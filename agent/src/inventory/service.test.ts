import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INVENTORY_SECTIONS,
  InventoryV2Schema,
  type InventorySectionName,
  type SectionProblem,
} from '@deskside/core';
import { CpuLoadSampler } from '../collect/live/cpu-load';
import { spyOnSystemInformation } from '../collect/system-information-spy';
import type { RefreshUrgency, StaticRefresher } from './refresh-child';
import { inProcessRefresher } from './static-collection';
import { storeValue } from './stored-section';
import { InventoryService } from './service';
import { CACHE_FILE, writeStaticSection } from './static-cache';

const VERSION = '0.0.0-test';
const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-inventory-service-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('InventoryService (real collection on this machine, in process)', () => {
  let service: InventoryService;
  let dataDir: string;
  let library: ReturnType<typeof spyOnSystemInformation>;

  beforeAll(async () => {
    library = spyOnSystemInformation();
    dataDir = await tempDir();
    service = new InventoryService({
      dataDir,
      agentVersion: VERSION,
      refreshStatic: inProcessRefresher({
        dataDir,
        agentVersion: VERSION,
        platform: process.platform,
      }),
    });
    service.start();
    await service.settled();
  });
  afterAll(() => {
    service.stop();
    library.restore();
  });

  it('never calls si.getAllData() or si.versions(), even to fill its cache', () => {
    expect(library.called()).not.toContain('getAllData');
    expect(library.called()).not.toContain('versions');
    // The start-up collection did use the library for hardware.
    expect(library.called()).toContain('system');
  });

  it('serves requests without calling systeminformation at all', async () => {
    library.reset();
    for (let i = 0; i < 5; i++) {
      InventoryV2Schema.parse(await service.get());
      await service.get(['os', 'cpu', 'memory', 'fileSystems', 'network']);
    }
    expect(library.called()).toEqual([]);
  });

  it('returns every section, with when each was observed', async () => {
    const document = InventoryV2Schema.parse(await service.get());
    for (const section of INVENTORY_SECTIONS) {
      const explained = document.problems.some((p) => p.section === section);
      expect(document[section] !== undefined || explained, section).toBe(true);
    }
    expect(document.cpu?.load).not.toBeNull();
    expect(document.software?.programs.length).toBeGreaterThan(10);
  });

  it('reads dynamic facts for each request and keeps static ones', async () => {
    const first = await service.get(['os', 'system', 'fileSystems']);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await service.get(['os', 'system', 'fileSystems']);
    expect(second.observedAt.system).toBe(first.observedAt.system);
    expect(second.observedAt.os).not.toBe(first.observedAt.os);
    expect(second.os!.uptimeSeconds).toBeGreaterThan(first.os!.uptimeSeconds);
  });

  it('answers prepared JSON with the same static sections as the document', async () => {
    const document = await service.get();
    const prepared = InventoryV2Schema.parse(JSON.parse((await service.prepared()).toString()));
    expect(prepared.software).toEqual(document.software);
    expect(prepared.observedAt.software).toBe(document.observedAt.software);
    expect(Object.keys(prepared)).toEqual(Object.keys(document));
    const some = await service.prepared(['os', 'updates']);
    expect(Object.keys(JSON.parse(some.toString()) as object)).toEqual(
      Object.keys(await service.get(['os', 'updates'])),
    );
  });

  it('returns only the sections asked for', async () => {
    const document = await service.get(['battery', 'updates']);
    const present = INVENTORY_SECTIONS.filter((s) => document[s] !== undefined);
    expect(present.every((s) => s === 'battery' || s === 'updates')).toBe(true);
    expect(document.problems.every((p) => p.section === 'battery' || p.section === 'updates')).toBe(
      true,
    );
  });

  it('keeps the static sections on disk', async () => {
    const [header, ...lines] = (await readFile(path.join(dataDir, CACHE_FILE), 'utf8')).split('\n');
    expect(JSON.parse(header!)).toMatchObject({
      agentVersion: VERSION,
      platform: process.platform,
    });
    const sections = lines.filter(Boolean).map((line) => line.split('\t')[0]);
    expect(sections).toEqual(expect.arrayContaining(['os', 'cpu', 'memory', 'software']));
  });

  it('drops a damaged section from the disk cache and collects it again', async () => {
    const file = path.join(dataDir, CACHE_FILE);
    const original = await readFile(file, 'utf8');
    const damaged = original.replace(
      /^software\t(\S+)\t.*$/m,
      'software\t$1\t{"programs":"not a list"}',
    );
    expect(damaged).not.toBe(original);
    await writeFile(file, damaged);
    const asked: InventorySectionName[] = [];
    const refresher: StaticRefresher = (sections, onNotice) => {
      asked.push(...sections);
      for (const section of sections.filter((s) => s !== 'software')) {
        onNotice({
          section,
          problem: { section, reason: 'failed', message: 'offline' },
        });
      }
      return Promise.resolve();
    };
    const restarted = new InventoryService({
      dataDir,
      agentVersion: VERSION,
      refreshStatic: refresher,
    });
    restarted.start();
    const document = await restarted.get(['software']);
    await restarted.settled();
    restarted.stop();
    await writeFile(file, original);
    expect(asked).toContain('software');
    expect(document.software).toBeUndefined();
    expect(document.problems).toEqual([
      { section: 'software', reason: 'failed', message: expect.stringMatching(/not valid/) },
    ]);
  });

  it('a restarted agent answers from the disk cache before collecting again', async () => {
    let release!: () => void;
    let urgency: RefreshUrgency | undefined;
    const blocked: StaticRefresher = (_sections, _onNotice, asked) => {
      urgency = asked;
      return new Promise((resolve) => (release = resolve));
    };
    const restarted = new InventoryService({
      dataDir,
      agentVersion: VERSION,
      refreshStatic: blocked,
    });
    restarted.start();
    try {
      const before = await service.get(['software']);
      const document = await restarted.get(['software', 'cpu', 'memory']);
      expect(document.software).toEqual(before.software);
      expect(document.observedAt.software).toBe(before.observedAt.software);
      expect(document.memory?.totalBytes).toBe(os.totalmem());
      // Nobody waits for that collection: it yields to the PC's user.
      expect(urgency).toBe('background');
    } finally {
      release();
      restarted.stop();
    }
  });

  it('ignores a cache written by another agent version', async () => {
    let asked: readonly InventorySectionName[] = [];
    let urgency: RefreshUrgency | undefined;
    const refresher: StaticRefresher = (sections, onNotice, how) => {
      asked = sections;
      urgency = how;
      for (const section of sections) {
        onNotice({
          section,
          problem: { section, reason: 'failed', message: 'test' },
        });
      }
      return Promise.resolve();
    };
    const other = new InventoryService({
      dataDir,
      agentVersion: '9.9.9',
      refreshStatic: refresher,
    });
    other.start();
    const document = await other.get(['software']);
    other.stop();
    expect(asked).toContain('software');
    // Requests wait for it, so it is not left to the lowest priority.
    expect(urgency).toBe('awaited');
    expect(document.software).toBeUndefined();
    expect(document.problems).toEqual([{ section: 'software', reason: 'failed', message: 'test' }]);
  });
});

/** A first collection that reports each section it was asked for with `problem`, when told to. */
function heldCollection(problem: (section: InventorySectionName) => SectionProblem) {
  let release: () => void = () => undefined;
  const refresher: StaticRefresher = (sections, onNotice) =>
    new Promise((resolve) => {
      release = () => {
        for (const section of sections) onNotice({ section, problem: problem(section) });
        resolve();
      };
    });
  return {
    refresher,
    report: () => {
      release();
    },
  };
}

/** A service whose collection, held until `report()`, fails for every section. */
async function offlineService() {
  const { refresher, report } = heldCollection((section) => ({
    section,
    reason: 'failed',
    message: 'offline',
  }));
  const service = new InventoryService({
    dataDir: await tempDir(),
    agentVersion: VERSION,
    refreshStatic: refresher,
  });
  return { service, report };
}

describe('InventoryService before its first collection', () => {
  it('a request waits for the sections it needs, then answers', async () => {
    const { refresher, report } = heldCollection((section) => ({
      section,
      reason: 'timeout',
      message: `${section}: slow`,
    }));
    const service = new InventoryService({
      dataDir: await tempDir(),
      agentVersion: VERSION,
      refreshStatic: refresher,
    });
    service.start();
    let answered = false;
    const request = service.get(['bios', 'memory']).then((document) => {
      answered = true;
      return document;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    report();
    const document = await request;
    service.stop();
    expect(document.problems.map((p) => p.section).sort()).toEqual(['bios', 'memory']);
  });

  it('tells its listeners when a collection has ended, not before', async () => {
    const { service, report } = await offlineService();
    let refreshed = 0;
    service.onRefreshed(() => {
      refreshed++;
    });
    service.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(refreshed).toBe(0);
    report();
    await service.settled();
    expect(refreshed).toBe(1);
    service.stop();
  });

  it('requests arriving while a document is put together share it; later ones get their own', async () => {
    const { service, report } = await offlineService();
    service.start();
    const first = service.prepared(['bios', 'os']);
    const second = service.prepared(['bios', 'os']);
    const other = service.prepared(['bios']);
    report();
    const [a, b, c] = await Promise.all([first, second, other]);
    const later = await service.prepared(['bios', 'os']);
    service.stop();
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(later).not.toBe(a);
    const document = InventoryV2Schema.parse(JSON.parse(a.toString()));
    expect(document.problems).toContainEqual({
      section: 'bios',
      reason: 'failed',
      message: 'offline',
    });
  });

  it('a section still not collected after the wait is reported, and the others are served', async () => {
    // `bios` arrives; `updates` never does while the request waits.
    const refresher: StaticRefresher = (sections, onNotice) => {
      if (sections.includes('bios')) {
        onNotice({ section: 'bios', problem: { section: 'bios', reason: 'failed', message: 'x' } });
      }
      return new Promise(() => undefined);
    };
    const service = new InventoryService({
      dataDir: await tempDir(),
      agentVersion: VERSION,
      refreshStatic: refresher,
      firstCollectionWaitMs: 100,
    });
    service.start();
    const document = await service.get(['bios', 'updates', 'memory']);
    service.stop();
    expect(document.problems).toEqual(
      expect.arrayContaining([
        { section: 'bios', reason: 'failed', message: 'x' },
        {
          section: 'updates',
          reason: 'timeout',
          message: expect.stringMatching(/still being collected/),
        },
      ]),
    );
    expect(document.updates).toBeUndefined();
  });

  it('CPU load is there from the first request: no waiting for a sampling window', async () => {
    const cpu = {
      manufacturer: 'Test',
      brand: 'CPU',
      cores: 2,
      physicalCores: 2,
      speedGHz: 1,
      speedMaxGHz: null,
      sockets: null,
      virtualization: null,
      load: null,
    };
    const dataDir = await tempDir();
    const identity = { agentVersion: VERSION, platform: process.platform };
    const refresher: StaticRefresher = async (sections, onNotice) => {
      for (const section of sections.filter((s) => s === 'cpu')) {
        const stored = storeValue(cpu);
        await writeStaticSection(dataDir, identity, section, stored);
        onNotice({ section, observedAt: stored.observedAt! });
      }
      return new Promise(() => undefined);
    };
    const sampler = new CpuLoadSampler(3_600_000);
    const service = new InventoryService({
      dataDir,
      agentVersion: VERSION,
      refreshStatic: refresher,
      sampler,
    });
    service.start();
    const started = Date.now();
    const document = await service.get(['cpu']);
    service.stop();
    expect(document.cpu?.load?.perCore).toHaveLength(os.cpus().length);
    // The window is the time since the agent started, not an hour-long interval.
    expect(document.cpu!.load!.windowSeconds).toBeLessThan((Date.now() - started) / 1000 + 5);
  });
});
