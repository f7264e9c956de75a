import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheControlOf, contentTypeOf } from '../web/content-types';
import { SECURITY_HEADERS } from '../web/security';

/**
 * The console's page is served from a privileged custom scheme rather than file://: a
 * page on file:// may read any file the user can, while this origin reaches only the
 * built renderer's own files.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'deskside';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * What the scheme may do: a standard scheme (relative URLs, its own origin and storage), a
 * secure context, fetch(). Not `corsEnabled`, which would let other origins read its files,
 * nor `bypassCSP`.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const;

/** Whether `url` is on app://deskside exactly: no other host, no port, no credentials. */
export function onAppOrigin(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

export type AppResolution =
  { status: 200; file: string; contentType: string } | { status: 404 | 405 };

/**
 * Every file of the built renderer, as paths relative to `root` with `/` separators. Read
 * once at start-up: the protocol serves these files and no other, whatever a request says.
 */
export async function listRendererFiles(root: string): Promise<ReadonlySet<string>> {
  const files = new Set<string>();
  // A plain walk rather than readdir's `recursive`, which Electron's asar reader may lack.
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) files.add(child);
    }
  };
  await walk('');
  return files;
}

/**
 * Maps a request on the app scheme to one of the renderer's files. Pure: `files` is the
 * list `listRendererFiles` read. Another host, a path that does not decode, a NUL, a `..`
 * or `.` segment, a backslash or a file not in the list is a 404; a method other than GET
 * or HEAD is a 405.
 */
export function resolveAppRequest(
  requestUrl: string,
  method: string,
  files: ReadonlySet<string>,
): AppResolution {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405 };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 404 };
  }
  if (!onAppOrigin(url)) return { status: 404 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { status: 404 };
  }
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const segments = relative.split('/');
  if (
    relative.includes('\0') ||
    relative.includes('\\') ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..') ||
    !files.has(relative)
  ) {
    return { status: 404 };
  }
  return { status: 200, file: relative, contentType: contentTypeOf(relative) };
}

/** The page's headers: the same Content Security Policy and hardening as browser mode. */
function headers(contentType: string, file: string | null): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    'content-type': contentType,
    'cache-control': file === null ? 'no-store' : cacheControlOf(file),
  };
}

const STATUS_TEXT = { 404: 'Not found', 405: 'Method not allowed' } as const;

/**
 * The app scheme's handler for `protocol.handle`: the renderer's files under `root`, with
 * their media types and the security headers; anything else is refused.
 */
export function createAppProtocolHandler(
  root: string,
  files: ReadonlySet<string>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const resolved = resolveAppRequest(request.url, request.method, files);
    if (resolved.status !== 200) {
      return new Response(STATUS_TEXT[resolved.status], {
        status: resolved.status,
        headers: headers('text/plain; charset=utf-8', null),
      });
    }
    const body = request.method === 'HEAD' ? null : await readFile(path.join(root, resolved.file));
    return new Response(body, {
      status: 200,
      headers: headers(resolved.contentType, resolved.file),
    });
  };
}
