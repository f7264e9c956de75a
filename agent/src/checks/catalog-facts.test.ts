import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  catalogCheckIds,
  checkCatalog,
  CheckOsSchema,
  type CatalogCheckId,
  type CheckOs,
  type CheckParamsInput,
} from '@deskside/core';
import { expectDeclaredFacts, runCheck } from '#test/helpers/check-harness';
import { recordedMachine } from '#test/helpers/recorded-machines';
import { startDnsServer, startSntpServer, type UdpServer } from '#test/helpers/udp-servers';

// The console reads a check's facts with that check's schema and nothing else, so every
// check, on every OS it runs on, must answer facts its schema reads: run here through the
// runner as Linux, Windows and macOS answer (recorded outputs, servers on 127.0.0.1).

const listening = async (server: net.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
const closed = (server: net.Server) => new Promise((resolve) => server.close(resolve));

let tcpServer: net.Server;
let httpServer: http.Server;
let dnsServer: UdpServer;
let sntpServer: UdpServer;
let params: { [K in CatalogCheckId]: CheckParamsInput<K> };

beforeAll(async () => {
  tcpServer = net.createServer((socket) => socket.destroy());
  httpServer = http.createServer((_req, res) => res.end());
  dnsServer = await startDnsServer({ 'intranet.example': '192.0.2.53' });
  sntpServer = await startSntpServer({ offsetMs: 0 });
  params = {
    'disk.free': { path: os.tmpdir() },
    'memory.pressure': {},
    'cpu.load': { sampleMs: 100 },
    'system.uptime': {},
    'fs.writable': {},
    'disk.smart': {},
    'service.running': { name: 'cups' },
    'processes.top': {},
    'network.interfaces': {},
    'network.gateway': { waitMs: 500 },
    'dns.resolve': { name: 'intranet.example', server: '127.0.0.1', port: dnsServer.port },
    'http.reach': { url: `http://127.0.0.1:${await listening(httpServer)}/` },
    'tcp.port': { host: '127.0.0.1', port: await listening(tcpServer) },
    'clock.offset': { server: '127.0.0.1', port: sntpServer.port },
    'printers.queues': {},
    'battery.health': {},
    'os.updates': {},
    // Installed on the recorded Linux machine only: both outcomes show.
    'program.installed': { name: 'colord' },
  };
});

afterAll(async () => {
  await Promise.all([closed(tcpServer), closed(httpServer), dnsServer.close(), sntpServer.close()]);
});

/** Every object in a JSON Schema, nested ones included. */
function objectsIn(schema: unknown): Record<string, unknown>[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const children = Object.values(schema).flatMap((value: unknown) =>
    Array.isArray(value) ? value.flatMap(objectsIn) : objectsIn(value),
  );
  const node = schema as Record<string, unknown>;
  return node.type === 'object' ? [node, ...children] : children;
}

describe('the facts schemas of the catalog', () => {
  it('declares one for every check, refusing any fact it does not name', () => {
    for (const id of catalogCheckIds) {
      const facts: unknown = checkCatalog[id].facts;
      expect(facts, `${id} declares its facts`).toBeInstanceOf(z.ZodType);
      const objects = objectsIn(z.toJSONSchema(checkCatalog[id].facts));
      expect(objects.length, id).toBeGreaterThan(0);
      for (const object of objects) expect(object.additionalProperties, id).toBe(false);
    }
  });
});

const runAs = (platform: CheckOs, id: CatalogCheckId) =>
  runCheck(id, params[id], recordedMachine(platform));

describe.each(CheckOsSchema.options)('every catalog check, as %s answers it', (platform) => {
  it.each(catalogCheckIds)(
    '%s answers with its own code and facts its schema reads',
    async (id) => {
      const result = await runAs(platform, id);
      // One of its own codes: a runner's code (a timeout, a failure) would carry no facts of it.
      expect(checkCatalog[id].codes).toContain(result.code);
      expectDeclaredFacts(result);
    },
  );
});
