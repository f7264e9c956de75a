import type { Language } from '../settings';
import type { Ticket } from '../ticket';
import { DesksideError } from '../errors';

/** The headings of an article written from a ticket, in the language it is written in. */
export interface DraftHeadings {
  problem: string;
  errorMessages: string;
  stepsTried: string;
  resolution: string;
}

export interface ArticleDraft {
  title: string;
  body: string;
  language: Language;
  category: string | null;
  tags: string[];
  sourceTicketId: number;
}

export type DraftSource = Pick<
  Ticket,
  | 'id'
  | 'status'
  | 'summary'
  | 'description'
  | 'errorMessages'
  | 'stepsTried'
  | 'category'
  | 'resolutionNotes'
>;

export const canBecomeArticle = (ticket: Pick<Ticket, 'status'>) =>
  ticket.status === 'resolved' || ticket.status === 'closed';

/** Error messages are quoted verbatim, in a fence longer than any backtick run they contain. */
function fenced(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}\n${text}\n${fence}`;
}

/**
 * A first version of an article from a resolved ticket: its summary as the title, what the
 * user reported, the errors seen, what was tried and how it was resolved. The analyst edits
 * it before saving; nothing here is saved.
 */
export function articleDraftFromTicket(
  ticket: DraftSource,
  headings: DraftHeadings,
  language: Language,
): ArticleDraft {
  if (!canBecomeArticle(ticket)) {
    throw new DesksideError(
      'invalid_transition',
      `Ticket ${ticket.id} is not resolved yet: write an article once you know what fixed it`,
    );
  }
  const sections: [string, string][] = [
    [headings.problem, ticket.description.trim()],
    [
      headings.errorMessages,
      ticket.errorMessages.trim() ? fenced(ticket.errorMessages.trim()) : '',
    ],
    [headings.stepsTried, ticket.stepsTried.trim()],
    [headings.resolution, (ticket.resolutionNotes ?? '').trim()],
  ];
  const body = sections
    .filter(([, text]) => text !== '')
    .map(([heading, text]) => `## ${heading}\n\n${text}`)
    .join('\n\n');
  return {
    title: ticket.summary.trim(),
    body,
    language,
    category: ticket.category,
    tags: [],
    sourceTicketId: ticket.id,
  };
}
