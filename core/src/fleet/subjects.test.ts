import { describe, expect, it } from 'vitest';
import {
  agentPermissions,
  checkQueueConsumer,
  consolePermissions,
  FLEET_BUCKETS,
  FLEET_CHECK_STREAMS,
  FLEET_HELP_QUEUE,
  FLEET_STREAMS,
  fleetInboxPrefix,
  helpQueueConsumer,
  fleetKvKey,
  fleetSubjects,
} from './subjects';

/** NATS subject matching: `*` one token, `>` the rest (one token or more). */
function matches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length || (p[i] !== '*' && p[i] !== s[i])) return false;
  }
  return p.length === s.length;
}
const allowed = (patterns: string[], subject: string) =>
  patterns.some((pattern) => matches(pattern, subject));

describe('fleet subjects', () => {
  it('names an agent request, its announcements and its keys by the agent id', () => {
    expect(fleetSubjects.agentRequest('pc-42', 'check')).toBe('deskside.agent.pc-42.req.check');
    expect(fleetSubjects.agentRequests('pc-42')).toBe('deskside.agent.pc-42.req.>');
    expect(fleetSubjects.heartbeat('pc-42')).toBe('deskside.agent.pc-42.heartbeat');
    expect(fleetSubjects.kvKey(FLEET_BUCKETS.presence, 'pc-42')).toBe(
      '$KV.deskside-presence.pc-42',
    );
    expect(fleetSubjects.kvKey(FLEET_BUCKETS.inventory, 'pc-42', 'system')).toBe(
      '$KV.deskside-inventory.pc-42.system',
    );
    expect(fleetKvKey('pc-42', 'disks')).toBe('pc-42.disks');
    expect(fleetInboxPrefix('console', 'c1')).toBe('_INBOX.console.c1');
  });

  it.each(['pc.42', 'pc-*', '>', '', 'pc 42', 'a'.repeat(65)])(
    'refuses %j as an id, so no id reaches another agent’s subjects',
    (id) => {
      expect(() => fleetSubjects.heartbeat(id)).toThrow(/letters, digits/);
      expect(() => agentPermissions(id)).toThrow(/letters, digits/);
    },
  );

  it('refuses a request kind holding wildcards', () => {
    expect(() => fleetSubjects.agentRequest('pc-42', 'check.>')).toThrow(/plain subject name/);
  });
});

describe('agent permissions', () => {
  const own = agentPermissions('pc-1');

  it('lets an agent receive its own and fleet-wide requests, and read its own inbox only', () => {
    expect(allowed(own.sub.allow, 'deskside.agent.pc-1.req.check')).toBe(true);
    expect(allowed(own.sub.allow, 'deskside.fleet.req.ping')).toBe(true);
    expect(allowed(own.sub.allow, '_INBOX.agent.pc-1.abc')).toBe(true);
    expect(allowed(own.sub.allow, 'deskside.agent.pc-2.req.check')).toBe(false);
    expect(allowed(own.sub.allow, '_INBOX.agent.pc-2.abc')).toBe(false);
    expect(allowed(own.sub.allow, '_INBOX.console.c1.abc')).toBe(false);
    expect(allowed(own.sub.allow, 'deskside.agent.pc-2.help')).toBe(false);
  });

  it('lets an agent publish its own announcements and keys, nothing of another agent', () => {
    for (const subject of [
      'deskside.agent.pc-1.heartbeat',
      'deskside.agent.pc-1.inventory',
      'deskside.agent.pc-1.help',
      '$KV.deskside-presence.pc-1',
      '$KV.deskside-inventory.pc-1.system',
    ]) {
      expect(allowed(own.pub.allow, subject), subject).toBe(true);
    }
    for (const subject of [
      'deskside.agent.pc-2.heartbeat',
      'deskside.agent.pc-2.req.check',
      'deskside.fleet.req.ping',
      '$KV.deskside-presence.pc-2',
      '$KV.deskside-presence.pc-10',
      '$KV.deskside-inventory.pc-2.system',
      '$JS.API.DIRECT.GET.KV_deskside-presence.$KV.deskside-presence.pc-2',
      '$JS.API.STREAM.DELETE.KV_deskside-presence',
    ]) {
      expect(allowed(own.pub.allow, subject), subject).toBe(false);
    }
  });

  it('allows one reply per request received, within two minutes', () => {
    expect(own.resp).toEqual({ max: 1, ttl: 120_000_000_000 });
  });
});

