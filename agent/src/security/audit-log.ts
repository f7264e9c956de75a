import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import type { RotatingFileStream } from 'rotating-file-stream';
import type { RequestContext, RequestHooks, RequestOutcome } from '../server/context';

/** One line of the audit log. `ctx.audit` adds fields such as `checks`. */
export interface AuditEntry {
  time: string;
  requestId: string;
  consoleId: string | null;
  /** The analyst the desk signed the request for; null for a Bearer credential or none. */
  analyst: string | null;
  remoteAddress: string;
  method: string;
  /** The route's id, or null when the request matched none. */
  route: string | null;
  /** The request path (never the query), cut to a sane length. */
  path: string | null;
  status: number;
  errorCode: string | null;
  durationMs: number;
  [field: string]: unknown;
}

const MAX_PATH_CHARS = 200;
/** An audit line larger than this keeps only the request's own fields. */
const MAX_AUDIT_FIELDS_CHARS = 16 * 1024;
const MAX_DEPTH = 6;
/** What the log may buffer when the disk is slower than the requests; beyond it lines are dropped (and counted). */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
const SECRET_KEY =
  /token|secret|password|passphrase|credential|authorization|cookie|pairing_?code/i;
const RESERVED = new Set([
  'time',
  'requestId',
  'consoleId',
  'analyst',
  'remoteAddress',
  'method',
  'route',
  'path',
  'status',
  'errorCode',
  'durationMs',
]);

/** A copy of `value` without fields whose names suggest a secret, however deep. */
export function withoutSecrets(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => withoutSecrets(item, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) ? '[redacted]' : withoutSecrets(item, depth + 1);
  }
  return copy;
}

/** The audit line for a request: who, from where, what, how it ended; never a secret. */
export function auditEntry(ctx: RequestContext, outcome: RequestOutcome, time: Date): AuditEntry {
  const extra = withoutSecrets(ctx.audit) as Record<string, unknown>;
  const fields = Object.fromEntries(Object.entries(extra).filter(([key]) => !RESERVED.has(key)));
  const fitting =
    JSON.stringify(fields).length <= MAX_AUDIT_FIELDS_CHARS ? fields : { auditFieldsDropped: true };
  return {
    time: time.toISOString(),
    requestId: ctx.requestId,
    consoleId: ctx.caller?.consoleId ?? null,
    analyst: ctx.caller?.analyst ?? null,
    remoteAddress: ctx.remoteAddress,
    method: ctx.req.method ?? '',
    route: ctx.routeId,
    path: ctx.path === null ? null : ctx.path.slice(0, MAX_PATH_CHARS),
    status: outcome.status,
    errorCode: outcome.errorCode,
    durationMs: outcome.durationMs,
    ...fitting,
  };
}

export interface AuditLogOptions {
  file: string;
  maxFileBytes: number;
  /** Rotated files kept: audit.log.1 (newest) ... audit.log.N. */
  keepFiles: number;
  /** Told once when the log cannot be written (the agent keeps serving). */
  onError: (error: Error) => void;
}

export interface AuditLog {
  write(entry: AuditEntry): void;
  /** Flushes what is buffered and closes the file. */
  close(): Promise<void>;
}

/**
 * The audit log: JSON lines, rotated by size, readable by the agent's user only. The file is
 * checked at once; the rotating stream is loaded with the first entry, so an agent nobody
 * calls does not hold it.
 */
export function openAuditLog(options: AuditLogOptions): AuditLog {
  const file = path.resolve(options.file);
  const dir = path.dirname(file);
  let failed = false;
  const fail = (error: Error) => {
    if (!failed) options.onError(error);
    failed = true;
  };
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    closeSync(openSync(file, 'a', 0o600));
  } catch (error) {
    fail(error as Error);
  }

  let stream: RotatingFileStream | undefined;
  let opening: Promise<void> | undefined;
  /** Lines written before the stream is there. */
  let pending: string[] = [];
  let pendingBytes = 0;
  let dropped = 0;

  const open = () =>
    (opening ??= import('rotating-file-stream').then(
      ({ createStream }) => {
        stream = createStream(path.basename(file), {
          path: dir + path.sep,
          size: `${options.maxFileBytes}B`,
          rotate: options.keepFiles,
          mode: 0o600,
        });
        stream.on('error', fail);
        // Warnings are about rotation housekeeping; the log itself goes on.
        stream.on('warning', (error: Error) => {
          options.onError(error);
        });
        for (const line of pending) stream.write(line);
        pending = [];
        pendingBytes = 0;
      },
      (error: unknown) => {
        fail(error instanceof Error ? error : new Error(String(error)));
      },
    ));

  const writeLine = (entry: object) => {
    const line = `${JSON.stringify(entry)}\n`;
    if (stream) stream.write(line);
    else {
      pending.push(line);
      pendingBytes += line.length;
      void open();
    }
  };
  const buffered = () => (stream ? stream.writableLength : pendingBytes);
  return {
    write(entry) {
      if (failed || stream?.destroyed) return;
      if (buffered() > MAX_BUFFERED_BYTES) {
        dropped++;
        return;
      }
      if (dropped > 0) {
        writeLine({ time: entry.time, event: 'audit_entries_dropped', count: dropped });
        dropped = 0;
      }
      writeLine(entry);
    },
    async close() {
      await opening;
      const current = stream;
      if (!current || failed || current.destroyed) return;
      await new Promise<void>((resolve) => {
        current.end(() => {
          resolve();
        });
      });
    },
  };
}

/** The pipeline hook that writes every request to the audit log once it is answered. */
export function auditHook(log: AuditLog, now: () => Date = () => new Date()): RequestHooks {
  return {
    onResponse(ctx, outcome) {
      log.write(auditEntry(ctx, outcome, now()));
    },
  };
}
