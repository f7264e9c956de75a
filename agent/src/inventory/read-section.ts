import { inventorySectionSchemas, type InventorySectionName } from '@deskside/core';
import type { Observed } from '../collect/document';
import { sectionProblem } from '../collect/errors';
import type { StoredSection } from './stored-section';

/** Parses a stored section and checks it against its schema. */
export function readStoredSection(
  section: InventorySectionName,
  stored: StoredSection,
): Observed<unknown> {
  if (stored.problem) return { problem: stored.problem };
  try {
    const value = inventorySectionSchemas[section].parse(JSON.parse(stored.json));
    return { value, observedAt: stored.observedAt };
  } catch {
    return { problem: sectionProblem(section, new Error('the stored facts are not valid')) };
  }
}