describe('console permissions by role', () => {
  const analyst = consolePermissions('analyst', 'c1');
  const lead = consolePermissions('lead', 'c2');
  const admin = consolePermissions('admin', 'c3');

  it('lets every role ask one agent and read presence and inventory', () => {
    for (const permissions of [analyst, lead, admin]) {
      expect(allowed(permissions.pub.allow, 'deskside.agent.pc-1.req.check')).toBe(true);
      expect(
        allowed(
          permissions.pub.allow,
          '$JS.API.DIRECT.GET.KV_deskside-presence.$KV.deskside-presence.pc-1',
        ),
      ).toBe(true);
      expect(allowed(permissions.sub.allow, 'deskside.agent.pc-1.help')).toBe(true);
      for (const subject of [
        '$JS.API.CONSUMER.INFO.KV_deskside-presence.oc_1',
        '$JS.API.CONSUMER.MSG.NEXT.DESKSIDE_HELP.desk',
        '$JS.ACK.DESKSIDE_HELP.desk.1.2.3.4.5',
      ]) {
        expect(allowed(permissions.pub.allow, subject), subject).toBe(true);
      }
    }
  });

  it('keeps each console to its own inbox', () => {
    expect(allowed(analyst.sub.allow, '_INBOX.console.c1.x')).toBe(true);
    expect(allowed(analyst.sub.allow, '_INBOX.console.c2.x')).toBe(false);
    expect(allowed(analyst.sub.allow, '_INBOX.agent.pc-1.x')).toBe(false);
    expect(allowed(analyst.sub.allow, 'deskside.agent.pc-1.req.check')).toBe(false);
  });

  it('lets only leads and administrators ask every agent at once', () => {
    expect(allowed(analyst.pub.allow, 'deskside.fleet.req.ping')).toBe(false);
    expect(allowed(lead.pub.allow, 'deskside.fleet.req.ping')).toBe(true);
    expect(allowed(admin.pub.allow, 'deskside.fleet.req.ping')).toBe(true);
  });

  it('lets only administrators manage buckets and streams or write keys', () => {
    for (const subject of [
      '$JS.API.STREAM.CREATE.KV_deskside-presence',
      '$JS.API.STREAM.PURGE.DESKSIDE_HELP',
      '$KV.deskside-presence.pc-1',
    ]) {
      expect(allowed(analyst.pub.allow, subject), subject).toBe(false);
      expect(allowed(lead.pub.allow, subject), subject).toBe(false);
      expect(allowed(admin.pub.allow, subject), subject).toBe(true);
    }
  });

  it('lets an agent read only its own queue of checks, and consoles queue and collect them', () => {
    const agent = agentPermissions('pc-1');
    const queue = FLEET_CHECK_STREAMS.queue.name;
    expect(allowed(agent.pub.allow, `$JS.API.CONSUMER.MSG.NEXT.${queue}.checks-pc-1`)).toBe(true);
    expect(allowed(agent.pub.allow, `$JS.ACK.${queue}.checks-pc-1.1.2.3.4.5`)).toBe(true);
    for (const subject of [
      `$JS.API.CONSUMER.MSG.NEXT.${queue}.checks-pc-2`,
      `$JS.ACK.${queue}.checks-pc-2.1.2.3.4.5`,
      `$JS.API.CONSUMER.CREATE.${queue}.mine.deskside.queue.pc-2.check`,
      `$JS.API.CONSUMER.CREATE.${queue}`,
      'deskside.queue.pc-1.check',
      fleetSubjects.checkResult('pc-2'),
    ]) {
      expect(allowed(agent.pub.allow, subject), subject).toBe(false);
    }
    expect(allowed(agent.pub.allow, fleetSubjects.checkResult('pc-1'))).toBe(true);
    expect(allowed(agent.pub.allow, fleetSubjects.checkProgress('pc-1'))).toBe(true);
    expect(checkQueueConsumer('pc-1')).toBe('checks-pc-1');
    for (const permissions of [analyst, lead, admin]) {
      expect(allowed(permissions.pub.allow, fleetSubjects.queuedCheck('pc-1'))).toBe(true);
      expect(allowed(permissions.sub.allow, fleetSubjects.checkProgress('pc-1'))).toBe(true);
      expect(
        allowed(
          permissions.pub.allow,
          `$JS.API.CONSUMER.MSG.NEXT.${FLEET_CHECK_STREAMS.results.name}.results-c1`,
        ),
      ).toBe(true);
    }
  });

  it('lets an agent ask for help on its own subject and read only its own help queue', () => {
    const agent = agentPermissions('pc-1');
    const queue = FLEET_HELP_QUEUE.name;
    expect(helpQueueConsumer('pc-1')).toBe('help-pc-1');
    expect(fleetSubjects.helpQueue('pc-1')).toBe('deskside.queue.pc-1.help');
    for (const subject of [
      fleetSubjects.help('pc-1'),
      `$JS.API.CONSUMER.INFO.${queue}.help-pc-1`,
      `$JS.API.CONSUMER.MSG.NEXT.${queue}.help-pc-1`,
      `$JS.ACK.${queue}.help-pc-1.1.2.3.4.5`,
    ]) {
      expect(allowed(agent.pub.allow, subject), subject).toBe(true);
    }
    for (const subject of [
      fleetSubjects.help('pc-2'),
      fleetSubjects.helpQueue('pc-1'),
      fleetSubjects.helpQueue('pc-2'),
      `$JS.API.CONSUMER.MSG.NEXT.${queue}.help-pc-2`,
      `$JS.ACK.${queue}.help-pc-2.1.2.3.4.5`,
      `$JS.API.CONSUMER.CREATE.${queue}.help-pc-1`,
      `$JS.API.CONSUMER.MSG.NEXT.${FLEET_STREAMS.help.name}.help-desk`,
    ]) {
      expect(allowed(agent.pub.allow, subject), subject).toBe(false);
    }
    expect(allowed(agent.sub.allow, fleetSubjects.helpQueue('pc-1'))).toBe(false);
  });

  it('lets every console take help requests and answer any agent through its queue', () => {
    for (const permissions of [analyst, lead, admin]) {
      for (const subject of [
        fleetSubjects.helpQueue('pc-1'),
        `$JS.API.CONSUMER.CREATE.${FLEET_HELP_QUEUE.name}.help-pc-1`,
        `$JS.API.CONSUMER.CREATE.${FLEET_STREAMS.help.name}.help-desk`,
        `$JS.API.CONSUMER.MSG.NEXT.${FLEET_STREAMS.help.name}.help-desk`,
        `$JS.ACK.${FLEET_STREAMS.help.name}.help-desk.1.2.3.4.5`,
      ]) {
        expect(allowed(permissions.pub.allow, subject), subject).toBe(true);
      }
      expect(allowed(permissions.pub.allow, fleetSubjects.help('pc-1'))).toBe(false);
    }
  });

  it('keeps every console identity within the server’s control line', () => {
    for (const permissions of [analyst, lead, admin]) {
      expect(JSON.stringify(permissions).length).toBeLessThan(2_200);
    }
  });

  it('refuses a role it does not know', () => {
    expect(() => consolePermissions('owner' as 'admin', 'c1')).toThrow();
  });
});
