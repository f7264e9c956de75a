import { closeSync, openSync, readSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod/mini';
import type { InventorySectionName } from '@deskside/core';
import { replaceFile } from '../state/replace-file';
import { formatSectionLine, parseSectionLine, type StoredSection } from './stored-section';

export const CACHE_FILE = 'inventory-cache.txt';

const HeaderSchema = z.object({
  format: z.literal(2),
  agentVersion: z.string(),
  platform: z.string(),
});
export type CacheIdentity = Omit<z.infer<typeof HeaderSchema>, 'format'>;

const HEADER_BYTES = 1024;

/** Whether the header says the sections below it are this agent's. */
function headerMatches(line: string | undefined, expected: CacheIdentity): boolean {
  let header: unknown;
  try {
    header = JSON.parse(line ?? '');
  } catch {
    return false;
  }
  const parsed = HeaderSchema.safeParse(header);
  return (
    parsed.success &&
    parsed.data.agentVersion === expected.agentVersion &&
    parsed.data.platform === expected.platform
  );
}

/**
 * Whether the data folder holds a cache this agent can serve from, read from its header
 * alone (the sections are not loaded): at start, before the agent serves anything.
 */
export function hasStaticCache(dataDir: string, expected: CacheIdentity): boolean {
  let fd: number;
  try {
    fd = openSync(path.join(dataDir, CACHE_FILE), 'r');
  } catch {
    return false;
  }
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, buffer, 0, HEADER_BYTES, 0);
    return headerMatches(buffer.toString('utf8', 0, read).split('\n')[0], expected);
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/**
 * The static sections kept on disk from the last run, so a restarted agent answers at once
 * while it collects them again: a header line, then one line per section as the refresh
 * child printed it. A file from another agent version or platform is ignored; sections are
 * checked against their schema when first read.
 */
export async function loadStaticCache(
  dataDir: string,
  expected: CacheIdentity,
): Promise<Map<InventorySectionName, StoredSection>> {
  const sections = new Map<InventorySectionName, StoredSection>();
  let lines: string[];
  try {
    lines = (await readFile(path.join(dataDir, CACHE_FILE), 'utf8')).split('\n');
  } catch {
    // No cache yet: collect from scratch.
    return sections;
  }
  if (!headerMatches(lines[0], expected)) return sections;
  for (const line of lines.slice(1)) {
    const entry = parseSectionLine(line);
    if (entry && !entry.stored.problem) sections.set(entry.section, entry.stored);
  }
  return sections;
}

let writing: Promise<void> = Promise.resolve();

/**
 * Puts one collected section into the cache, keeping the others. Writes from one process
 * are queued; only the collecting process (the refresh child) writes, the agent reads.
 */
export function writeStaticSection(
  dataDir: string,
  identity: CacheIdentity,
  section: InventorySectionName,
  stored: StoredSection,
): Promise<void> {
  const write = writing.then(async () => {
    const statics = await loadStaticCache(dataDir, identity);
    statics.set(section, stored);
    await saveStaticCache(dataDir, identity, statics);
  });
  writing = write.catch(() => undefined);
  return write;
}

/** Writes the cache atomically (a new file renamed over the old), readable by the agent only. */
async function saveStaticCache(
  dataDir: string,
  identity: CacheIdentity,
  statics: ReadonlyMap<InventorySectionName, StoredSection>,
): Promise<void> {
  const lines = [JSON.stringify({ format: 2, ...identity })];
  for (const [section, stored] of statics) {
    if (!stored.problem) lines.push(formatSectionLine({ section, stored }));
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // Rewritten for each section collected; a cache lost in a crash is collected again.
  await replaceFile(path.join(dataDir, CACHE_FILE), `${lines.join('\n')}\n`, {
    mode: 0o600,
    flush: false,
  });
}
