/**
 * The desk's automatic messages: what it writes to a ticket's requester (and, on an
 * escalation, to the receiving group) when something happens to the ticket. One template per
 * event and language, each with a built-in default a lead may switch off or rewrite. A template
 * is plain text with placeholders such as `{{ticket}}`; anything else between double braces is
 * refused when the template is saved, so a typo never reaches a requester.
 */
import { z } from 'zod';
import { LANGUAGES, type Language } from '../languages';
import { subjectWithReference } from './threads';

/**
 * - `received`: a new ticket (every channel; the requester needs an address).
 * - `assigned`: the ticket was assigned to an analyst or escalated to another line.
 * - `escalated`: to the receiving group of an escalation, in the desk's default language.
 * - `waiting`: the desk waits on the requester (status waiting_on_user).
 * - `resolved`: asks the requester to confirm the fix.
 * - `closed`: asks one satisfaction question.
 */
export const MAIL_TEMPLATE_EVENTS = [
  'received',
  'assigned',
  'escalated',
  'waiting',
  'resolved',
  'closed',
] as const;
export const MailTemplateEventSchema = z.enum(MAIL_TEMPLATE_EVENTS);
export type MailTemplateEvent = z.infer<typeof MailTemplateEventSchema>;

export const TemplateLanguageSchema = z.enum(LANGUAGES);

/** What a template may name, each as `{{name}}`. */
export const TEMPLATE_PLACEHOLDERS = [
  'ticket',
  'summary',
  'requester',
  'status',
  'group',
  'resolution',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateValues = Record<TemplatePlaceholder, string>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a text names that the desk does not know, each once, in order. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(TEMPLATE_PLACEHOLDERS);
  const names = [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  return [...new Set(names.filter((name) => !known.has(name)))];
}

const placeholderCheck = (text: string, ctx: z.RefinementCtx) => {
  const unknown = unknownPlaceholders(text);
  if (unknown.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `Unknown placeholder ${unknown.map((name) => `{{${name}}}`).join(', ')}; use ${TEMPLATE_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}`,
    });
  }
};

const subject = z
  .string()
  .trim()
  .min(1, 'Write a subject')
  .max(200)
  .regex(/^[^\r\n]*$/, 'A subject is one line')
  .superRefine(placeholderCheck);
const body = z
  .string()
  .trim()
  .min(1, 'Write the message')
  .max(10_000)
  .superRefine(placeholderCheck);

/** A template as the editor shows it: the desk's own, or the built-in default. */
export const MailTemplateSchema = z.object({
  event: MailTemplateEventSchema,
  language: TemplateLanguageSchema,
  enabled: z.boolean(),
  subject: z.string(),
  body: z.string(),
  /** Nobody has saved this one: it is the built-in text. */
  isDefault: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.iso.datetime().nullable(),
});
export type MailTemplate = z.infer<typeof MailTemplateSchema>;

export const SaveMailTemplateInputSchema = z
  .object({
    event: MailTemplateEventSchema,
    language: TemplateLanguageSchema,
    enabled: z.boolean(),
    subject,
    body,
  })
  .strict();
export type SaveMailTemplateInput = z.input<typeof SaveMailTemplateInputSchema>;

/** A template rendered before it is saved: for a ticket, or with sample data. */
export const PreviewMailTemplateInputSchema = z
  .object({
    event: MailTemplateEventSchema,
    language: TemplateLanguageSchema,
    subject,
    body,
    ticketId: z.number().int().positive().optional(),
  })
  .strict();

export const RenderedMailSchema = z.object({ subject: z.string(), body: z.string() });
export type RenderedMail = z.infer<typeof RenderedMailSchema>;

/**
 * The template's text with each placeholder replaced by its value, as plain text (nothing is
 * escaped: the message is text/plain). The subject is one line and carries the ticket's
 * reference `[#id]`, which replies are threaded by.
 */
