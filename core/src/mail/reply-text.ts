/**
 * The new text of an e-mail: what the sender wrote, without the message they replied to
 * (quoted with `>`, or below an attribution line or an Outlook header block) and without
 * their signature. Mail clients mark these in each language; the markers of the console's
 * languages (English, Dutch, French, Greek) and of the common clients are known here. When
 * stripping would leave nothing, the text is kept whole: a message is never emptied.
 */

/** "On Mon, 1 Dec 2026 at 10:00, Ann <ann@x> wrote:" and its translations. */
const ATTRIBUTION_LINES: readonly RegExp[] = [
  /^\s*On\b.{0,300}\bwrote:\s*$/i,
  /^\s*Op\b.{0,300}\bschreef\b.{0,80}:\s*$/i,
  /^\s*Le\b.{0,300}\ba\s+écrit\s*:\s*$/i,
  /^\s*Στις\b.{0,300}\bέγραψε\s*:\s*$/iu,
  // Without a date: "Ann <ann@x> wrote:" (some clients, mailing lists).
  /^.{1,200}<[^>\s]+@[^>\s]+>\s+(wrote|schreef|a\s+écrit|έγραψε)\s*:\s*$/iu,
];

/** Lines that open a forwarded or replied-to message copied in whole. */
const ORIGINAL_MESSAGE_LINES: readonly RegExp[] = [
  /^\s*-{2,}\s*(Original Message|Oorspronkelijk bericht|Message d'origine|Αρχικό μήνυμα)\s*-{2,}\s*$/iu,
  /^\s*_{10,}\s*$/,
];

/** Outlook's header block: a "From:" line followed by "Sent:"/"Date:" and "To:"/"Subject:". */
const OUTLOOK_FROM = /^\s*\*?(From|Van|De|Από)\s*:\*?\s+\S/iu;
const OUTLOOK_FIELDS =
  /^\s*\*?(Sent|Date|To|Subject|Cc|Verzonden|Datum|Aan|Onderwerp|Envoyé|À|Objet|Στάλθηκε|Ημερομηνία|Προς|Θέμα|Κοιν)\s*:/iu;

/** The signature separator "-- " (RFC 3676), and the common phone-client sign-offs. */
const SIGNATURE_LINES: readonly RegExp[] = [
  /^-- ?$/,
  /^(Sent from my|Verzonden vanaf mijn|Envoyé de mon|Εστάλη από το)\b/iu,
];

const isQuoted = (line: string) => /^\s*>/.test(line);

/** Where the quoted original starts: the index of its first line, or -1. */
function quoteStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (ATTRIBUTION_LINES.some((re) => re.test(line))) return i;
    // An attribution a client wrapped onto two lines ("On ... Ann <ann@x>" / "wrote:").
    const next = lines[i + 1];
    if (next !== undefined && ATTRIBUTION_LINES.some((re) => re.test(`${line} ${next}`))) {
      if (/^\s*(On|Op|Le|Στις)\b/iu.test(line)) return i;
    }
    if (ORIGINAL_MESSAGE_LINES.some((re) => re.test(line))) return i;
    if (OUTLOOK_FROM.test(line)) {
      const following = lines.slice(i + 1, i + 5).filter((l) => OUTLOOK_FIELDS.test(l));
      if (following.length >= 2) return i;
    }
  }
  return -1;
}

/** What the sender wrote in a plain-text message, quotes and signature removed, trimmed. */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = quoteStart(lines);
  let kept = start === -1 ? lines : lines.slice(0, start);
  const signature = kept.findIndex((line) => SIGNATURE_LINES.some((re) => re.test(line)));
  if (signature !== -1) kept = kept.slice(0, signature);
  kept = kept.filter((line) => !isQuoted(line));
  const result = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return result === '' ? text.replace(/\r\n?/g, '\n').trim() : result;
}
