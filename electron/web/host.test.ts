import http from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestConsole, type TestConsole } from '#test/helpers/console';
import { startWebHost, type WebHost } from './host';

let desk: TestConsole;
let host: WebHost;
let root: string;
let staticDir: string;

beforeAll(async () => {
  desk = await openTestConsole();
  // The renderer folder, and beside it a file the host must never serve.
  root = await mkdtemp(path.join(os.tmpdir(), 'deskside-static-'));
  staticDir = path.join(root, 'renderer');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Deskside</title>');
  await writeFile(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(path.join(root, 'deskside-outside.txt'), 'outside');
  host = await startWebHost({
    dispatch: desk.dispatch,
    staticDir,
    logger: pino({ level: 'silent' }),
  });
});
afterAll(async () => {
  await host.close();
  await desk.dispose();
  await rm(root, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so paths and headers go out exactly as written. */
function request(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  request({
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${host.sessionToken}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });

const ticketCount = async () => (await desk.call('tickets.list', {})).length;

describe('browser-mode host', () => {
  it('serves the renderer with a strict CSP and no caching of the page', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Deskside</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['cache-control']).toBe('no-store');
    const asset = await request({ path: '/assets/app-1234.js' });
    expect(asset.headers['content-type']).toMatch(/text\/javascript/);
  });

  it('prints a URL that carries the session token only in its fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#session=${host.sessionToken}`);
    expect(host.sessionToken.length).toBeGreaterThanOrEqual(40);
  });

  it('answers contract calls with the session token', async () => {
    const reply = await api('tickets.create', { requester: 'R', channel: 'phone', summary: 'S' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { summary: 'S' } });
  });

  it('refuses calls without or with a wrong session token, and runs nothing', async () => {
    const before = await ticketCount();
    for (const authorization of ['', 'Bearer wrong', `Basic ${host.sessionToken}`]) {
      const reply = await api(
        'tickets.create',
        { requester: 'R', channel: 'phone', summary: 'S' },
        { authorization },
      );
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await ticketCount()).toBe(before);
  });

  it('refuses another Host (DNS rebinding) and another Origin (cross-site requests)', async () => {
    const before = await ticketCount();
    const rebound = await api(
      'tickets.create',
      { requester: 'R', channel: 'phone', summary: 'S' },
      {
        host: `attacker.example:${host.port}`,
      },
    );
    expect(rebound.status).toBe(421);
    const crossSite = await api(
      'tickets.create',
      { requester: 'R', channel: 'phone', summary: 'S' },
      {
        origin: 'https://attacker.example',
      },
    );
    expect(crossSite.status).toBe(403);
    expect(await ticketCount()).toBe(before);
    const sameOrigin = await api('tickets.list', {}, { origin: host.origin });
    expect(sameOrigin.status).toBe(200);
  });

  it('accepts only JSON POSTs of bounded size', async () => {
    expect((await api('tickets.list', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    const get = await request({
      path: '/api/tickets.list',
      headers: { authorization: `Bearer ${host.sessionToken}` },
    });
    expect(get.status).toBe(405);
    const notJson = await request({
      method: 'POST',
      path: '/api/tickets.list',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.sessionToken}` },
      body: '{"unterminated',
    });
    expect(notJson.status).toBe(400);
    const huge = await api('tickets.create', {
      requester: 'R',
      channel: 'phone',
      summary: 'x'.repeat(2_000_000),
    });
    expect(huge.status).toBe(413);
  });

  it('refuses a body that is not UTF-8, or declared too large, and creates nothing', async () => {
    const before = await ticketCount();
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${host.sessionToken}`,
    };
    const notUtf8 = await request({
      method: 'POST',
      path: '/api/tickets.create',
      headers,
      body: Buffer.concat([
        Buffer.from('{"requester":"R","channel":"phone","summary":"'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('"}'),
      ]),
    });
    expect(notUtf8.status).toBe(400);
    expect(JSON.parse(notUtf8.body)).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'The request body is not valid UTF-8' },
    });
    expect(notUtf8.headers['content-security-policy']).toBeDefined();
    const declaredHuge = await request({
      method: 'POST',
      path: '/api/tickets.create',
      headers: { ...headers, 'content-length': String(2 * 1024 * 1024) },
    });
    expect(declaredHuge.status).toBe(413);
    expect(await ticketCount()).toBe(before);
  });

  it('passes contract errors through as data', async () => {
    const reply = await api('tickets.get', { id: -1 });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('sends the assets it read at start-up, the page as it is on the disk now', async () => {
    const page = path.join(staticDir, 'index.html');
    const asset = path.join(staticDir, 'assets', 'app-1234.js');
    await writeFile(page, '<!doctype html><title>Deskside, rebuilt</title>');
    await rm(asset);
    try {
      expect((await request({ path: '/' })).body).toContain('Deskside, rebuilt');
      const held = await request({ path: '/assets/app-1234.js' });
      expect(held.status).toBe(200);
      expect(held.body).toBe('console.log(1)');
      expect(held.headers['content-length']).toBe(String('console.log(1)'.length));
      expect(held.headers['cache-control']).toContain('immutable');
      expect(held.headers['content-security-policy']).toContain("script-src 'self'");
      const head = await request({ method: 'HEAD', path: '/assets/app-1234.js' });
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
      // An asset written after start-up is read from the disk.
      await writeFile(path.join(staticDir, 'assets', 'late-5678.js'), 'console.log(2)');
      expect((await request({ path: '/assets/late-5678.js' })).body).toBe('console.log(2)');
    } finally {
      await writeFile(page, '<!doctype html><title>Deskside</title>');
      await writeFile(asset, 'console.log(1)');
    }
  });

  it('never serves files outside the renderer folder', async () => {
    for (const target of [
      '/../deskside-outside.txt',
      '/%2e%2e/deskside-outside.txt',
      '/assets/..%2f..%2fdeskside-outside.txt',
    ]) {
      const reply = await request({ path: target });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('outside');
    }
  });
});
