/**
 * A raw message from the mailbox as the desk reads it: who sent it, its subject and new text,
 * the Message-IDs it answers, whether a machine sent it, and its attachments with their
 * hashes. HTML is never rendered: a message with HTML alone gives its text (mailparser's
 * conversion); scripts, styles and remote images are dropped with the markup.
 */
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';
import {
  answeredMessageIds,
  automaticMail,
  htmlText,
  replyText,
  type AutomaticReason,
} from '@deskside/core';

/** Attachments larger than this are kept as their name, size and hash, without their bytes. */
export const DEFAULT_ATTACHMENT_CAP_BYTES = 10 * 1024 * 1024;

export interface ParsedAttachment {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  /** Null when over the cap. */
  data: Buffer | null;
}

export interface IncomingMail {
  /** Unique per message: its Message-ID, or a hash of the message where it has none. */
  key: string;
  messageId: string | null;
  fromAddress: string;
  fromName: string;
  subject: string;
  /** What the sender wrote, quotes and signature removed. */
  text: string;
  /** Message-IDs it answers, the direct parent first. */
  answers: string[];
  automatic: AutomaticReason | null;
  sentAt: string | null;
  attachments: ParsedAttachment[];
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

function headerText(value: HeaderValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => headerText(item) ?? '').join(', ');
  if (value instanceof Date) return value.toISOString();
  if ('value' in value && typeof value.value === 'string' && 'params' in value) {
    const params = Object.entries(value.params)
      .map(([key, param]) => `; ${key}=${param}`)
      .join('');
    return `${value.value}${params}`;
  }
  if ('text' in value && typeof value.text === 'string') return value.text;
  return JSON.stringify(value);
}

function firstAddress(from: AddressObject | AddressObject[] | undefined) {
  const entry = [from ?? []].flat()[0]?.value[0];
  return { address: (entry?.address ?? '').trim().toLowerCase(), name: (entry?.name ?? '').trim() };
}

/** Reads a raw RFC 5322 message. */
export async function parseMail(
  raw: Buffer,
  attachmentCapBytes = DEFAULT_ATTACHMENT_CAP_BYTES,
): Promise<IncomingMail> {
  const parsed = await simpleParser(raw, {
    // HTML alone is turned into text by core's htmlText, which keeps no link or image.
    skipHtmlToText: true,
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
  });
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of parsed.headers) headers[name.toLowerCase()] = headerText(value);
  const from = firstAddress(parsed.from);
  const returnPath = headers['return-path'];
  const messageId = parsed.messageId?.trim() || null;
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  const text = replyText(parsed.text?.trim() ? parsed.text : htmlText(html));
  return {
    key: messageId ?? `sha256:${sha256(raw)}`,
    messageId,
    fromAddress: from.address,
    fromName: from.name,
    subject: (parsed.subject ?? '').trim(),
    text,
    answers: answeredMessageIds(parsed.inReplyTo, parsed.references),
    automatic: automaticMail({
      headers,
      returnPath: returnPath === undefined ? undefined : returnPath.replace(/[<>]/g, '').trim(),
      from: from.address,
      contentType: headers['content-type'] ?? 'text/plain',
    }),
    sentAt: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
    attachments: parsed.attachments
      .filter((attachment) => attachment.contentDisposition !== 'inline' || attachment.filename)
      .map((attachment) => ({
        fileName: attachment.filename ?? 'attachment',
        contentType: attachment.contentType,
        size: attachment.size,
        sha256: sha256(attachment.content),
        data: attachment.size <= attachmentCapBytes ? attachment.content : null,
      })),
  };
}
