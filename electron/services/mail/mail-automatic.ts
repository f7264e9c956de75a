/**
 * The desk's automatic messages: a ticket received, assigned or escalated, waiting on its
 * requester, resolved (asking to confirm), closed (asking one satisfaction question).
 *
 * Where they are made: the console that sends the desk's mail (the one holding the intake
 * lock, intake-lock.ts) reads the ticket timeline from a cursor stored in the database
 * (`mail_automatic_cursor`) and queues one message per event in `mail_outbox`. It is not done
 * in the transaction of the ticket change because only the sending console knows whether the
 * desk sends mail at all and from which address (the SMTP settings are that console's), and
 * because a ticket edit on any analyst's console, an import or a sweep must not depend on
 * mail: every path that changes a ticket writes its timeline entry, and that is all this reads.
 *
 * Exactly once: each event is decided in one transaction that inserts its `mail_automatic`
 * row (primary key: the timeline entry and the event) together with the outbox row, so a
 * second console, or this one after a restart, finds the event decided and queues nothing. The
 * cursor only saves work. On PostgreSQL a timeline row may become visible after a row with a
 * higher id (a transaction that commits late), so the cursor never passes an entry younger
 * than GRACE_MS: young entries are read again until they are older, and the decided ones are
 * skipped. Events older than MAX_AGE_MS when first read (an import, a console that was off
 * for days) are not mailed about, and the cursor starts, the first time, at the end of the
 * timeline: the desk does not mail about its past.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  MailTemplateSchema,
  PreviewMailTemplateInputSchema,
  SAMPLE_TICKET_ID,
  SaveMailTemplateInputSchema,
  MAIL_TEMPLATE_EVENTS,
  defaultTemplate,
  renderTemplate,
  sampleValues,
  statusText,
  validationError,
  type Language,
  type MailTemplate,
  type MailTemplateEvent,
  type RenderedMail,
  type TemplateValues,
} from '@deskside/core';
import type { Db } from '../database/open';
import { loadTicketRow, type WorkflowDeps } from '../tickets/ticket-writer';
import type { TicketRow } from '../tickets/rows';
import { lastMessageId, requesterAddress } from './mail-outbox';

export const GRACE_MS = 5 * 60_000;
export const MAX_AGE_MS = 24 * 60 * 60_000;
const BATCH = 500;
const CURSOR_ID = 'timeline';
/** Who the outbox names as the writer of an automatic message. */
export const AUTOMATIC_ACTOR = 'mail';

const EVENT_KINDS = ['created', 'assignment', 'escalation', 'status', 'resolution', 'verification'];

interface Entry {
  id: number;
  ticketId: number;
  kind: string;
  at: string;
  data: string;
}

/** Who an event's message goes to. */
type Recipient = 'requester' | 'group';

/** The automatic messages a timeline entry calls for. */
export function eventsOf(
  kind: string,
  data: Record<string, unknown>,
): { event: MailTemplateEvent; to: Recipient }[] {
  if (kind === 'created') return [{ event: 'received', to: 'requester' }];
  if (kind === 'assignment') {
    return typeof data.assignee === 'string' && data.assignee !== ''
      ? [{ event: 'assigned', to: 'requester' }]
      : [];
  }
  if (kind === 'escalation') {
    return [
      { event: 'assigned', to: 'requester' },
      { event: 'escalated', to: 'group' },
    ];
  }
  const to = data.to;
  if (to === 'waiting_on_user') return [{ event: 'waiting', to: 'requester' }];
  if (to === 'resolved') return [{ event: 'resolved', to: 'requester' }];
  if (to === 'closed') return [{ event: 'closed', to: 'requester' }];
  return [];
}

const toTemplate = (row: {
  event: string;
  language: string;
  enabled: number;
  subject: string;
  body: string;
  updatedBy: string;
  updatedAt: string;
}): MailTemplate =>
  MailTemplateSchema.parse({ ...row, enabled: row.enabled === 1, isDefault: false });

