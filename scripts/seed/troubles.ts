/**
 * Problems that go with equipment, so that reports grouping tickets by machine find
 * something: the printer problem is more frequent on one model, VPN drops on the VPN
 * client's troublesome release, and on one floor of each language's first office the DNS
 * server times out, which the checks attached to its network tickets show.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type CheckRunContent } from '@deskside/core';
import type { EvidenceTable } from '../../electron/services/database/schema';
import type { LanguageCorpus, Scenario } from './corpus/index';
import { PRINTER_TROUBLE_MODEL, VPN_TROUBLE_VERSION } from './fleet-catalog';
import type { Random } from './random';

/** How much likelier a ticket from a troubled machine is about its trouble. */
const TROUBLE_SHARE = 0.3;
/** The location (index in each corpus' list) whose DNS server does not answer. */
export const DNS_TROUBLE_LOCATION = 0;
const DNS_SERVERS = ['10.20.0.10', '10.20.0.11'];
const INTRANET = 'intranet.corp.example.org';

export interface RequesterMachine {
  id: string;
  name: string;
  model: string;
  vpnVersion: string | null;
  locationIndex: number;
}

const byCategory = (corpus: LanguageCorpus, category: string) =>
  corpus.scenarios.find((s) => s.category === category);

export function pickScenario(
  rnd: Random,
  corpus: LanguageCorpus,
  machine: RequesterMachine,
): Scenario {
  const troubles = [
    machine.model === PRINTER_TROUBLE_MODEL ? 'printer/print-quality' : null,
    machine.vpnVersion?.startsWith(VPN_TROUBLE_VERSION) ? 'network/vpn' : null,
  ];
  for (const category of troubles) {
    if (category === null || rnd.next() >= TROUBLE_SHARE) continue;
    const scenario = byCategory(corpus, category);
    if (scenario) return scenario;
  }
  return rnd.pick(corpus.scenarios);
}

/**
 * A run of `dns.resolve` attached to a network ticket: timing out on the troubled floor
 * (half of its network tickets), answering elsewhere (one in ten); null for the rest.
 */
export function dnsCheckEvidence(
  rnd: Random,
  ticket: { id: number; category: string; author: string },
  machine: RequesterMachine,
  at: string,
): EvidenceTable | null {
  if (!ticket.category.startsWith('network/')) return null;
  const troubled = machine.locationIndex === DNS_TROUBLE_LOCATION;
  if (rnd.next() >= (troubled ? 0.5 : 0.1)) return null;
  const question = { name: INTRANET, type: 'A' as const, servers: DNS_SERVERS };
  const content: CheckRunContent = {
    state: 'done',
    checks: [
      { checkId: 'dns.resolve', params: { name: INTRANET, type: 'A', port: 53, waitMs: 3000 } },
    ],
    results: [
      troubled
        ? {
            checkId: 'dns.resolve',
            status: 'fail',
            code: 'dns.resolve.timeout',
            facts: { ...question, errorCode: 'ETIMEOUT' },
            startedAt: at,
            durationMs: 3000 + rnd.int(1, 40),
          }
        : {
            checkId: 'dns.resolve',
            status: 'pass',
            code: 'dns.resolve.ok',
            facts: { ...question, answers: ['10.20.8.15'], ms: rnd.int(2, 30) },
            startedAt: at,
            durationMs: rnd.int(3, 35),
          },
    ],
  };
  const json = canonicalJson(content);
  return {
    id: rnd.uuid(),
    ticketId: ticket.id,
    kind: 'checks',
    machineId: machine.id,
    machineName: machine.name,
    transport: 'agent-https',
    takenBy: ticket.author,
    takenAt: at,
    sha256: createHash('sha256').update(json).digest('hex'),
    content: json,
  };
}
