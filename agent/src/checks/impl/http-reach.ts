import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { TLSSocket } from 'node:tls';
import type { CheckFactsOf, CheckOutcomeOf, CheckParams } from '@deskside/core';
import { AGENT_VERSION } from '../../version';
import type { CheckImplementation } from '../context';
import { errorCode, outcome, round1 } from '../outcome';

const DAY_MS = 86_400_000;

interface HttpAnswer {
  status: number;
  ms: number;
  location: string | null;
  certValidTo: string | null;
}

type HttpFailure = { kind: 'timeout' | 'tls_error' | 'unreachable'; errorCode: string | null };

const isTlsError = (code: string | null) =>
  code !== null && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code);

/** One request; the answer's status and headers, never its body. */
function fetchHead(
  params: CheckParams<'http.reach'>,
  signal: AbortSignal,
): Promise<HttpAnswer | HttpFailure> {
  return new Promise((resolve) => {
    const url = new URL(params.url);
    const client = url.protocol === 'https:' ? https : http;
    const started = performance.now();
    let timedOut = false;
    const req = client.request(url, {
      method: params.method,
      agent: false,
      signal,
      headers: { 'user-agent': `deskside-agent/${AGENT_VERSION}`, accept: '*/*' },
    });
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy();
    }, params.waitMs);
    req.once('response', (res) => {
      clearTimeout(timer);
      const cert = res.socket instanceof TLSSocket ? res.socket.getPeerCertificate() : null;
      resolve({
        status: res.statusCode ?? 0,
        ms: round1(performance.now() - started),
        location: res.headers.location ?? null,
        certValidTo: cert?.valid_to ? new Date(cert.valid_to).toISOString() : null,
      });
      res.destroy();
    });
    req.once('error', (error) => {
      clearTimeout(timer);
      const code = errorCode(error) ?? null;
      if (timedOut || code === 'ABORT_ERR') resolve({ kind: 'timeout', errorCode: code });
      else resolve({ kind: isTlsError(code) ? 'tls_error' : 'unreachable', errorCode: code });
    });
    req.end();
  });
}

export function judgeHttpAnswer(
  params: CheckParams<'http.reach'>,
  answer: HttpAnswer,
  now: number,
): CheckOutcomeOf<'http.reach'> {
  const certDaysLeft =
    answer.certValidTo === null
      ? null
      : Math.floor((Date.parse(answer.certValidTo) - now) / DAY_MS);
  const facts = {
    url: params.url,
    method: params.method,
    status: answer.status,
    ms: answer.ms,
    location: answer.location,
    certValidTo: answer.certValidTo,
    certDaysLeft,
  };
  if (params.expectStatus) {
    if (!params.expectStatus.includes(answer.status)) {
      return outcome('fail', 'http.reach.unexpected_status', {
        ...facts,
        expectStatus: params.expectStatus,
      });
    }
  } else if (answer.status >= 500) {
    return outcome('fail', 'http.reach.server_error', facts);
  } else if (answer.status >= 400) {
    return outcome('warn', 'http.reach.client_error', facts);
  }
  if (certDaysLeft !== null && certDaysLeft < params.warnCertDays) {
    return outcome('warn', 'http.reach.cert_expiring', facts);
  }
  return outcome('pass', 'http.reach.ok', facts);
}

export const httpReach: CheckImplementation<
  CheckParams<'http.reach'>,
  CheckFactsOf<'http.reach'>
> = async (params, ctx) => {
  const answer = await fetchHead(params, ctx.signal);
  if ('kind' in answer) {
    return outcome('fail', `http.reach.${answer.kind}`, {
      url: params.url,
      method: params.method,
      errorCode: answer.errorCode,
    });
  }
  return judgeHttpAnswer(params, answer, Date.now());
};