/** The desk's template of an event in a language: its own, else the built-in default. */
async function templateFor(
  db: Db,
  event: MailTemplateEvent,
  language: Language,
): Promise<MailTemplate> {
  const row = await db
    .selectFrom('mailTemplates')
    .selectAll()
    .where('event', '=', event)
    .where('language', '=', language)
    .executeTakeFirst();
  return row ? toTemplate(row) : defaultTemplate(event, language);
}

const asLanguage = (value: string | null | undefined): Language =>
  (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : DEFAULT_LANGUAGE;

/** A requester as a message names them: the directory's name, else the name they wrote. */
const nameOf = (requester: string) => requester.replace(/\s*<[^>]*>\s*$/, '').trim() || requester;

/** What the placeholders of a ticket's message say. */
async function ticketValues(
  deps: WorkflowDeps,
  db: Db,
  ticket: TicketRow,
  language: Language,
  groupId: string | null,
): Promise<TemplateValues> {
  const person =
    ticket.requesterId === null
      ? undefined
      : await db
          .selectFrom('people')
          .select('name')
          .where('id', '=', ticket.requesterId)
          .executeTakeFirst();
  const config = await deps.config.get(db);
  const group = config.groups.find((g) => g.id === (groupId ?? ticket.groupId));
  return {
    ticket: `#${ticket.id}`,
    summary: ticket.summary,
    requester: person?.name ?? nameOf(ticket.requester),
    status: statusText(ticket.status, language),
    group: group?.name ?? '',
    resolution: ticket.resolutionNotes ?? '',
  };
}

async function requesterLanguage(db: Db, ticket: TicketRow): Promise<Language> {
  if (ticket.requesterId === null) return DEFAULT_LANGUAGE;
  const person = await db
    .selectFrom('people')
    .select('language')
    .where('id', '=', ticket.requesterId)
    .executeTakeFirst();
  return asLanguage(person?.language);
}

/** Addresses a desk never answers: itself, and the mail systems' own senders. */
const loopAddress = (address: string, deskAddress: string) =>
  address.toLowerCase() === deskAddress.toLowerCase() ||
  /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/i.test(address);

/** Whether a ticket came in with an import (its 'created' entry names where from). */
async function imported(db: Db, ticketId: number): Promise<boolean> {
  const created = await db
    .selectFrom('timeline')
    .select('data')
    .where('ticketId', '=', ticketId)
    .where('kind', '=', 'created')
    .executeTakeFirst();
  if (!created) return false;
  const data = JSON.parse(created.data) as Record<string, unknown>;
  return typeof data.importedFrom === 'string';
}

class DecidedBefore extends Error {}

export interface AutomaticOptions {
  /** The desk's From address; its domain names the messages' Message-IDs. */
  from: string;
  /** Who decided, as `mail_automatic.decided_by` records it (the console). */
  consoleName: string;
  logger: Logger;
}

/** Reads the timeline from its cursor and queues what it calls for; returns how many queued. */
export async function queueAutomatic(
  deps: WorkflowDeps,
  options: AutomaticOptions,
): Promise<number> {
  const db = deps.store.db;
  let cursor = await readCursor(deps);
  let queued = 0;
  for (;;) {
    const entries: Entry[] = await db
      .selectFrom('timeline')
      .select(['id', 'ticketId', 'kind', 'at', 'data'])
      .where('id', '>', cursor)
      .where('kind', 'in', EVENT_KINDS)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (entries.length === 0) return queued;
    const decided = new Set(
      (
        await db
          .selectFrom('mailAutomatic')
          .select('eventKey')
          .where(
            'entryId',
            'in',
            entries.map((e) => e.id),
          )
          .execute()
      ).map((row) => row.eventKey),
    );
    const now = deps.now().getTime();
    let next = cursor;
    let young = false;
    for (const entry of entries) {
      const at = Date.parse(entry.at);
      if (now - at < GRACE_MS) young = true;
      if (!young) next = entry.id;
      if (now - at > MAX_AGE_MS) continue;
      const data = JSON.parse(entry.data) as Record<string, unknown>;
      if (typeof data.importedFrom === 'string') continue;
      for (const { event, to } of eventsOf(entry.kind, data)) {
        const key = `${entry.id}:${event}:${to}`;
        if (decided.has(key)) continue;
        try {
          if (await decide(deps, options, entry, data, event, to, key)) queued += 1;
        } catch (error) {
          if (error instanceof DecidedBefore) continue;
          // An event that cannot be made into a message (a broken template row, say) is
          // recorded as failed, so it does not hold up every event after it; when even that
          // cannot be written (the database is away), the turn ends and is tried again.
          options.logger.warn(
            { err: error, ticketId: entry.ticketId, event, to },
            'mail: an automatic message could not be made',
          );
          await recordDecision(deps.store.db, entry, {
            key,
            event,
            outcome: 'failed',
            outboxId: null,
            at: deps.now().toISOString(),
            by: options.consoleName,
          });
        }
      }
    }
    if (next !== cursor) {
      await saveCursor(deps, next);
      cursor = next;
    }
    if (entries.length < BATCH || young) return queued;
  }
}

/** The row saying an event was decided; false when another decision came first. */
async function recordDecision(
  db: Db,
  entry: Entry,
  decision: {
    key: string;
    event: MailTemplateEvent;
    outcome: string;
    outboxId: number | null;
    at: string;
    by: string;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('mailAutomatic')
    .values({
      eventKey: decision.key,
      ticketId: entry.ticketId,
      entryId: entry.id,
      event: decision.event,
      outcome: decision.outcome,
      outboxId: decision.outboxId,
      decidedAt: decision.at,
      decidedBy: decision.by,
    })
    .onConflict((c) => c.column('eventKey').doNothing())
    .returning('eventKey')
    .executeTakeFirst();
  return inserted !== undefined;
}

async function readCursor(deps: WorkflowDeps): Promise<number> {
  const row = await deps.store.db
    .selectFrom('mailAutomaticCursor')
    .select('entryId')
    .where('id', '=', CURSOR_ID)
    .executeTakeFirst();
  if (row) return row.entryId;
  // The first time: from the end of the timeline on.
  const last = await deps.store.db
    .selectFrom('timeline')
    .select(sql<number | string | null>`max(id)`.as('last'))
    .executeTakeFirst();
  const start = Number(last?.last ?? 0);
  await deps.store.db
    .insertInto('mailAutomaticCursor')
    .values({ id: CURSOR_ID, entryId: start, updatedAt: deps.now().toISOString() })
    .onConflict((c) => c.column('id').doNothing())
    .execute();
  const stored = await deps.store.db
    .selectFrom('mailAutomaticCursor')
    .select('entryId')
    .where('id', '=', CURSOR_ID)
    .executeTakeFirstOrThrow();
  return stored.entryId;
}

/** Moves the cursor forward, never back (two consoles may both move it). */
async function saveCursor(deps: WorkflowDeps, entryId: number): Promise<void> {
  await deps.store.db
    .updateTable('mailAutomaticCursor')
    .set({ entryId, updatedAt: deps.now().toISOString() })
    .where('id', '=', CURSOR_ID)
    .where('entryId', '<', entryId)
    .execute();
}

/**
 * One event, in one transaction: its message queued, or why not recorded. Throws
 * DecidedBefore (and rolls back) when another console decided it first.
 */
async function decide(
  deps: WorkflowDeps,
  options: AutomaticOptions,
  entry: Entry,
  data: Record<string, unknown>,
  event: MailTemplateEvent,
  to: Recipient,
  key: string,
): Promise<boolean> {
  const now = deps.now().toISOString();
  return deps.store.write(async (trx, publish) => {
    const ticket = await loadTicketRow(trx, entry.ticketId);
    const groupId = typeof data.groupId === 'string' ? data.groupId : null;
    let address: string | null;
    let language: Language;
    if (to === 'group') {
      const config = await deps.config.get(trx);
      const group = config.groups.find((g) => g.id === (groupId ?? ticket.groupId));
      address = group?.email ? group.email : null;
      language = DEFAULT_LANGUAGE;
    } else {
      address = await requesterAddress(trx, ticket.id);
      language = await requesterLanguage(trx, ticket);
    }
    const template = await templateFor(trx, event, language);
    const outcome = (await imported(trx, ticket.id))
      ? 'imported'
      : !template.enabled
        ? 'disabled'
        : !address
          ? 'no-address'
          : loopAddress(address, options.from)
            ? 'automatic-origin'
            : 'queued';
    let outboxId: number | null = null;
    if (outcome === 'queued' && address) {
      const mail = renderTemplate(
        template,
        ticket.id,
        await ticketValues(deps, trx, ticket, language, groupId),
      );
      outboxId = await insertOutbox(trx, ticket.id, address, mail, event, options.from, now);
    }
    const inserted = await recordDecision(trx, entry, {
      key,
      event,
      outcome,
      outboxId,
      at: now,
      by: options.consoleName,
    });
    if (!inserted) throw new DecidedBefore();
    if (outcome !== 'queued') {
      options.logger.info(
        { ticketId: ticket.id, event, to, outcome },
        'mail: no automatic message for this event',
      );
      return false;
    }
    publish({ type: 'ticket.changed', ticketId: ticket.id, at: now });
    return true;
  });
}

async function insertOutbox(
  trx: Db,
  ticketId: number,
  address: string,
  mail: RenderedMail,
  event: MailTemplateEvent,
  from: string,
  now: string,
): Promise<number> {
  const row = await trx
    .insertInto('mailOutbox')
    .values({
      ticketId,
      messageId: `<${randomUUID()}@${from.split('@')[1] ?? 'localhost'}>`,
      toAddress: address,
      subject: mail.subject,
      body: mail.body,
      // Threaded under the message the ticket came from, where it came by mail.
      inReplyTo: await lastMessageId(trx, ticketId),
      state: 'queued',
      nextAttemptAt: now,
      createdBy: AUTOMATIC_ACTOR,
      createdAt: now,
      automatic: event,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every event's template in every language, the built-in default where the desk has none. */
export async function listTemplates(db: Db): Promise<MailTemplate[]> {
  const rows = await db.selectFrom('mailTemplates').selectAll().execute();
  const own = new Map(rows.map((row) => [`${row.event}:${row.language}`, toTemplate(row)]));
  return MAIL_TEMPLATE_EVENTS.flatMap((event) =>
    LANGUAGES.map(
      (language) => own.get(`${event}:${language}`) ?? defaultTemplate(event, language),
    ),
  );
}

/** Saves a template (checked: known placeholders only); the database says who may. */
export async function saveTemplate(
  deps: WorkflowDeps,
  input: unknown,
  actor: string,
): Promise<MailTemplate> {
  const parsed = SaveMailTemplateInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, 'mail template');
  const { event, language, enabled, subject, body } = parsed.data;
  const now = deps.now().toISOString();
  return deps.store.write(async (trx) => {
    const row = await trx
      .insertInto('mailTemplates')
      .values({
        event,
        language,
        enabled: enabled ? 1 : 0,
        subject,
        body,
        updatedBy: actor,
        updatedAt: now,
      })
      .onConflict((c) =>
        c.columns(['event', 'language']).doUpdateSet({
          enabled: enabled ? 1 : 0,
          subject,
          body,
          updatedBy: actor,
          updatedAt: now,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTemplate(row);
  });
}

/** A template rendered for a ticket (in the language given) or with sample data; nothing saved. */
export async function previewTemplate(deps: WorkflowDeps, input: unknown): Promise<RenderedMail> {
  const parsed = PreviewMailTemplateInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, 'mail template');
  const { language, subject, body, ticketId } = parsed.data;
  if (ticketId === undefined) {
    return renderTemplate({ subject, body }, SAMPLE_TICKET_ID, sampleValues(language));
  }
  const db = deps.store.db;
  const ticket = await loadTicketRow(db, ticketId);
  return renderTemplate(
    { subject, body },
    ticket.id,
    await ticketValues(deps, db, ticket, language, null),
  );
}
