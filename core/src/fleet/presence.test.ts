import { describe, expect, it } from 'vitest';
import heartbeat from '#test/fixtures/fleet-presence.json';
import {
  FleetInventoryDigestSchema,
  FleetLinkSettingsSchema,
  FleetPresenceSchema,
} from './presence';

describe('FleetPresenceSchema', () => {
  it('reads a heartbeat as an agent sends it', () => {
    expect(FleetPresenceSchema.parse(JSON.parse(JSON.stringify(heartbeat)))).toEqual(heartbeat);
  });

  it('refuses unknown fields, missing fields, bad times and absurd intervals', () => {
    expect(FleetPresenceSchema.safeParse({ ...heartbeat, online: true }).success).toBe(false);
    expect(FleetPresenceSchema.safeParse({ ...heartbeat, hostName: undefined }).success).toBe(
      false,
    );
    expect(FleetPresenceSchema.safeParse({ ...heartbeat, sentAt: 'yesterday' }).success).toBe(
      false,
    );
    expect(FleetPresenceSchema.safeParse({ ...heartbeat, intervalSeconds: 0 }).success).toBe(false);
    expect(FleetPresenceSchema.safeParse({ ...heartbeat, intervalSeconds: 1.5 }).success).toBe(
      false,
    );
    expect(FleetPresenceSchema.safeParse({ ...heartbeat, hostName: 'x'.repeat(256) }).success).toBe(
      false,
    );
  });
});

describe('FleetInventoryDigestSchema', () => {
  const digest = {
    sha256: 'a'.repeat(64),
    bytes: 120_000,
    gzipBytes: 18_000,
    published: true,
    sentAt: '2026-12-02T08:00:15.000Z',
  };
  it('reads a digest and refuses a hash that is not lowercase SHA-256 hex', () => {
    expect(FleetInventoryDigestSchema.parse(digest)).toEqual(digest);
    expect(
      FleetInventoryDigestSchema.safeParse({ ...digest, sha256: 'A'.repeat(64) }).success,
    ).toBe(false);
    expect(
      FleetInventoryDigestSchema.safeParse({ ...digest, sha256: 'a'.repeat(63) }).success,
    ).toBe(false);
    expect(FleetInventoryDigestSchema.safeParse({ ...digest, bytes: -1 }).success).toBe(false);
  });
});

describe('FleetLinkSettingsSchema', () => {
  it('takes NATS server URLs and a credentials file', () => {
    const settings = {
      servers: ['nats://nats.example.org:4222', 'tls://10.0.0.5:4222'],
      credentialsFile: '/etc/deskside/console.creds',
    };
    expect(FleetLinkSettingsSchema.parse(settings)).toEqual(settings);
  });

  it('refuses other URLs, no servers and no file', () => {
    const file = '/c.creds';
    for (const servers of [[], ['https://nats.example.org'], ['nats://a b'], ['nats://x/y']]) {
      expect(FleetLinkSettingsSchema.safeParse({ servers, credentialsFile: file }).success).toBe(
        false,
      );
    }
    expect(
      FleetLinkSettingsSchema.safeParse({ servers: ['nats://h:4222'], credentialsFile: '' })
        .success,
    ).toBe(false);
  });
});
