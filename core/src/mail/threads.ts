/**
 * How a message finds its ticket: by the ticket's reference in the subject (`[#123]`, which
 * the desk puts in what it sends), or by the Message-IDs it answers (In-Reply-To and
 * References), looked up among the messages the desk took in or sent for a ticket.
 */

/** The reference the desk puts in a subject: `[#123]`. */
export const ticketReference = (ticketId: number): string => `[#${ticketId}]`;

/** The subject of a message the desk sends about a ticket, its reference in front once. */
export function subjectWithReference(ticketId: number, subject: string): string {
  const reference = ticketReference(ticketId);
  return subject.includes(reference) ? subject : `${reference} ${subject}`.trim();
}

/** The ticket a subject names with its reference, or null. The last reference wins. */
export function referencedTicket(subject: string): number | null {
  const found = [...subject.matchAll(/\[#(\d{1,9})\]/g)];
  const id = found.length > 0 ? Number(found.at(-1)![1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Message-IDs as `<id@host>` tokens from In-Reply-To and References, newest first. */
export function answeredMessageIds(
  inReplyTo: string | undefined,
  references: string | readonly string[] | undefined,
): string[] {
  const tokens = (value: string | readonly string[] | undefined) =>
    [value ?? []].flat().flatMap((text) => text.match(/<[^<>\s]+>/g) ?? []);
  const ids = [...tokens(inReplyTo), ...tokens(references).reverse()];
  return [...new Set(ids)];
}

/** A subject without its reply and forward prefixes, for a ticket's summary. */
export function plainSubject(subject: string): string {
  let text = subject.trim();
  for (;;) {
    const next = text.replace(
      /^(re|fw|fwd|aw|antw|tr|réf|ref|σχετ|πρθ|απ)\s*(\[\d+\])?\s*:\s*/iu,
      '',
    );
    if (next === text) return text;
    text = next.trim();
  }
}
