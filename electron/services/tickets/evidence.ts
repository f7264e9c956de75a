import { createHash, randomUUID } from 'node:crypto';
import {
  canonicalJson,
  DesksideError,
  type CheckRun,
  type CheckRunContent,
  type EvidenceKind,
  type InventoryComparisonResult,
  type Machine,
  type TransportKind,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { EvidenceTable } from '../database/schema';
import { appendEntries } from './timeline';
import { noteOnTicket, type WorkflowDeps } from './ticket-writer';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What a machine reported, about to become evidence on a ticket. */
export interface EvidenceDraft {
  kind: EvidenceKind;
  machineId: string;
  machineName: string;
  transport: TransportKind;
  takenAt: string;
  content: unknown;
}

/**
 * Stores a machine's report as evidence on a ticket, in the caller's transaction: the
 * canonical JSON and its SHA-256, never changed afterwards (the database refuses), and an
 * `evidence` entry on the timeline naming it.
 */
export async function insertEvidence(
  deps: WorkflowDeps,
  trx: Db,
  ticketId: number,
  draft: EvidenceDraft,
  actor: string,
  now: string,
): Promise<EvidenceTable> {
  const ticket = await trx
    .selectFrom('tickets')
    .select('id')
    .where('id', '=', ticketId)
    .executeTakeFirst();
  if (!ticket) throw new DesksideError('not_found', `Ticket ${ticketId} does not exist`);
  const content = canonicalJson(draft.content);
  const row: EvidenceTable = {
    id: randomUUID(),
    ticketId,
    kind: draft.kind,
    machineId: draft.machineId,
    machineName: draft.machineName,
    transport: draft.transport,
    takenBy: actor,
    takenAt: draft.takenAt,
    sha256: sha256Hex(content),
    content,
  };
  await trx.insertInto('evidence').values(row).execute();
  await noteOnTicket(deps, trx, ticketId, { now });
  await appendEntries(trx, deps.store.dialect, ticketId, actor, now, [
    {
      kind: 'evidence',
      data: {
        evidenceId: row.id,
        evidenceKind: row.kind,
        machineName: row.machineName,
        sha256: row.sha256,
      },
    },
  ]);
  return row;
}

/**
 * A run of checks as evidence: what was asked (checks and parameters) and what each check
 * answered. A run that could not finish has nothing to attach; a cancelled one attaches what
 * had ended.
 */
export function checkRunEvidence(run: CheckRun): EvidenceDraft {
  const results = run.checks.flatMap((check) => (check.result ? [check.result] : []));
  if (run.state === 'failed' || run.state === 'running' || results.length === 0) {
    throw new DesksideError(
      'conflict',
      'These checks have no results to attach; run them again and attach once they have ended',
    );
  }
  const content: CheckRunContent = {
    state: run.state,
    checks: run.checks.map(({ checkId, params }) => ({ checkId, params })),
    results,
  };
  return {
    kind: 'checks',
    machineId: run.machineId,
    machineName: run.machineName,
    transport: run.transport,
    takenAt: run.startedAt,
    content,
  };
}

/**
 * What changed on a machine between two of its kept inventories as evidence: both summaries
 * and the diff; taken when the later inventory was kept.
 */
export function inventoryDiffEvidence(
  machine: Pick<Machine, 'id' | 'name' | 'transport'>,
  comparison: InventoryComparisonResult,
): EvidenceDraft {
  return {
    kind: 'inventory-diff',
    machineId: machine.id,
    machineName: machine.name,
    transport: machine.transport,
    takenAt: comparison.to.takenAt,
    content: comparison,
  };
}
