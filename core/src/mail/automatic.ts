/**
 * Mail no person wrote: auto-replies, bounces, list and bulk mail. None of it may start a
 * ticket or be answered, or two automatic responders mail each other for ever.
 */

/** The headers and structure the decision reads, as a parser gives them. */
export interface MailOrigin {
  /** Header names in lower case; a header given more than once has its values joined. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The envelope sender (Return-Path): '' for a bounce, undefined when not known. */
  returnPath: string | undefined;
  /** The From address. */
  from: string;
  /** The top-level content type, e.g. `multipart/report; report-type=delivery-status`. */
  contentType: string;
}

export type AutomaticReason =
  | 'auto-submitted'
  | 'precedence'
  | 'auto-response-suppress'
  | 'bounce'
  | 'mailer-daemon'
  | 'report'
  | 'list';

/** Why a message was sent by a machine, or null when a person sent it. */
export function automaticMail(mail: MailOrigin): AutomaticReason | null {
  const header = (name: string) => (mail.headers[name] ?? '').trim().toLowerCase();
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted !== '' && autoSubmitted !== 'no') return 'auto-submitted';
  if (/^(bulk|junk|list|auto_reply)\b/.test(header('precedence'))) return 'precedence';
  if (header('x-autoreply') !== '' || header('x-autorespond') !== '') return 'auto-submitted';
  if (/\b(oof|autoreply|all)\b/.test(header('x-auto-response-suppress'))) {
    return 'auto-response-suppress';
  }
  if (mail.returnPath !== undefined && mail.returnPath.replace(/[<>\s]/g, '') === '') {
    return 'bounce';
  }
  const local = mail.from.trim().toLowerCase().split('@')[0] ?? '';
  if (/^(mailer-daemon|postmaster)$/.test(local)) return 'mailer-daemon';
  if (mail.contentType.trim().toLowerCase().startsWith('multipart/report')) return 'report';
  if (header('list-id') !== '' || header('list-unsubscribe') !== '') return 'list';
  return null;
}
