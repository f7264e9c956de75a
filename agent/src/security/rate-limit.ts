import ipaddr from 'ipaddr.js';
import type { RequestHooks } from '../server/context';
import { AgentError } from '../server/errors';

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * A token bucket per key: `perMinute` requests a minute, in bursts of up to `perMinute`.
 * It remembers at most `maxKeys` keys, forgetting the least recently seen (whose bucket has
 * usually refilled anyway), so a caller spraying source addresses cannot grow it without end.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly maxKeys = 10_000,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Counts one request for `key`: null when it may go ahead, else the seconds to wait. */
  take(key: string, nowMs: number): number | null {
    const known = this.buckets.get(key);
    const bucket: Bucket = known
      ? {
          tokens: Math.min(
            this.perMinute,
            known.tokens + Math.max(0, nowMs - known.updatedMs) * this.perMs,
          ),
          updatedMs: nowMs,
        }
      : { tokens: this.perMinute, updatedMs: nowMs };
    // Re-inserting keeps the map in least-recently-seen order.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  get size(): number {
    return this.buckets.size;
  }
}

/**
 * The key an address is limited by: an IPv4 address itself (also when it arrives
 * IPv4-mapped), an IPv6 address by its /64, since one host usually holds a whole /64.
 */
export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((part) => part.toString(16)).join(':')}::/64`;
}

function tooMany(seconds: number, who: string): AgentError {
  return new AgentError(
    'too_many_requests',
    `Too many requests from ${who}; try again in ${seconds} s`,
    { 'retry-after': String(seconds) },
  );
}

/** Refuses requests beyond the rate per address (before authentication) and per console. */
export function rateLimitHooks(
  limits: { ratePerAddress: number; ratePerConsole: number },
  nowMs: () => number = Date.now,
): RequestHooks {
  const byAddress = new RateLimiter(limits.ratePerAddress);
  const byConsole = new RateLimiter(limits.ratePerConsole);
  return {
    onRequest(ctx) {
      const wait = byAddress.take(addressKey(ctx.remoteAddress), nowMs());
      if (wait !== null) throw tooMany(wait, 'this address');
    },
    onAuthenticated(ctx) {
      if (!ctx.caller) return;
      const wait = byConsole.take(ctx.caller.consoleId, nowMs());
      if (wait !== null) throw tooMany(wait, 'this console');
    },
  };
}