export function renderTemplate(
  template: { subject: string; body: string },
  ticketId: number,
  values: TemplateValues,
): RenderedMail {
  const fill = (text: string, oneLine: boolean) =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = (values as Record<string, string | undefined>)[name];
      if (value === undefined) return whole;
      return oneLine ? value.replace(/\s*[\r\n]+\s*/g, ' ') : value;
    });
  const line = fill(template.subject, true)
    .replace(/[\r\n]+/g, ' ')
    .trim();
  return {
    subject: subjectWithReference(ticketId, line).slice(0, 250),
    body: fill(template.body, false).replace(/\r\n?/g, '\n').trim(),
  };
}

type Texts = Record<MailTemplateEvent, { subject: string; body: string }>;

const EN: Texts = {
  received: {
    subject: 'We received your request: {{summary}}',
    body: 'Dear {{requester}},\n\nWe received your request and registered it as ticket {{ticket}}: "{{summary}}".\nWe will get back to you as soon as possible. To add information, reply to this message.\n\nThe service desk',
  },
  assigned: {
    subject: 'Your request is being handled: {{summary}}',
    body: 'Dear {{requester}},\n\nYour request {{ticket}} ("{{summary}}") is now handled by {{group}}.\nReply to this message to add information.\n\nThe service desk',
  },
  escalated: {
    subject: 'Escalated to {{group}}: {{summary}}',
    body: 'Ticket {{ticket}} ("{{summary}}") from {{requester}} was escalated to {{group}}.\nCurrent status: {{status}}.\n\nThe service desk',
  },
  waiting: {
    subject: 'We need your answer: {{summary}}',
    body: 'Dear {{requester}},\n\nTo continue with your request {{ticket}} ("{{summary}}") we need information from you. Please reply to this message.\n\nThe service desk',
  },
  resolved: {
    subject: 'Resolved: {{summary}}',
    body: 'Dear {{requester}},\n\nWe resolved your request {{ticket}} ("{{summary}}").\n{{resolution}}\n\nDoes it work for you? Reply "yes, it works" or "no".\n\nThe service desk',
  },
  closed: {
    subject: 'Closed: {{summary}}',
    body: 'Dear {{requester}},\n\nYour request {{ticket}} ("{{summary}}") is closed.\n\nHow satisfied are you with our help? Reply with a digit 1-5 (1 = very dissatisfied, 5 = very satisfied).\n\nThe service desk',
  },
};

const NL: Texts = {
  received: {
    subject: 'We hebben uw verzoek ontvangen: {{summary}}',
    body: 'Beste {{requester}},\n\nWe hebben uw verzoek ontvangen en geregistreerd als ticket {{ticket}}: "{{summary}}".\nWe nemen zo snel mogelijk contact met u op. Wilt u iets toevoegen, beantwoord dan dit bericht.\n\nDe servicedesk',
  },
  assigned: {
    subject: 'Uw verzoek wordt behandeld: {{summary}}',
    body: 'Beste {{requester}},\n\nUw verzoek {{ticket}} ("{{summary}}") wordt nu behandeld door {{group}}.\nBeantwoord dit bericht om informatie toe te voegen.\n\nDe servicedesk',
  },
  escalated: {
    subject: 'Geëscaleerd naar {{group}}: {{summary}}',
    body: 'Ticket {{ticket}} ("{{summary}}") van {{requester}} is geëscaleerd naar {{group}}.\nHuidige status: {{status}}.\n\nDe servicedesk',
  },
  waiting: {
    subject: 'We hebben uw antwoord nodig: {{summary}}',
    body: 'Beste {{requester}},\n\nOm verder te gaan met uw verzoek {{ticket}} ("{{summary}}") hebben we informatie van u nodig. Beantwoord alstublieft dit bericht.\n\nDe servicedesk',
  },
  resolved: {
    subject: 'Opgelost: {{summary}}',
    body: 'Beste {{requester}},\n\nWe hebben uw verzoek {{ticket}} ("{{summary}}") opgelost.\n{{resolution}}\n\nWerkt het weer? Antwoord "ja, het werkt" of "nee".\n\nDe servicedesk',
  },
  closed: {
    subject: 'Gesloten: {{summary}}',
    body: 'Beste {{requester}},\n\nUw verzoek {{ticket}} ("{{summary}}") is gesloten.\n\nHoe tevreden bent u over onze hulp? Antwoord met een cijfer van 1 tot 5 (1 = zeer ontevreden, 5 = zeer tevreden).\n\nDe servicedesk',
  },
};

