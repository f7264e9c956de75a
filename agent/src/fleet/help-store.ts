/**
 * The employee's requests for help and their conversations with the desk, kept in the
 * agent's data folder (`help/state.json`, written beside and renamed over) so nothing is lost
 * while the agent is away from the desk's NATS server or restarts: what is still to be sent
 * waits in `pending`, in order. `request-help` run while the agent serves drops its request
 * into `help/outbox/` (one file each), which the serving agent takes in.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AgentHelpMessageSchema,
  DeskHelpMessageSchema,
  HelpFormSchema,
  type AgentHelpMessage,
  type DeskHelpMessage,
  type HelpForm,
} from '@deskside/core';
import { z } from 'zod';

export const HELP_LANGUAGES = ['en', 'nl', 'fr', 'el'] as const;
export type HelpLanguage = (typeof HELP_LANGUAGES)[number];

/** One line of a conversation, as the help page and `help-messages` show it. */
const ConversationItemSchema = z.object({
  id: z.string(),
  from: z.enum(['employee', 'desk']),
  kind: z.enum(['request', 'reply', 'works', 'feedback', 'ticket', 'message']),
  at: z.string(),
  body: z.string().default(''),
  author: z.string().optional(),
  rating: z.number().optional(),
  ticketId: z.number().optional(),
});
export type ConversationItem = z.infer<typeof ConversationItemSchema>;

const HelpRequestRecordSchema = z.object({
  requestId: z.uuid(),
  createdAt: z.string(),
  form: HelpFormSchema,
  language: z.enum(HELP_LANGUAGES),
  ticketId: z.number().nullable(),
  conversation: z.array(ConversationItemSchema),
});
export type HelpRequestRecord = z.infer<typeof HelpRequestRecordSchema>;

const HelpStateSchema = z.object({
  requests: z.array(HelpRequestRecordSchema).default([]),
  /** Messages for the desk not yet stored by its server, oldest first. */
  pending: z.array(AgentHelpMessageSchema).default([]),
  /** Ids of the desk's messages already taken (a redelivery is not shown twice). */
  seen: z.array(z.string()).default([]),
});
export type HelpState = z.infer<typeof HelpStateSchema>;

/** What `request-help` leaves for the serving agent. */
export const OutboxRequestSchema = z.strictObject({
  form: HelpFormSchema,
  language: z.enum(HELP_LANGUAGES).default('en'),
});

const MAX_SEEN = 4_096;

export const helpFolder = (dataDir: string) => path.join(dataDir, 'help');
export const helpStateFile = (dataDir: string) => path.join(helpFolder(dataDir), 'state.json');
export const helpOutbox = (dataDir: string) => path.join(helpFolder(dataDir), 'outbox');

/** Reads the kept state; an absent file is an empty one. */
export async function readHelpState(dataDir: string): Promise<HelpState> {
  try {
    return HelpStateSchema.parse(JSON.parse(await readFile(helpStateFile(dataDir), 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return HelpStateSchema.parse({});
    throw error;
  }
}

/** Leaves a request in the outbox for the serving agent (`request-help`). */
export async function dropInOutbox(
  dataDir: string,
  input: { form: Record<string, string>; language?: string },
): Promise<string> {
  const request = OutboxRequestSchema.parse(input);
  const folder = helpOutbox(dataDir);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const name = `${randomUUID()}.json`;
  const temporary = path.join(folder, `.${name}.tmp`);
  await writeFile(temporary, JSON.stringify(request), { mode: 0o600 });
  const file = path.join(folder, name);
  await rename(temporary, file);
  return file;
}

/** The state in memory, written through on every change (one change at a time). */
export class HelpStore {
  private state: HelpState = HelpStateSchema.parse({});
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  async load(): Promise<void> {
    this.state = await readHelpState(this.dataDir);
  }

  requests(): HelpRequestRecord[] {
    return this.state.requests;
  }

  request(requestId: string): HelpRequestRecord | undefined {
    return this.state.requests.find((request) => request.requestId === requestId);
  }

  pending(): AgentHelpMessage[] {
    return this.state.pending;
  }

  /** A counter of changes, so the page knows when to show the conversation again. */
  version(): number {
    return this.state.requests.reduce((n, request) => n + request.conversation.length + 1, 0);
  }

  /** Records a new request and queues its message for the desk. */
  async addRequest(
    message: AgentHelpMessage & { type: 'request' },
    form: HelpForm,
    language: HelpLanguage,
  ): Promise<void> {
    this.state.requests.push({
      requestId: message.requestId,
      createdAt: message.sentAt,
      form,
      language,
      ticketId: null,
      conversation: [
        {
          id: message.requestId,
          from: 'employee',
          kind: 'request',
          at: message.sentAt,
          body: form.description || form.summary,
        },
      ],
    });
    this.state.pending.push(message);
    await this.save();
  }

  /** Records the employee's answer, "it works now" or feedback and queues it. */
  async addFollowUp(message: Exclude<AgentHelpMessage, { type: 'request' }>): Promise<void> {
    const request = this.request(message.requestId);
    if (!request) throw new Error(`No request for help ${message.requestId}`);
    request.conversation.push({
      id: message.messageId,
      from: 'employee',
      kind: message.type,
      at: message.sentAt,
      body:
        message.type === 'reply'
          ? message.body
          : message.type === 'feedback'
            ? message.comment
            : '',
      ...(message.type === 'feedback' ? { rating: message.rating } : {}),
    });
    this.state.pending.push(message);
    await this.save();
  }

  /** The desk's server stored the oldest pending message. */
  async sent(message: AgentHelpMessage): Promise<void> {
    this.state.pending = this.state.pending.filter((m) => m !== message);
    await this.save();
  }

  /** Takes in a message from the desk; false when it was taken before. */
  async fromDesk(raw: unknown): Promise<boolean> {
    const message: DeskHelpMessage = DeskHelpMessageSchema.parse(raw);
    if (this.state.seen.includes(message.messageId)) return false;
    const request = this.request(message.requestId);
    this.state.seen = [...this.state.seen, message.messageId].slice(-MAX_SEEN);
    if (request) {
      request.ticketId = message.ticketId;
      request.conversation.push({
        id: message.messageId,
        from: 'desk',
        kind: message.type,
        at: message.sentAt,
        body: message.type === 'message' ? message.body : '',
        ticketId: message.ticketId,
        ...(message.type === 'message' ? { author: message.author } : {}),
      });
    }
    await this.save();
    return true;
  }

  /** The outbox's requests (from `request-help`), each file removed once taken. */
  async takeOutbox(
    take: (request: z.output<typeof OutboxRequestSchema>) => Promise<void>,
    onBad: (file: string, error: unknown) => void,
  ): Promise<void> {
    const folder = helpOutbox(this.dataDir);
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
      const file = path.join(folder, name);
      try {
        const request = OutboxRequestSchema.parse(JSON.parse(await readFile(file, 'utf8')));
        await take(request);
      } catch (error) {
        onBad(file, error);
      }
      await rm(file, { force: true });
    }
  }

  private save(): Promise<void> {
    const text = JSON.stringify(this.state);
    this.writing = this.writing.then(async () => {
      const file = helpStateFile(this.dataDir);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, text, { mode: 0o600 });
      await rename(temporary, file);
    });
    return this.writing;
  }
}
