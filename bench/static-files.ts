/**
 * A loopback HTTP server for a folder of built files, for the pages a benchmark compares
 * against: `/` is index.html; nothing outside the folder is served.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface StaticFiles {
  url: string;
  close(): Promise<void>;
}

export async function serveFolder(folder: string): Promise<StaticFiles> {
  const root = path.resolve(folder);
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = path.resolve(root, pathname === '/' ? 'index.html' : `.${pathname}`);
    const notFound = () => {
      res.writeHead(404).end();
    };
    if (!file.startsWith(root + path.sep)) {
      notFound();
      return;
    }
    readFile(file).then((body) => {
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': body.byteLength,
      });
      res.end(body);
    }, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
