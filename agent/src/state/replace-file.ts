import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface ReplaceFileOptions {
  mode: number;
  /** Who the file belongs to, when not the process's own user (root changing a service's file). */
  owner?: { uid: number; gid: number };
  /**
   * Whether the new content is flushed to disk before it replaces the old (default). A cache
   * that is written often and rebuilt when lost does without: the disk is someone's PC's.
   */
  flush?: boolean;
}

/**
 * Writes `text` to `file` so that a reader sees the old content or the new, never a part of
 * either: a temporary file beside it is written, flushed to disk and renamed over it.
 */
export async function replaceFile(
  file: string,
  text: string,
  options: ReplaceFileOptions,
): Promise<void> {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temporary, 'wx', options.mode);
    try {
      await handle.writeFile(text, 'utf8');
      // The mode asked for, whatever the umask.
      await handle.chmod(options.mode);
      if (options.owner) await handle.chown(options.owner.uid, options.owner.gid);
      if (options.flush !== false) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
