import http from 'node:http';
import pino from 'pino';
import { LineSplitter } from '@deskside/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestConsole, type TestConsole } from '#test/helpers/console';
import { startWebHost, type WebHost } from './host';

let desk: TestConsole;
let host: WebHost;

beforeAll(async () => {
  desk = await openTestConsole();
  host = await startWebHost({
    dispatch: desk.dispatch,
    events: desk.events,
    staticDir: desk.dataDir,
    logger: pino({ level: 'silent' }),
  });
});
afterAll(async () => {
  await host.close();
  await desk.dispose();
});

/** Opens GET /api/events; resolves with the status and, for a 200, the stream's lines. */
function openEvents(headers: Record<string, string>) {
  return new Promise<{ status: number; lines: () => string[]; close: () => void }>(
    (resolve, reject) => {
      const lines: string[] = [];
      const req = http.get(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          headers: { host: `127.0.0.1:${host.port}`, ...headers },
        },
        (res) => {
          const splitter = new LineSplitter();
          res.on('data', (chunk: Buffer) => {
            lines.push(...splitter.push(chunk).filter((line) => line !== ''));
          });
          res.on('error', () => undefined);
          resolve({ status: res.statusCode ?? 0, lines: () => lines, close: () => req.destroy() });
        },
      );
      req.on('error', (error) => {
        if (!req.destroyed) reject(error);
      });
    },
  );
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
}

describe('the live event stream of the browser-mode host', () => {
  it('streams committed changes to a page with the session token', async () => {
    const stream = await openEvents({ authorization: `Bearer ${host.sessionToken}` });
    expect(stream.status).toBe(200);
    const ticket = await desk.call('tickets.create', {
      requester: 'R',
      channel: 'phone',
      summary: 'Live',
    });
    await until(() => stream.lines().length > 0);
    stream.close();
    expect(JSON.parse(stream.lines()[0]!)).toMatchObject({
      type: 'ticket.created',
      ticketId: ticket.id,
    });
  });

  it('refuses a page without the token or from another site', async () => {
    const noToken = await openEvents({});
    expect(noToken.status).toBe(401);
    noToken.close();
    const otherSite = await openEvents({
      authorization: `Bearer ${host.sessionToken}`,
      origin: 'https://attacker.example',
    });
    expect(otherSite.status).toBe(403);
    otherSite.close();
  });
});
