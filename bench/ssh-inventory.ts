/**
 * ssh.*: the console's inventory of an agentless Linux machine over SSH, from a fresh
 * connection (host key already confirmed, key login) to the validated document, against
 * this machine's own OpenSSH server on 127.0.0.1 (test/helpers/sshd.ts). For 20 machines,
 * 20 servers, each with its own host key and port, reached over 20 connections at once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { InventoryV2, SshMachine } from '@deskside/core';
import {
  findSshd,
  makeSshKey,
  startSshd,
  type SshKeyPair,
  type SshServer,
} from '#test/helpers/sshd';
import { connectMachine } from '../electron/services/machines/ssh/connect';
import { collectRemoteInventory } from '../electron/services/machines/ssh/remote-inventory';
import { remoteCommands } from '../electron/services/machines/ssh/runner';
import { BenchmarkUnavailable, type BenchContext, type Benchmark } from './benchmark';

const ONE = 'ssh.inventory_ms';
const TWENTY = 'ssh.inventory_20_hosts_ms';
const HOSTS = 20;
/** Problems a full inventory of this machine may hold: what SSH or the machine lacks. */
const EXPECTED_PROBLEMS = new Set(['unsupported', 'not_installed']);

function machineOf(server: SshServer, key: SshKeyPair): SshMachine {
  return {
    target: { host: server.host, port: server.port, username: server.username },
    auth: { kind: 'key', privateKey: key.privateKey },
    hostKey: server.hostKey.fingerprint,
  };
}

/** A section that should have been read and was not fails the sample: it is not a full inventory. */
function checkFull(inventory: InventoryV2, where: string): void {
  const failed = inventory.problems.filter((problem) => !EXPECTED_PROBLEMS.has(problem.reason));
  if (failed.length > 0 || !inventory.software || !inventory.os) {
    throw new Error(
      `The inventory of ${where} is incomplete: ${JSON.stringify(failed.length > 0 ? failed : inventory.problems)}`,
    );
  }
}

/** Connects afresh, collects the full inventory and closes the connection. */
async function inventoryOf(server: SshServer, key: SshKeyPair): Promise<void> {
  const connection = await connectMachine(machineOf(server, key));
  if (connection.status !== 'connected') {
    throw new Error(`127.0.0.1:${server.port} asked to confirm its host key again`);
  }
  try {
    const client = connection.ssh.connection;
    if (!client) throw new Error(`127.0.0.1:${server.port} closed the connection at once`);
    checkFull(
      // As the console reads a machine in its list: the desk learnt its OS when it was added.
      (await collectRemoteInventory(remoteCommands(client), { knownOs: 'linux' })).inventory,
      `127.0.0.1:${server.port}`,
    );
  } finally {
    connection.close();
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function measure(context: BenchContext, servers: SshServer[], key: SshKeyPair) {
  const [first] = servers;
  if (context.wants(ONE)) {
    await inventoryOf(first!, key); // Warm-up: the programs and files in the page cache.
    const samples: number[] = [];
    for (let i = 1; i <= context.samples(ONE); i++) {
      samples.push(await timed(() => inventoryOf(first!, key)));
      context.progress(`${ONE} ${i}/${context.samples(ONE)}: ${samples.at(-1)!.toFixed(1)} ms`);
    }
    context.record(ONE, samples);
  }
  if (context.wants(TWENTY)) {
    const samples: number[] = [];
    for (let i = 1; i <= context.samples(TWENTY); i++) {
      samples.push(
        await timed(() => Promise.all(servers.map((server) => inventoryOf(server, key)))),
      );
      context.progress(
        `${TWENTY} ${i}/${context.samples(TWENTY)}: ${samples.at(-1)!.toFixed(1)} ms`,
      );
    }
    context.record(TWENTY, samples);
  }
}

export const sshInventoryBenchmark: Benchmark = {
  name: 'ssh',
  needsAgentBuild: false,
  metrics: [
    {
      name: ONE,
      unit: 'ms',
      description: 'connect over SSH (key login) and collect the full Linux inventory, loopback',
      defaultSamples: 9,
    },
    {
      name: TWENTY,
      unit: 'ms',
      description: 'the same for 20 machines (20 sshd, 20 connections) at once, wall time',
      defaultSamples: 5,
    },
  ],
  async run(context) {
    if (!findSshd()) {
      throw new BenchmarkUnavailable('no OpenSSH server (sshd) here; set DESKSIDE_SSHD');
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-bench-ssh-'));
    const servers: SshServer[] = [];
    try {
      const key = await makeSshKey(dir, 'id_ed25519');
      const count = context.wants(TWENTY) ? HOSTS : 1;
      const started = await Promise.allSettled(
        Array.from({ length: count }, () => startSshd({ authorizedKeys: [key.publicKey] })),
      );
      for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
      const failed = started.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      context.progress(
        `${servers.length} sshd on 127.0.0.1 (pids ${servers.map((s) => s.pid).join(' ')})`,
      );
      await measure(context, servers, key);
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
      await rm(dir, { recursive: true, force: true });
    }
  },
};
