import { createHash, randomUUID } from 'node:crypto';
import {
  canonicalJson,
  DesksideError,
  MailAttachmentContentSchema,
  type MailAttachmentContent,
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
  await storeEvidence(deps, trx, row, now, { machineName: row.machineName, sha256: row.sha256 });
  return row;
}

/** Writes an evidence row and its timeline entry (naming it, with `facts`), touching the ticket. */
async function storeEvidence(
  deps: WorkflowDeps,
  trx: Db,
  row: EvidenceTable,
  now: string,
  facts: Record<string, unknown>,
): Promise<void> {
  await trx.insertInto('evidence').values(row).execute();
  await noteOnTicket(deps, trx, row.ticketId, { now });
  await appendEntries(trx, deps.store.dialect, row.ticketId, row.takenBy, now, [
    { kind: 'evidence', data: { evidenceId: row.id, evidenceKind: row.kind, ...facts } },
  ]);
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

/**
 * A file that came with an e-mail as evidence on a ticket, in the caller's transaction: its
 * name, type, size, the SHA-256 of its bytes and (within the size cap) the bytes, stored
 * like every evidence (canonical JSON, its own SHA-256, never changed), with its timeline entry.
 */
export async function insertMailAttachment(
  deps: WorkflowDeps,
  trx: Db,
  ticketId: number,
  content: MailAttachmentContent,
  actor: string,
  receivedAt: string,
  now: string,
): Promise<EvidenceTable> {
  const json = canonicalJson(MailAttachmentContentSchema.parse(content));
  const row: EvidenceTable = {
    id: randomUUID(),
    ticketId,
    kind: 'mail-attachment',
    // No machine reported it: the columns name the sender and the way it came.
    machineId: '',
    machineName: content.from,
    transport: 'email',
    takenBy: actor,
    takenAt: receivedAt,
    sha256: sha256Hex(json),
    content: json,
  };
  await storeEvidence(deps, trx, row, now, {
    machineName: content.fileName,
    fileName: content.fileName,
    sha256: content.sha256,
  });
  return row;
}
