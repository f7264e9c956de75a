import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { inventorySectionSchemas, type InventorySectionName } from '@deskside/core';
import type { Observed } from '../collect/document';

export const CACHE_FILE = 'inventory-cache.json';

const CacheFileSchema = z.object({
  format: z.literal(1),
  agentVersion: z.string(),
  platform: z.string(),
  sections: z.record(z.string(), z.object({ observedAt: z.iso.datetime(), value: z.unknown() })),
});

export type CachedSections = Map<InventorySectionName, { value: unknown; observedAt: string }>;

/**
 * The static sections kept on disk from the last run, so a restarted agent answers at once
 * while it collects them again. A file from another agent version or platform, or a section
 * that no longer matches its schema, is ignored.
 */
export async function loadStaticCache(
  dataDir: string,
  expected: { agentVersion: string; platform: string },
): Promise<CachedSections> {
  const sections: CachedSections = new Map();
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.join(dataDir, CACHE_FILE), 'utf8'));
  } catch {
    // No cache yet, or a damaged one: collect from scratch.
    return sections;
  }
  const file = CacheFileSchema.safeParse(raw);
  if (!file.success) return sections;
  if (
    file.data.agentVersion !== expected.agentVersion ||
    file.data.platform !== expected.platform
  ) {
    return sections;
  }
  for (const [name, entry] of Object.entries(file.data.sections)) {
    if (!Object.hasOwn(inventorySectionSchemas, name)) continue;
    const section = name as InventorySectionName;
    const value = inventorySectionSchemas[section].safeParse(entry.value);
    if (value.success) sections.set(section, { value: value.data, observedAt: entry.observedAt });
  }
  return sections;
}

/** Writes the cache atomically (a new file renamed over the old), readable by the agent only. */
export async function saveStaticCache(
  dataDir: string,
  identity: { agentVersion: string; platform: string },
  statics: ReadonlyMap<InventorySectionName, Observed<unknown>>,
): Promise<void> {
  const sections: Record<string, { observedAt: string; value: unknown }> = {};
  for (const [name, observed] of statics) {
    if (observed.value !== undefined)
      sections[name] = { observedAt: observed.observedAt, value: observed.value };
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, CACHE_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify({ format: 1, ...identity, sections }), { mode: 0o600 });
  await rename(temporary, file);
}
