import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The renderer's Content Security Policy, in one place. It reaches the page three ways,
 * all held to this string: the meta tag in renderer/index.html (the build fails if that tag
 * says anything else, see `cspOfHtml`), the header of every response of the app:// scheme
 * in Electron (electron/main/app-protocol.ts), and the header of the browser-mode host. The
 * headers add what only a header can (`frame-ancestors`).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>\s*/i;

/** The policy a page's CSP meta tag states (`undefined` without one). */
export function cspOfHtml(html: string): string | undefined {
  return CSP_META.exec(html)?.[1];
}

/** The page without its CSP meta tag: only for Vite's dev server, whose hot reload runs inline code. */
export function withoutCspMeta(html: string): string {
  return html.replace(CSP_META, '');
}

const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY_HEADER,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Guards the loopback host against other local programs and web pages: the Host header
 * must name this host (DNS rebinding), a cross-site Origin is refused (CSRF), and every
 * API call carries the session token printed at start-up.
 */
export class RequestGuard {
  private readonly hosts: Set<string>;
  private readonly origins: Set<string>;
  private readonly tokenDigest: Buffer;

  constructor(port: number, sessionToken: string) {
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.origins = new Set([...this.hosts].map((host) => `http://${host}`));
    this.tokenDigest = digest(sessionToken);
  }

  hostAllowed(req: IncomingMessage): boolean {
    return this.hosts.has((req.headers.host ?? '').toLowerCase());
  }

  /** Same-origin requests may omit Origin (GET); anything that sends one must be ours. */
  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return origin === undefined || this.origins.has(origin.toLowerCase());
  }

  tokenValid(req: IncomingMessage): boolean {
    const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(req.headers.authorization ?? '');
    return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), this.tokenDigest);
  }
}
