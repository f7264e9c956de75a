import { describe, expect, it } from 'vitest';
import { RateLimiter, addressKey } from './rate-limit';

describe('RateLimiter', () => {
  it('allows a burst of the rate, then says how long to wait', () => {
    const limiter = new RateLimiter(60);
    for (let i = 0; i < 60; i++) expect(limiter.take('a', 0)).toBeNull();
    expect(limiter.take('a', 0)).toBe(1);
    // Another key has its own bucket.
    expect(limiter.take('b', 0)).toBeNull();
  });

  it('refills at the rate', () => {
    const limiter = new RateLimiter(6); // one request every 10 s
    for (let i = 0; i < 6; i++) limiter.take('a', 0);
    expect(limiter.take('a', 0)).toBe(10);
    expect(limiter.take('a', 4_000)).toBe(6);
    expect(limiter.take('a', 10_000)).toBeNull();
    expect(limiter.take('a', 10_000)).toBe(10);
  });

  it('remembers a bounded number of keys, forgetting the least recently seen', () => {
    const limiter = new RateLimiter(1, 3);
    for (const key of ['a', 'b', 'c']) expect(limiter.take(key, 0)).toBeNull();
    expect(limiter.take('a', 0)).not.toBeNull(); // 'a' is now the most recent
    limiter.take('d', 0); // forgets 'b'
    expect(limiter.size).toBe(3);
    expect(limiter.take('b', 0)).toBeNull();
    expect(limiter.take('a', 0)).toBe(60);
  });
});

describe('addressKey', () => {
  it('limits an IPv4 address as itself, also when it arrives IPv4-mapped', () => {
    expect(addressKey('10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
  });

  it('limits IPv6 addresses by their /64', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb::9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('keeps anything else as it is', () => {
    expect(addressKey('')).toBe('');
  });
});
