import {
  InventorySectionNameSchema,
  SectionProblemSchema,
  type InventorySectionName,
  type SectionProblem,
} from '@deskside/core';

/**
 * A static section as the agent keeps it between requests: the JSON text it was collected
 * as. It is parsed and checked against its schema (read-section.ts) only when a request
 * first needs it, so an agent nobody asks holds neither object graphs nor the schemas.
 */
export type StoredSection =
  | { observedAt: string; json: string; problem?: undefined }
  | { problem: SectionProblem; observedAt?: undefined; json?: undefined };

export interface SectionLine {
  section: InventorySectionName;
  stored: StoredSection;
}

const PROBLEM = '!';
// What storeValue writes (Date#toISOString); the section's own schema checks the rest.
const OBSERVED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** One line: `section TAB observedAt TAB json`, or `section TAB ! TAB problem-json`. */
export function formatSectionLine({ section, stored }: SectionLine): string {
  return stored.problem
    ? `${section}\t${PROBLEM}\t${JSON.stringify(stored.problem)}`
    : `${section}\t${stored.observedAt}\t${stored.json}`;
}

/** Reads a line of formatSectionLine without parsing the section's facts; null if not one. */
export function parseSectionLine(line: string): SectionLine | null {
  const first = line.indexOf('\t');
  const second = first === -1 ? -1 : line.indexOf('\t', first + 1);
  if (second === -1) return null;
  const section = InventorySectionNameSchema.safeParse(line.slice(0, first));
  const marker = line.slice(first + 1, second);
  const rest = line.slice(second + 1);
  if (!section.success) return null;
  if (marker === PROBLEM) {
    let problem: unknown;
    try {
      problem = JSON.parse(rest);
    } catch {
      return null;
    }
    const parsed = SectionProblemSchema.safeParse(problem);
    return parsed.success ? { section: section.data, stored: { problem: parsed.data } } : null;
  }
  if (!OBSERVED_AT.test(marker)) return null;
  return { section: section.data, stored: { observedAt: marker, json: rest } };
}

/**
 * JSON with every character past ASCII escaped: V8 then keeps the text one byte per
 * character (a single "ł" in a package maintainer's name would double the whole list).
 */
export function storeValue(value: unknown, observedAt = new Date().toISOString()): StoredSection {
  const json = JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return { observedAt, json };
}

/** What a refresh tells the agent about a section it has written to the cache, or could not read. */
export type SectionNotice =
  | { section: InventorySectionName; observedAt: string; problem?: undefined }
  | { section: InventorySectionName; problem: SectionProblem; observedAt?: undefined };

/** `section TAB observedAt`, or a problem line as formatSectionLine writes it. */
export function formatNotice(notice: SectionNotice): string {
  return notice.problem
    ? formatSectionLine({ section: notice.section, stored: { problem: notice.problem } })
    : `${notice.section}\t${notice.observedAt}`;
}

export function parseNotice(line: string): SectionNotice | null {
  const [name, observedAt, ...rest] = line.split('\t');
  if (rest.length === 0 && observedAt !== undefined && OBSERVED_AT.test(observedAt)) {
    const section = InventorySectionNameSchema.safeParse(name);
    return section.success ? { section: section.data, observedAt } : null;
  }
  const parsed = parseSectionLine(line);
  return parsed?.stored.problem
    ? { section: parsed.section, problem: parsed.stored.problem }
    : null;
}
