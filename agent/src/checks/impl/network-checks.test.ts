import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, recordedExec, runCheck } from '#test/helpers/check-harness';
import { startDnsServer, startSntpServer, type UdpServer } from '#test/helpers/udp-servers';
import { loadOrCreateIdentity } from '../../server/identity';
import type { InterfaceFacts } from '../context';
import { judgeHttpAnswer } from './http-reach';

// Real servers on 127.0.0.1 for the checks that talk to one; recorded outputs for the
// commands other OSes run; recorded facts for network states this machine cannot show.

const listenOn = async (server: net.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
const closed = (server: net.Server) => new Promise((resolve) => server.close(resolve));

/** A port nothing listens on: bound once, then released. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  const port = await listenOn(server);
  await closed(server);
  return port;
}

describe('tcp.port', () => {
  let server: net.Server;
  let port: number;
  beforeAll(async () => {
    server = net.createServer((socket) => socket.destroy());
    port = await listenOn(server);
  });
  afterAll(() => closed(server));

  it('passes when the port accepts a connection', async () => {
    expect(await runCheck('tcp.port', { host: '127.0.0.1', port })).toMatchObject({
      status: 'pass',
      code: 'tcp.port.open',
      facts: { host: '127.0.0.1', port, remoteAddress: '127.0.0.1' },
    });
  });

  it('fails when the port refuses, or the name does not resolve', async () => {
    expect(await runCheck('tcp.port', { host: '127.0.0.1', port: await freePort() })).toMatchObject(
      {
        status: 'fail',
        code: 'tcp.port.refused',
      },
    );
    expect(await runCheck('tcp.port', { host: 'no-such-host.invalid', port: 80 })).toMatchObject({
      status: 'fail',
      code: 'tcp.port.name_not_found',
    });
  });
});

describe('http.reach', () => {
  let server: http.Server;
  let tlsServer: https.Server;
  let base: string;
  let tlsBase: string;
  let dir: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const status =
        { '/ok': 200, '/moved': 301, '/missing': 404, '/broken': 503 }[req.url ?? ''] ?? 404;
      res.writeHead(status, status === 301 ? { location: '/ok' } : {}).end('body is not kept');
    });
    base = `http://127.0.0.1:${await listenOn(server)}`;
    dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-http-check-'));
    const identity = await loadOrCreateIdentity(dir);
    tlsServer = https.createServer({ key: identity.keyPem, cert: identity.certPem }, (_req, res) =>
      res.end(),
    );
    tlsBase = `https://127.0.0.1:${await listenOn(tlsServer)}`;
  });
  afterAll(async () => {
    await Promise.all([closed(server), closed(tlsServer)]);
    await rm(dir, { recursive: true, force: true });
  });

  it('passes for 2xx and reports a redirect without following it', async () => {
    expect(await runCheck('http.reach', { url: `${base}/ok` })).toMatchObject({
      status: 'pass',
      code: 'http.reach.ok',
      facts: { status: 200 },
    });
    expect(await runCheck('http.reach', { url: `${base}/moved`, method: 'HEAD' })).toMatchObject({
      status: 'pass',
      facts: { status: 301, location: '/ok' },
    });
  });

  it('warns for 4xx, fails for 5xx, and fails an unexpected status when one is expected', async () => {
    expect(await runCheck('http.reach', { url: `${base}/missing` })).toMatchObject({
      status: 'warn',
      code: 'http.reach.client_error',
    });
    expect(await runCheck('http.reach', { url: `${base}/broken` })).toMatchObject({
      status: 'fail',
      code: 'http.reach.server_error',
    });
    expect(await runCheck('http.reach', { url: `${base}/ok`, expectStatus: [204] })).toMatchObject({
      status: 'fail',
      code: 'http.reach.unexpected_status',
    });
    expect(
      await runCheck('http.reach', { url: `${base}/missing`, expectStatus: [404] }),
    ).toMatchObject({
      status: 'pass',
    });
  });

  it('fails when nothing listens, and on a certificate it cannot trust', async () => {
    expect(
      await runCheck('http.reach', { url: `http://127.0.0.1:${await freePort()}/` }),
    ).toMatchObject({
      status: 'fail',
      code: 'http.reach.unreachable',
      facts: { errorCode: 'ECONNREFUSED' },
    });
    expect(await runCheck('http.reach', { url: `${tlsBase}/` })).toMatchObject({
      status: 'fail',
      code: 'http.reach.tls_error',
      facts: { errorCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
  });

  it('warns when a trusted certificate expires within warnCertDays', () => {
    const params = {
      url: 'https://intranet/',
      method: 'GET',
      warnCertDays: 14,
      waitMs: 1000,
    } as const;
    const now = Date.parse('2026-01-01T00:00:00Z');
    const answer = (validTo: string) => ({
      status: 200,
      ms: 3,
      location: null,
      certValidTo: validTo,
    });
    expect(judgeHttpAnswer(params, answer('2026-01-10T00:00:00.000Z'), now)).toMatchObject({
      status: 'warn',
      code: 'http.reach.cert_expiring',
      facts: { certDaysLeft: 9 },
    });
    expect(judgeHttpAnswer(params, answer('2026-06-01T00:00:00.000Z'), now).status).toBe('pass');
  });
});

describe('dns.resolve', () => {
  let dns: UdpServer;
  let silent: UdpServer;
  beforeAll(async () => {
    dns = await startDnsServer({ 'intranet.example.test': '10.1.2.3' });
    silent = await startDnsServer({}, true);
  });
  afterAll(async () => {
    await Promise.all([dns.close(), silent.close()]);
  });

  it('passes when the server answers with records', async () => {
    const result = await runCheck('dns.resolve', {
      name: 'intranet.example.test',
      server: '127.0.0.1',
      port: dns.port,
    });
    expect(result).toMatchObject({
      status: 'pass',
      code: 'dns.resolve.ok',
      facts: { answers: ['10.1.2.3'], servers: [`127.0.0.1:${dns.port}`] },
    });
  });

  it('fails for a name the server does not know, and when the server is silent', async () => {
    expect(
      await runCheck('dns.resolve', {
        name: 'nothing.example.test',
        server: '127.0.0.1',
        port: dns.port,
      }),
    ).toMatchObject({ status: 'fail', code: 'dns.resolve.not_found' });
    expect(
      await runCheck('dns.resolve', {
        name: 'intranet.example.test',
        server: '127.0.0.1',
        port: silent.port,
        waitMs: 200,
      }),
    ).toMatchObject({ status: 'fail', code: 'dns.resolve.timeout' });
    expect(silent.received).toBeGreaterThan(0);
  });
});

describe('clock.offset', () => {
  const servers: UdpServer[] = [];
  const sntp = async (behaviour: Parameters<typeof startSntpServer>[0]) => {
    const server = await startSntpServer(behaviour);
    servers.push(server);
    return { server: '127.0.0.1', port: server.port };
  };
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it('passes when the clocks agree', async () => {
    const result = await runCheck('clock.offset', await sntp({ offsetMs: 0 }));
    expect(result).toMatchObject({
      status: 'pass',
      code: 'clock.offset.ok',
      facts: { stratum: 2 },
    });
    expect(Math.abs(result.facts.offsetMs as number)).toBeLessThan(2000);
  });

  it('warns and fails as the offset grows, whichever clock is ahead', async () => {
    const behind = await runCheck('clock.offset', { ...(await sntp({ offsetMs: -10_000 })) });
    expect(behind).toMatchObject({ status: 'warn', code: 'clock.offset.drift' });
    expect(behind.facts.offsetMs).toBeLessThan(0);
    const ahead = await runCheck('clock.offset', await sntp({ offsetMs: 10 * 60_000 }));
    expect(ahead).toMatchObject({ status: 'fail', code: 'clock.offset.large' });
    expect(ahead.facts.offsetMs).toBeGreaterThan(0);
  });

  it('refuses gracefully when no time source answers, refuses or cannot resolve', async () => {
    expect(
      await runCheck('clock.offset', { ...(await sntp({ silent: true })), waitMs: 200 }),
    ).toMatchObject({
      status: 'error',
      code: 'clock.offset.source_unreachable',
      facts: { reason: 'timeout' },
    });
    expect(
      await runCheck('clock.offset', { server: '127.0.0.1', port: await freePort() }),
    ).toMatchObject({
      status: 'error',
      code: 'clock.offset.source_unreachable',
    });
    expect(await runCheck('clock.offset', { server: 'no-such-host.invalid' })).toMatchObject({
      status: 'error',
      code: 'clock.offset.source_unreachable',
      facts: { reason: 'unreachable' },
    });
  });

  it('does not believe a server that refuses service (kiss-o’-death)', async () => {
    expect(await runCheck('clock.offset', await sntp({ kissOfDeath: true }))).toMatchObject({
      status: 'error',
      code: 'clock.offset.bad_reply',
    });
  });
});

describe('network.interfaces', () => {
  it('passes on this machine, and for a named interface that is up', async () => {
    expect(await runCheck('network.interfaces', {})).toMatchObject({
      status: 'pass',
      code: 'network.interfaces.up',
    });
    const loopback = Object.keys(os.networkInterfaces()).find((name) => name.startsWith('lo'))!;
    expect(await runCheck('network.interfaces', { name: loopback })).toMatchObject({
      status: 'pass',
    });
  });

  it('fails for an interface that does not exist', async () => {
    expect(await runCheck('network.interfaces', { name: 'nonexistent9' })).toMatchObject({
      status: 'fail',
      code: 'network.interfaces.missing',
    });
  });

  it('fails with the cable out and warns without an address (recorded facts)', async () => {
    const nic = (
      name: string,
      up: boolean,
      addresses: string[],
      virtual = false,
    ): InterfaceFacts => ({
      name,
      up,
      internal: false,
      virtual,
      addresses,
    });
    const run = (interfaces: InterfaceFacts[], name?: string) =>
      runCheck('network.interfaces', name ? { name } : {}, {
        platform: 'win32',
        probes: { networkInterfaces: () => Promise.resolve(interfaces) },
      });
    // A VM bridge that is up must not hide the unplugged Ethernet.
    expect(
      await run([nic('Ethernet', false, []), nic('vEthernet (WSL)', true, ['172.20.0.1'], true)]),
    ).toMatchObject({
      status: 'fail',
      code: 'network.interfaces.down',
    });
    expect(await run([nic('Wi-Fi', true, [])])).toMatchObject({
      status: 'warn',
      code: 'network.interfaces.no_address',
    });
    expect(await run([nic('Wi-Fi', false, ['192.168.1.20'])], 'Wi-Fi')).toMatchObject({
      status: 'fail',
      code: 'network.interfaces.down',
    });
  });
});

describe('network.gateway', () => {
  it('passes on this machine (no ping here: the gateway answers a TCP connection)', async () => {
    const result = await runCheck('network.gateway', {});
    expect(result).toMatchObject({ status: 'pass', code: 'network.gateway.reachable' });
  });

  it('fails without a default gateway', async () => {
    expect(
      await runCheck(
        'network.gateway',
        {},
        { probes: { defaultGateway: () => Promise.resolve(null) } },
      ),
    ).toMatchObject({ status: 'fail', code: 'network.gateway.none' });
  });

  it('pings with each OS’s own ping and reads its answer (recorded)', async () => {
    const cases = [
      {
        platform: 'linux',
        file: 'ping',
        reply: ['ping-reply.txt', 0],
        silent: ['ping-timeout.txt', 1],
      },
      {
        platform: 'darwin',
        file: '/sbin/ping',
        reply: ['ping-reply.txt', 0],
        silent: ['ping-timeout.txt', 2],
      },
      // Windows exits 0 for "destination host unreachable" from another host: no TTL, no reply.
      {
        platform: 'win32',
        file: 'PING.EXE',
        reply: ['ping-reply.txt', 0],
        silent: ['ping-host-unreachable.txt', 0],
      },
    ] as const;
    const gateway = '192.168.1.1';
    for (const { platform, file, reply, silent } of cases) {
      const run = ([output, exitCode]: readonly [string, number]) =>
        runCheck(
          'network.gateway',
          {},
          {
            platform,
            probes: {
              defaultGateway: () => Promise.resolve(gateway),
              // As a gateway that drops TCP too.
              answersTcp: () => Promise.resolve(null),
            },
            exec: recordedExec([{ file, exitCode, stdout: fixture(platform, output) }]),
          },
        );
      const up = await run(reply);
      expect(up, platform).toMatchObject({ status: 'pass', facts: { method: 'icmp', gateway } });
      expect(up.facts.rttMs, platform).toBeGreaterThan(0);
      expect(await run(silent), platform).toMatchObject({
        status: 'fail',
        code: 'network.gateway.unreachable',
        facts: { method: 'icmp+tcp' },
      });
    }
  });

  it('falls back to TCP where ping may not run, and fails when that gets no answer either', async () => {
    const exec = recordedExec([
      { file: 'ping', exitCode: 2, stderr: fixture('linux', 'ping-not-permitted.txt') },
    ]);
    const run = (answer: { rttMs: number } | null) =>
      runCheck(
        'network.gateway',
        {},
        {
          platform: 'linux',
          exec,
          probes: {
            defaultGateway: () => Promise.resolve('10.0.0.1'),
            answersTcp: () => Promise.resolve(answer),
          },
        },
      );
    expect(await run({ rttMs: 0.4 })).toMatchObject({ status: 'pass', facts: { method: 'tcp' } });
    expect(await run(null)).toMatchObject({ status: 'fail', facts: { method: 'tcp' } });
  });
});
