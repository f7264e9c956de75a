/**
 * The employee's help page, served in fleet mode on http://127.0.0.1:<port> only (never on
 * another address). A page elsewhere must not be able to use it:
 * - a request whose Host is not this loopback address and port is refused (DNS rebinding: a
 *   name of the attacker's that resolves to 127.0.0.1 still carries its own Host);
 * - every form carries a token made when the agent started, compared in constant time, and a
 *   post whose Origin is not this page is refused (cross-site posts);
 * - a strict Content-Security-Policy (own script and style files only, nothing inline, nothing
 *   remote, no framing), small bodies (16 KiB), every field checked with the core's schemas.
 * The page works without its script (plain forms, answered with a redirect); the small static
 * script only reloads it when the conversation changed.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HelpFeedbackFormSchema, HelpFormSchema, HelpReplyFormSchema } from '@deskside/core';
import type { AgentLogger } from '../log';
import type { AgentHelpDesk } from './help-desk';
import { HELP_LANGUAGES, type HelpLanguage, type HelpRequestRecord } from './help-store';
import { HELP_PAGE_TEXT, type HelpPageText } from './help-page-text';

const MAX_BODY_BYTES = 16 * 1024;
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const CSS = `:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;background:#f6f7f9}
body{margin:0 auto;max-width:46rem;padding:1.5rem;line-height:1.5}
h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
nav ul{list-style:none;display:flex;gap:.75rem;padding:0;margin:0}
nav a{color:#0b4f9c}nav a[aria-current=page]{font-weight:700;color:#1a1a1a}
form,section.request{background:#fff;border:1px solid #c9ced6;border-radius:.5rem;padding:1rem;margin:.75rem 0}
label{display:block;font-weight:600;margin:.6rem 0 .2rem}
input,textarea,select{width:100%;box-sizing:border-box;font:inherit;padding:.45rem;border:1px solid #6b7280;border-radius:.3rem;background:#fff;color:#1a1a1a}
textarea{min-height:6rem}
button{font:inherit;margin-top:.75rem;padding:.5rem 1rem;border:0;border-radius:.3rem;background:#0b4f9c;color:#fff;cursor:pointer}
button.secondary{background:#1f6f3a}
:focus-visible{outline:3px solid #c2410c;outline-offset:2px}
.note{color:#374151;font-size:.95rem}.error{color:#9b1c1c;font-weight:600}
ol.conversation{list-style:none;padding:0}ol.conversation li{border-left:4px solid #0b4f9c;padding:.3rem .75rem;margin:.5rem 0;background:#f1f5fb}
ol.conversation li.employee{border-color:#6b7280;background:#f9fafb}
.meta{font-size:.85rem;color:#374151}
`;

/** Reloads the page when the conversation changed, unless the employee is typing. */
const SCRIPT = `(function(){var body=document.body;var version=body.getAttribute('data-version');
setInterval(function(){var active=document.activeElement;if(active&&(active.tagName==='TEXTAREA'||active.tagName==='INPUT')&&active.value){return;}
fetch('/version',{cache:'no-store'}).then(function(r){return r.text();}).then(function(v){if(v!==version){window.location.reload();}}).catch(function(){});},3000);})();
`;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The first language of Accept-Language the page speaks, else English. */
export function chooseLanguage(acceptLanguage: string | undefined): HelpLanguage {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((entry) => entry.tag && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return (wanted
    .map((w) => w.tag)
    .find((tag) => (HELP_LANGUAGES as readonly string[]).includes(tag)) ?? 'en') as HelpLanguage;
}

class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface HelpPageOptions {
  desk: AgentHelpDesk;
  logger: AgentLogger;
  port: number;
}

export interface HelpPage {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the page on 127.0.0.1:`port` (0: a free one). */
export async function startHelpPage(options: HelpPageOptions): Promise<HelpPage> {
  const token = randomBytes(32).toString('base64url');
  let port = options.port;
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof Refused ? error.status : 500;
      if (status === 500) options.logger.error({ err: error }, 'help page: a request failed');
      if (!res.headersSent) {
        res.writeHead(status, {
          'Content-Type': 'text/plain; charset=utf-8',
          ...securityHeaders(),
        });
      }
      res.end(status === 500 ? 'Internal error' : (error as Error).message);
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  function securityHeaders(): Record<string, string> {
    return {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      // Not no-referrer: with it a browser sends `Origin: null` on the page's own posts.
      'Referrer-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has((req.headers.host ?? '').toLowerCase())) {
      throw new Refused(421, 'This page answers on its loopback address only');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const langParam = url.searchParams.get('lang');
    const language = (HELP_LANGUAGES as readonly string[]).includes(langParam ?? '')
      ? (langParam as HelpLanguage)
      : chooseLanguage(req.headers['accept-language']);
    if (req.method === 'GET' || req.method === 'HEAD') {
      switch (url.pathname) {
        case '/': {
          send(res, 200, 'text/html', page(language, url.searchParams.get('note')));
          return;
        }
        case '/help.css': {
          send(res, 200, 'text/css', CSS);
          return;
        }
        case '/help.js': {
          send(res, 200, 'text/javascript', SCRIPT);
          return;
        }
        case '/version': {
          send(res, 200, 'text/plain', String(options.desk.store.version()));
          return;
        }
        default:
          throw new Refused(404, 'Not found');
      }
    }
    if (req.method !== 'POST') throw new Refused(405, 'Method not allowed');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      throw new Refused(403, 'Posts come from this page only');
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      throw new Refused(415, 'A form is expected');
    }
    const fields = new URLSearchParams(await readBody(req));
    const given = Buffer.from(fields.get('token') ?? '');
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      redirect(res, language, 'expired');
      return;
    }
    const formLanguage = (HELP_LANGUAGES as readonly string[]).includes(fields.get('lang') ?? '')
      ? (fields.get('lang') as HelpLanguage)
      : language;
    const requestId = fields.get('requestId') ?? '';
    const known = () => {
      if (!options.desk.store.request(requestId)) throw new Refused(404, 'No such request');
    };
    switch (url.pathname) {
      case '/request': {
        const parsed = HelpFormSchema.safeParse({
          name: fields.get('name') ?? '',
          email: fields.get('email') ?? '',
          summary: fields.get('summary') ?? '',
          description: fields.get('description') ?? '',
        });
        if (!parsed.success) {
          redirect(res, formLanguage, 'invalid');
          return;
        }
        await options.desk.submit(parsed.data, formLanguage);
        redirect(res, formLanguage, 'sent');
        return;
      }
      case '/reply': {
        known();
        const parsed = HelpReplyFormSchema.safeParse({ body: fields.get('body') ?? '' });
        if (!parsed.success) {
          redirect(res, formLanguage, 'invalid');
          return;
        }
        await options.desk.followUp(requestId, { type: 'reply', body: parsed.data.body });
        redirect(res, formLanguage, null);
        return;
      }
      case '/works':
        known();
        await options.desk.followUp(requestId, { type: 'works' });
        {
          redirect(res, formLanguage, null);
          return;
        }
      case '/feedback': {
        known();
        const parsed = HelpFeedbackFormSchema.safeParse({
          rating: Number(fields.get('rating')),
          comment: fields.get('comment') ?? '',
        });
        if (!parsed.success) {
          redirect(res, formLanguage, 'invalid');
          return;
        }
        await options.desk.followUp(requestId, { type: 'feedback', ...parsed.data });
        redirect(res, formLanguage, null);
        return;
      }
      default:
        throw new Refused(404, 'Not found');
    }
  }

  function send(res: ServerResponse, status: number, type: string, body: string): void {
    res.writeHead(status, {
      'Content-Type': `${type}; charset=utf-8`,
      'Content-Length': Buffer.byteLength(body),
      ...securityHeaders(),
    });
    res.end(body);
  }

  function redirect(res: ServerResponse, language: HelpLanguage, note: string | null): void {
    res.writeHead(303, {
      Location: `/?lang=${language}${note ? `&note=${note}` : ''}`,
      ...securityHeaders(),
    });
    res.end();
  }

  function page(language: HelpLanguage, note: string | null): string {
    const t = HELP_PAGE_TEXT[language];
    const requests = [...options.desk.store.requests()].reverse();
    const hidden = `<input type="hidden" name="token" value="${token}"><input type="hidden" name="lang" value="${language}">`;
    const notes: Record<string, string> = {
      sent: `<p class="note" role="status">${escapeHtml(t.sentNote)}</p>`,
      invalid: `<p class="error" role="alert">${escapeHtml(t.invalid)}</p>`,
      expired: `<p class="error" role="alert">${escapeHtml(t.notSent)}</p>`,
    };
    const switcher = HELP_LANGUAGES.map(
      (code) =>
        `<li><a href="/?lang=${code}" lang="${code}" hreflang="${code}"${code === language ? ' aria-current="page"' : ''}>${escapeHtml(HELP_PAGE_TEXT[code].languageName)}</a></li>`,
    ).join('');
    return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title><link rel="stylesheet" href="/help.css"><script src="/help.js" defer></script></head>
<body data-version="${options.desk.store.version()}">
<nav aria-label="${escapeHtml(t.languages)}"><ul>${switcher}</ul></nav>
<main>
<h1>${escapeHtml(t.title)}</h1>
${note && notes[note] ? notes[note] : ''}
<p>${escapeHtml(t.intro)}</p>
<h2 id="requests">${escapeHtml(t.requestsTitle)}</h2>
${requests.length === 0 ? `<p>${escapeHtml(t.noRequests)}</p>` : requests.map((r) => requestSection(r, t, hidden)).join('\n')}
<h2 id="ask">${escapeHtml(t.askTitle)}</h2>
<form method="post" action="/request" aria-labelledby="ask">${hidden}
<label for="name">${escapeHtml(t.name)}</label><input id="name" name="name" required maxlength="200" autocomplete="name">
<label for="email">${escapeHtml(t.email)}</label><input id="email" name="email" type="email" required maxlength="254" autocomplete="email">
<label for="summary">${escapeHtml(t.summary)}</label><input id="summary" name="summary" required maxlength="200">
<label for="description">${escapeHtml(t.description)}</label><textarea id="description" name="description" maxlength="5000"></textarea>
<button type="submit">${escapeHtml(t.send)}</button>
</form>
</main>
</body>
</html>`;
  }

  function requestSection(request: HelpRequestRecord, t: HelpPageText, hidden: string): string {
    const id = request.requestId;
    const pending = options.desk.store
      .pending()
      .some((m) => m.type === 'request' && m.requestId === id);
    const status = pending
      ? t.waiting
      : request.ticketId === null
        ? t.withDesk
        : `${t.withDesk} – ${t.ticket} #${request.ticketId}`;
    const items = request.conversation
      .filter((item) => item.kind !== 'ticket')
      .map((item) => {
        const who =
          item.from === 'desk' ? `${t.desk}${item.author ? ` (${item.author})` : ''}` : t.you;
        const text =
          item.kind === 'works'
            ? t.worksSent
            : item.kind === 'feedback'
              ? `${t.feedbackSent} ${item.rating ?? ''}/5 ${item.body}`
              : item.body;
        return `<li class="${item.from}"><span class="meta">${escapeHtml(who)} · <time datetime="${escapeHtml(item.at)}">${escapeHtml(item.at.replace('T', ' ').slice(0, 16))}</time></span><p>${escapeHtml(text)}</p></li>`;
      })
      .join('');
    const hasFeedback = request.conversation.some((item) => item.kind === 'feedback');
    const ratingOptions = t.ratingLabels
      .map(
        (label, i) =>
          `<option value="${i + 1}"${i === 4 ? ' selected' : ''}>${escapeHtml(label)}</option>`,
      )
      .join('');
    return `<section class="request" aria-labelledby="r-${id}">
<h3 id="r-${id}">${escapeHtml(request.form.summary)}</h3>
<p class="meta">${escapeHtml(status)}</p>
<ol class="conversation">${items}</ol>
<form method="post" action="/reply">${hidden}<input type="hidden" name="requestId" value="${id}">
<label for="body-${id}">${escapeHtml(t.answer)}</label><textarea id="body-${id}" name="body" required maxlength="5000"></textarea>
<button type="submit">${escapeHtml(t.sendAnswer)}</button></form>
<form method="post" action="/works">${hidden}<input type="hidden" name="requestId" value="${id}">
<button type="submit" class="secondary">${escapeHtml(t.works)}</button></form>
${
  hasFeedback
    ? ''
    : `<form method="post" action="/feedback" aria-label="${escapeHtml(t.feedbackTitle)}">${hidden}<input type="hidden" name="requestId" value="${id}">
<label for="rating-${id}">${escapeHtml(t.rating)}</label><select id="rating-${id}" name="rating">${ratingOptions}</select>
<label for="comment-${id}">${escapeHtml(t.comment)}</label><textarea id="comment-${id}" name="comment" maxlength="2000"></textarea>
<button type="submit">${escapeHtml(t.sendFeedback)}</button></form>`
}
</section>`;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new Refused(413, 'Too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Refused(413, 'Too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