const FR: Texts = {
  received: {
    subject: 'Nous avons reçu votre demande : {{summary}}',
    body: 'Bonjour {{requester}},\n\nNous avons reçu votre demande et l’avons enregistrée sous le ticket {{ticket}} : « {{summary}} ».\nNous reviendrons vers vous dès que possible. Pour ajouter des informations, répondez à ce message.\n\nLe service d’assistance',
  },
  assigned: {
    subject: 'Votre demande est prise en charge : {{summary}}',
    body: 'Bonjour {{requester}},\n\nVotre demande {{ticket}} (« {{summary}} ») est maintenant traitée par {{group}}.\nRépondez à ce message pour ajouter des informations.\n\nLe service d’assistance',
  },
  escalated: {
    subject: 'Transmis à {{group}} : {{summary}}',
    body: 'Le ticket {{ticket}} (« {{summary}} ») de {{requester}} a été transmis à {{group}}.\nStatut actuel : {{status}}.\n\nLe service d’assistance',
  },
  waiting: {
    subject: 'Nous attendons votre réponse : {{summary}}',
    body: 'Bonjour {{requester}},\n\nPour poursuivre le traitement de votre demande {{ticket}} (« {{summary}} »), nous avons besoin d’informations de votre part. Merci de répondre à ce message.\n\nLe service d’assistance',
  },
  resolved: {
    subject: 'Résolu : {{summary}}',
    body: 'Bonjour {{requester}},\n\nNous avons résolu votre demande {{ticket}} (« {{summary}} »).\n{{resolution}}\n\nTout fonctionne-t-il ? Répondez « oui, ça marche » ou « non ».\n\nLe service d’assistance',
  },
  closed: {
    subject: 'Clôturé : {{summary}}',
    body: 'Bonjour {{requester}},\n\nVotre demande {{ticket}} (« {{summary}} ») est clôturée.\n\nÊtes-vous satisfait de notre aide ? Répondez par un chiffre de 1 à 5 (1 = pas du tout satisfait, 5 = très satisfait).\n\nLe service d’assistance',
  },
};

const EL: Texts = {
  received: {
    subject: 'Λάβαμε το αίτημά σας: {{summary}}',
    body: 'Αγαπητέ/ή {{requester}},\n\nΛάβαμε το αίτημά σας και το καταχωρίσαμε ως δελτίο {{ticket}}: «{{summary}}».\nΘα επικοινωνήσουμε μαζί σας το συντομότερο. Για να προσθέσετε πληροφορίες, απαντήστε σε αυτό το μήνυμα.\n\nΗ υπηρεσία υποστήριξης',
  },
  assigned: {
    subject: 'Το αίτημά σας εξετάζεται: {{summary}}',
    body: 'Αγαπητέ/ή {{requester}},\n\nΤο αίτημά σας {{ticket}} («{{summary}}») το χειρίζεται τώρα η ομάδα {{group}}.\nΑπαντήστε σε αυτό το μήνυμα για να προσθέσετε πληροφορίες.\n\nΗ υπηρεσία υποστήριξης',
  },
  escalated: {
    subject: 'Κλιμάκωση προς {{group}}: {{summary}}',
    body: 'Το δελτίο {{ticket}} («{{summary}}») του/της {{requester}} κλιμακώθηκε προς {{group}}.\nΤρέχουσα κατάσταση: {{status}}.\n\nΗ υπηρεσία υποστήριξης',
  },
  waiting: {
    subject: 'Χρειαζόμαστε την απάντησή σας: {{summary}}',
    body: 'Αγαπητέ/ή {{requester}},\n\nΓια να συνεχίσουμε με το αίτημά σας {{ticket}} («{{summary}}») χρειαζόμαστε πληροφορίες από εσάς. Παρακαλούμε απαντήστε σε αυτό το μήνυμα.\n\nΗ υπηρεσία υποστήριξης',
  },
  resolved: {
    subject: 'Επιλύθηκε: {{summary}}',
    body: 'Αγαπητέ/ή {{requester}},\n\nΕπιλύσαμε το αίτημά σας {{ticket}} («{{summary}}»).\n{{resolution}}\n\nΛειτουργεί; Απαντήστε «ναι, λειτουργεί» ή «όχι».\n\nΗ υπηρεσία υποστήριξης',
  },
  closed: {
    subject: 'Έκλεισε: {{summary}}',
    body: 'Αγαπητέ/ή {{requester}},\n\nΤο αίτημά σας {{ticket}} («{{summary}}») έκλεισε.\n\nΠόσο ικανοποιημένοι είστε από τη βοήθειά μας; Απαντήστε με ένα ψηφίο από 1 έως 5 (1 = καθόλου, 5 = πολύ ικανοποιημένοι).\n\nΗ υπηρεσία υποστήριξης',
  },
};

