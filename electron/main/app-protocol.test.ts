import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../web/security';
import {
  APP_INDEX_URL,
  createAppProtocolHandler,
  listRendererFiles,
  resolveAppRequest,
} from './app-protocol';

const FILES: ReadonlySet<string> = new Set([
  'index.html',
  'assets/boot-1234.js',
  'assets/index-5678.css',
  'assets/logo.svg',
  'assets/font.woff2',
  'assets/blob.bin',
]);

const resolve = (url: string, method = 'GET') => resolveAppRequest(url, method, FILES);

describe('resolveAppRequest (pure: a request on app:// to a renderer file)', () => {
  it('maps the page and its assets to their files with their media types', () => {
    expect(resolve(APP_INDEX_URL)).toEqual({
      status: 200,
      file: 'index.html',
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolve('app://deskside/')).toMatchObject({ status: 200, file: 'index.html' });
    expect(resolve('app://deskside/index.html#/tickets/4')).toMatchObject({ file: 'index.html' });
    expect(resolve('app://deskside/assets/boot-1234.js?v=1')).toEqual({
      status: 200,
      file: 'assets/boot-1234.js',
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolve('app://deskside/assets/index-5678.css')).toMatchObject({
      contentType: 'text/css; charset=utf-8',
    });
    expect(resolve('app://deskside/assets/logo.svg')).toMatchObject({
      contentType: 'image/svg+xml',
    });
    expect(resolve('app://deskside/assets/font.woff2')).toMatchObject({
      contentType: 'font/woff2',
    });
    expect(resolve('app://deskside/assets/blob.bin')).toMatchObject({
      contentType: 'application/octet-stream',
    });
    expect(resolve('app://deskside/assets/boot-1234.js', 'HEAD')).toMatchObject({ status: 200 });
  });

  it('refuses traversal, plain and percent-encoded', () => {
    for (const url of [
      'app://deskside/../../etc/passwd',
      'app://deskside/assets/../../../package.json',
      'app://deskside/%2e%2e/%2e%2e/etc/passwd',
      'app://deskside/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://deskside/assets%2f..%2f..%2fpackage.json',
      'app://deskside/assets/%2E%2E%2Findex.html',
      'app://deskside/..%5c..%5cwindows%5cwin.ini',
      'app://deskside/assets%5cboot-1234.js',
      'app://deskside/%252e%252e/index.html',
      'app://deskside//etc/passwd',
      'app://deskside/./index.html%00.js',
      'app://deskside/index.html%00',
    ]) {
      expect(resolve(url), url).toEqual({ status: 404 });
    }
  });

  it('answers 404 for files the build did not make and for other origins', () => {
    for (const url of [
      'app://deskside/missing.html',
      'app://deskside/assets/',
      'app://deskside/assets',
      'app://deskside/ASSETS/boot-1234.js',
      'app://deskside/%E0%A4%A',
      'app://other/index.html',
      'app://deskside:8080/index.html',
      'app://user@deskside/index.html',
      'file:///index.html',
      'https://deskside/index.html',
      'not a url',
    ]) {
      expect(resolve(url), url).toEqual({ status: 404 });
    }
  });

  it('answers 405 for anything but GET and HEAD', () => {
    expect(resolve(APP_INDEX_URL, 'POST')).toEqual({ status: 405 });
    expect(resolve(APP_INDEX_URL, 'PUT')).toEqual({ status: 405 });
  });
});

describe('the app:// handler over a real renderer folder', () => {
  let root: string;
  let rendererDir: string;

  beforeAll(async () => {
    // The renderer folder, and beside it files the handler must never serve.
    root = await mkdtemp(path.join(os.tmpdir(), 'deskside-app-protocol-'));
    rendererDir = path.join(root, 'renderer');
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Deskside</title>');
    await writeFile(path.join(rendererDir, 'assets', 'boot-1234.js'), 'console.log(1)');
    await writeFile(path.join(root, 'secret.txt'), 'outside');
    await symlink(path.join(root, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists the regular files only, not a symbolic link to a file outside', async () => {
    expect([...(await listRendererFiles(rendererDir))].sort()).toEqual([
      'assets/boot-1234.js',
      'index.html',
    ]);
  });

  it('serves the page with the CSP header, assets with their types, and refuses the rest', async () => {
    const handle = createAppProtocolHandler(rendererDir, await listRendererFiles(rendererDir));

    const page = await handle(new Request(APP_INDEX_URL));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Deskside</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(
      `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    );
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');

    const script = await handle(new Request('app://deskside/assets/boot-1234.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log(1)');

    for (const url of [
      'app://deskside/%2e%2e/secret.txt',
      'app://deskside/assets/link.txt',
      'app://deskside/nothing.js',
    ]) {
      const refused = await handle(new Request(url));
      expect(refused.status, url).toBe(404);
      expect(await refused.text()).toBe('Not found');
      expect(refused.headers.get('content-security-policy')).not.toBeNull();
    }
    const post = await handle(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});
