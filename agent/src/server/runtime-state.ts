import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod/mini';
import { replaceFile } from '../state/replace-file';

/**
 * What a running `serve` tells `status` about itself, in running.json in the data folder.
 * zod/mini: written as the agent starts (README, "Keeping the idle agent small").
 */
export const RuntimeStateSchema = z.object({
  pid: z.int().check(z.positive()),
  address: z.string(),
  port: z.int().check(z.minimum(1), z.maximum(65535)),
  fingerprint: z.string(),
  version: z.string(),
  startedAt: z.iso.datetime(),
  configFile: z.nullable(z.string()),
  auditFile: z.string(),
});
export type RuntimeState = z.infer<typeof RuntimeStateSchema>;

const RUNTIME_FILE = 'running.json';

export const runtimeStateFile = (dataDir: string): string => path.join(dataDir, RUNTIME_FILE);

export async function writeRuntimeState(dataDir: string, state: RuntimeState): Promise<void> {
  await replaceFile(runtimeStateFile(dataDir), `${JSON.stringify(state, null, 2)}\n`, {
    mode: 0o600,
  });
}

/** What the last `serve` on this data folder wrote, or null (never started, or stopped cleanly). */
export async function readRuntimeState(dataDir: string): Promise<RuntimeState | null> {
  let text: string;
  try {
    text = await readFile(runtimeStateFile(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return RuntimeStateSchema.parse(JSON.parse(text));
  } catch {
    // Written by another version, or damaged: it says nothing reliable.
    return null;
  }
}

/** Removes running.json when it is this process's (a newer `serve` may have replaced it). */
export async function clearRuntimeState(dataDir: string, pid: number): Promise<void> {
  const current = await readRuntimeState(dataDir);
  if (current?.pid === pid) await rm(runtimeStateFile(dataDir), { force: true });
}
