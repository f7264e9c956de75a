import { spawn } from 'node:child_process';
import os from 'node:os';
import {
  InventorySectionNameSchema,
  SectionProblemSchema,
  inventorySectionSchemas,
  type InventorySectionName,
} from '@deskside/core';
import { z } from 'zod';
import type { Observed } from '../collect/document';
import { collectStaticSection, sectionProblem } from '../collect/sections';

/** One static section as the refresh child reports it: one JSON line each. */
const LineSchema = z.union([
  z.object({
    section: InventorySectionNameSchema,
    observedAt: z.iso.datetime(),
    value: z.unknown(),
  }),
  z.object({ section: InventorySectionNameSchema, problem: SectionProblemSchema }),
]);

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    // Not one of ours (a warning a library printed): skip it.
    return null;
  }
}

export type SectionResult = { section: InventorySectionName; observed: Observed<unknown> };

/** Collects static sections and reports each as soon as it is read. */
export type StaticRefresher = (
  sections: readonly InventorySectionName[],
  onResult: (result: SectionResult) => void,
) => Promise<void>;

async function collectEach(
  sections: readonly InventorySectionName[],
  onResult: (result: SectionResult) => void,
): Promise<void> {
  await Promise.all(
    sections.map(async (section) => {
      try {
        const value = await collectStaticSection(section, process.platform);
        onResult({ section, observed: { value, observedAt: new Date().toISOString() } });
      } catch (error) {
        onResult({ section, observed: { problem: sectionProblem(section, error) } });
      }
    }),
  );
}

/** The child's side (`inventory --static`): JSON lines on stdout, one per section. */
export async function printStaticSections(
  sections: readonly InventorySectionName[],
): Promise<void> {
  await collectEach(sections, ({ section, observed }) => {
    process.stdout.write(`${JSON.stringify({ section, ...observed })}\n`);
  });
}

/** In this process (tests, and wherever a child cannot be started). */
export const inProcessRefresher: StaticRefresher = collectEach;

/** The lowest priority ("nice 19"; "idle" on Windows). */
const BACKGROUND_PRIORITY = os.constants.priority.PRIORITY_LOW;

export interface ChildRefresherOptions {
  /** The node binary and the agent's bundle, as the agent itself was started. */
  nodePath: string;
  script: string;
  timeoutMs?: number;
  maxOutputBytes?: number;
}

/**
 * Runs the collection in a short-lived child process of the agent's own bundle: the
 * hardware library and its synchronous commands never load or block the serving process,
 * which stays small while idle.
 */
export function childProcessRefresher(options: ChildRefresherOptions): StaticRefresher {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const maxOutputBytes = options.maxOutputBytes ?? 64 * 1024 * 1024;
  return (sections, onResult) =>
    new Promise((resolve, reject) => {
      // The child needs no credential: it never gets the console token.
      const env = { ...process.env };
      delete env.DESKSIDE_AGENT_TOKEN;
      const child = spawn(
        options.nodePath,
        [options.script, 'inventory', '--static', '--sections', sections.join(',')],
        { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, env },
      );
      // Background work on someone's PC: it yields to whatever they are doing.
      if (child.pid !== undefined) {
        try {
          os.setPriority(child.pid, BACKGROUND_PRIORITY);
        } catch {
          // Not allowed here (a restricted account): it runs at normal priority.
        }
      }
      let buffered = '';
      let received = 0;
      let stderr = '';
      const fail = (error: Error) => {
        clearTimeout(timer);
        child.kill();
        reject(error);
      };
      const timer = setTimeout(() => {
        fail(new Error(`the inventory refresh did not finish within ${timeoutMs} ms`));
      }, timeoutMs);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        received += chunk.length;
        if (received > maxOutputBytes) {
          fail(new Error(`the inventory refresh printed more than ${maxOutputBytes} bytes`));
          return;
        }
        buffered += chunk;
        let newline: number;
        while ((newline = buffered.indexOf('\n')) !== -1) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          const parsed = LineSchema.safeParse(parseJson(line));
          if (!parsed.success) continue;
          const { section } = parsed.data;
          if ('problem' in parsed.data) {
            onResult({ section, observed: { problem: parsed.data.problem } });
            continue;
          }
          const value = inventorySectionSchemas[section].safeParse(parsed.data.value);
          onResult({
            section,
            observed: value.success
              ? { value: value.data, observedAt: parsed.data.observedAt }
              : {
                  problem: sectionProblem(section, new Error('the collected facts were not valid')),
                },
          });
        }
      });
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-2000);
      });
      child.once('error', fail);
      child.once('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else
          reject(
            new Error(
              `the inventory refresh exited with ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`,
            ),
          );
      });
    });
}
