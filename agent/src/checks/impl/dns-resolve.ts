import { Resolver } from 'node:dns/promises';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { CheckFactsOf, CheckParams } from '@deskside/core';
import type { CheckImplementation } from '../context';
import { errorCode, outcome, round1 } from '../outcome';

const MAX_ANSWERS = 20;

const NOT_FOUND = new Set(['ENOTFOUND', 'ENODATA']);
const TIMEOUT = new Set(['ETIMEOUT', 'ECANCELLED']);

type RecordType = CheckParams<'dns.resolve'>['type'];

/** Every answer as one line of text, whatever the record type. */
function describeAnswers(type: RecordType, answers: unknown[]): string[] {
  return answers.slice(0, MAX_ANSWERS).map((answer) => {
    if (typeof answer === 'string') return answer;
    if (Array.isArray(answer)) return answer.join(''); // TXT: chunks of one record
    if (type === 'MX') {
      const mx = answer as { priority: number; exchange: string };
      return `${mx.priority} ${mx.exchange}`;
    }
    const srv = answer as { priority: number; weight: number; port: number; name: string };
    return `${srv.priority} ${srv.weight} ${srv.port} ${srv.name}`;
  });
}

/**
 * Asks DNS itself through c-ares (not the OS's getaddrinfo): it does not block Node's thread
 * pool, it can be cancelled, and it answers the question asked, "does DNS resolve this?".
 */
export const dnsResolve: CheckImplementation<
  CheckParams<'dns.resolve'>,
  CheckFactsOf<'dns.resolve'>
> = async (params, ctx) => {
  const resolver = new Resolver({ timeout: params.waitMs, tries: 1 });
  if (params.server) {
    const host = net.isIPv6(params.server) ? `[${params.server}]` : params.server;
    resolver.setServers([`${host}:${params.port}`]);
  }
  const servers = resolver.getServers();
  const cancel = () => {
    resolver.cancel();
  };
  ctx.signal.addEventListener('abort', cancel, { once: true });
  const started = performance.now();
  const facts = { name: params.name, type: params.type, servers };
  try {
    const answers = (await resolver.resolve(params.name, params.type)) as unknown[];
    return outcome('pass', 'dns.resolve.ok', {
      ...facts,
      answers: describeAnswers(params.type, answers),
      ms: round1(performance.now() - started),
    });
  } catch (error) {
    const code = errorCode(error) ?? null;
    const failed = { ...facts, errorCode: code };
    if (code !== null && NOT_FOUND.has(code))
      return outcome('fail', 'dns.resolve.not_found', failed);
    if (code !== null && TIMEOUT.has(code)) return outcome('fail', 'dns.resolve.timeout', failed);
    return outcome('fail', 'dns.resolve.failed', failed);
  } finally {
    ctx.signal.removeEventListener('abort', cancel);
  }
};
