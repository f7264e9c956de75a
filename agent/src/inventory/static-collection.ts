import type { InventorySectionName } from '@deskside/core';
import { sectionProblem } from '../collect/errors';
import { collectStaticSection } from '../collect/sections';
import type { StaticRefresher } from './refresh-child';
import { formatSectionLine, storeValue, type SectionLine } from './stored-section';

// The collecting side of a static refresh: the agent runs it in a child process
// (`inventory --static`), tests run it in process.

async function collectEach(
  sections: readonly InventorySectionName[],
  onResult: (result: SectionLine) => void,
): Promise<void> {
  await Promise.all(
    sections.map(async (section) => {
      try {
        onResult({
          section,
          stored: storeValue(await collectStaticSection(section, process.platform)),
        });
      } catch (error) {
        onResult({ section, stored: { problem: sectionProblem(section, error) } });
      }
    }),
  );
}

/** The child's side (`inventory --static`): one line per section on stdout. */
export async function printStaticSections(
  sections: readonly InventorySectionName[],
): Promise<void> {
  await collectEach(sections, (line) => {
    process.stdout.write(`${formatSectionLine(line)}\n`);
  });
}

/** In this process (tests, and wherever a child cannot be started). */
export const inProcessRefresher: StaticRefresher = collectEach;
