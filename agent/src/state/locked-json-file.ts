import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod/mini';
import { replaceFile } from './replace-file';

/**
 * A JSON file that several processes change: the running `serve` and CLI commands such as
 * `pair` and `consoles revoke`. A change holds a lock file for its read-modify-write, and
 * writes the new content to a temporary file renamed over the old one, so a reader never
 * sees half a file and no change overwrites another.
 */
export class LockedJsonFile<T> {
  /** Changes from this process, one after another (the lock file is per process too). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly schema: z.ZodMiniType<T>,
    private readonly empty: () => T,
  ) {}

  /** The current content; the empty state when the file does not exist yet. */
  async read(): Promise<T> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.empty();
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw this.damaged('it is not valid JSON');
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw this.damaged(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  }

  /**
   * Reads the content under the lock, lets `change` compute the next content and a result,
   * writes it, and returns the result. When `change` throws, or returns the content it was
   * given, nothing is written.
   */
  update<R>(change: (current: T) => { next: T; result: R }): Promise<R> {
    const run = this.queue.then(() => this.updateLocked(change));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async updateLocked<R>(change: (current: T) => { next: T; result: R }): Promise<R> {
    const dir = path.dirname(this.file);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // Loaded with the first change: a serving agent that is never paired does without it.
    const { default: lockfile } = await import('proper-lockfile');
    const release = await lockfile.lock(this.file, {
      realpath: false,
      stale: 10_000,
      retries: { retries: 60, factor: 1.3, minTimeout: 5, maxTimeout: 200, randomize: true },
      // A change holds the lock for milliseconds, far less than `stale`: the lock cannot be
      // taken over while we hold it. The default handler would throw from a timer instead.
      onCompromised: () => undefined,
    });
    try {
      const current = await this.read();
      const { next, result } = change(current);
      // `change` returns the same object when nothing changed: no write, no new file version.
      if (next !== current) {
        const json = `${JSON.stringify(this.schema.parse(next), null, 2)}\n`;
        await replaceFile(this.file, json, { mode: 0o600, owner: await ownerOf(dir) });
      }
      return result;
    } finally {
      await release();
    }
  }

  private damaged(why: string): Error {
    return new Error(
      `${this.file} is damaged (${why}). Restore it from a backup, or remove it to start over.`,
    );
  }
}

/**
 * When root changes the state (`sudo deskside-agent pair`), the file must stay readable by
 * the service account that owns the data folder.
 */
async function ownerOf(dir: string): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const { uid, gid } = await stat(dir);
  return { uid, gid };
}
