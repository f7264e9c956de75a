import type { InventorySectionName } from '@deskside/core';
import { sectionProblem } from '../collect/errors';
import { collectStaticSection } from '../collect/sections';
import type { StaticRefresher } from './refresh-child';
import { writeStaticSection, type CacheIdentity } from './static-cache';
import { formatNotice, storeValue, type SectionNotice } from './stored-section';

// The collecting side of a static refresh: the agent runs it in a child process
// (`inventory --static`), tests run it in process. Each section goes into the cache file as
// soon as it is read; the agent is told only that it is there (or why it is not), and reads
// it from the file when a request needs it.

export interface StaticCollectionTarget extends CacheIdentity {
  dataDir: string;
}

async function collectInto(
  target: StaticCollectionTarget,
  sections: readonly InventorySectionName[],
  onNotice: (notice: SectionNotice) => void,
): Promise<void> {
  const { dataDir, ...identity } = target;
  await Promise.all(
    sections.map(async (section) => {
      let notice: SectionNotice;
      try {
        const stored = storeValue(await collectStaticSection(section, process.platform));
        await writeStaticSection(dataDir, identity, section, stored);
        notice = { section, observedAt: stored.observedAt! };
      } catch (error) {
        notice = { section, problem: sectionProblem(section, error) };
      }
      onNotice(notice);
    }),
  );
}

/** The child's side (`inventory --static`): one notice line per section on stdout. */
export async function printStaticSections(
  target: StaticCollectionTarget,
  sections: readonly InventorySectionName[],
): Promise<void> {
  await collectInto(target, sections, (notice) => {
    process.stdout.write(`${formatNotice(notice)}\n`);
  });
}

/** In this process (tests, and wherever a child cannot be started). */
export function inProcessRefresher(target: StaticCollectionTarget): StaticRefresher {
  return (sections, onNotice) => collectInto(target, sections, onNotice);
}