const DEFAULTS: Record<Language, Texts> = { en: EN, nl: NL, fr: FR, el: EL };

/** The built-in text of an event's template in a language; every one is switched on. */
export function defaultTemplate(event: MailTemplateEvent, language: Language): MailTemplate {
  return {
    event,
    language,
    enabled: true,
    ...DEFAULTS[language][event],
    isDefault: true,
    updatedBy: null,
    updatedAt: null,
  };
}

const STATUS_LABELS: Record<Language, Record<string, string>> = {
  en: {
    new: 'new',
    in_progress: 'in progress',
    waiting_on_user: 'waiting for you',
    waiting_on_vendor: 'waiting on a supplier',
    resolved: 'resolved',
    closed: 'closed',
    reopened: 'reopened',
  },
  nl: {
    new: 'nieuw',
    in_progress: 'in behandeling',
    waiting_on_user: 'wacht op u',
    waiting_on_vendor: 'wacht op een leverancier',
    resolved: 'opgelost',
    closed: 'gesloten',
    reopened: 'heropend',
  },
  fr: {
    new: 'nouveau',
    in_progress: 'en cours',
    waiting_on_user: 'en attente de votre réponse',
    waiting_on_vendor: 'en attente d’un fournisseur',
    resolved: 'résolu',
    closed: 'clôturé',
    reopened: 'rouvert',
  },
  el: {
    new: 'νέο',
    in_progress: 'σε εξέλιξη',
    waiting_on_user: 'αναμονή για εσάς',
    waiting_on_vendor: 'αναμονή προμηθευτή',
    resolved: 'επιλύθηκε',
    closed: 'έκλεισε',
    reopened: 'άνοιξε ξανά',
  },
};

/** A ticket status as a requester reads it, in their language. */
export const statusText = (status: string, language: Language): string =>
  STATUS_LABELS[language][status] ?? status;

/** The values a preview without a ticket shows. */
export function sampleValues(language: Language): TemplateValues {
  const samples: Record<Language, Omit<TemplateValues, 'ticket' | 'status'>> = {
    en: {
      summary: 'The printer on floor 2 jams',
      requester: 'Ann de Vries',
      group: 'Workplace support',
      resolution: 'The paper tray was replaced.',
    },
    nl: {
      summary: 'De printer op verdieping 2 loopt vast',
      requester: 'Ann de Vries',
      group: 'Werkplekondersteuning',
      resolution: 'De papierlade is vervangen.',
    },
    fr: {
      summary: 'L’imprimante du 2e étage se bloque',
      requester: 'Marie Dubois',
      group: 'Support poste de travail',
      resolution: 'Le bac à papier a été remplacé.',
    },
    el: {
      summary: 'Ο εκτυπωτής στον 2ο όροφο μπλοκάρει',
      requester: 'Γιώργος Παπαδόπουλος',
      group: 'Υποστήριξη θέσεων εργασίας',
      resolution: 'Ο δίσκος χαρτιού αντικαταστάθηκε.',
    },
  };
  return { ...samples[language], ticket: '#123', status: statusText('in_progress', language) };
}

/** The ticket number a sample preview shows in its subject's reference. */
export const SAMPLE_TICKET_ID = 123;
