import { DesksideError } from '@deskside/core';
import type { AgentEndpoint } from './agent-client';

// How a failed exchange with an agent is told to the analyst: what happened, where.

const CERTIFICATE_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'ERR_DESKSIDE_FINGERPRINT',
]);

export const where = (e: AgentEndpoint) =>
  e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;

export function describeNetworkError(
  endpoint: AgentEndpoint,
  error: NodeJS.ErrnoException,
): DesksideError {
  if (error.code && CERTIFICATE_ERRORS.has(error.code)) {
    return new DesksideError(
      'certificate_mismatch',
      `The agent at ${where(endpoint)} presented a different certificate than the one pinned for it. ` +
        'If the agent was reinstalled, remove and add the machine again; otherwise someone may be intercepting the connection.',
    );
  }
  const reason: Record<string, string> = {
    ECONNREFUSED: 'nothing is listening there (is the agent running?)',
    ENOTFOUND: 'the name does not resolve',
    EHOSTUNREACH: 'the host is unreachable',
    ENETUNREACH: 'the network is unreachable',
    ETIMEDOUT: 'it did not answer in time',
    ECONNRESET: 'the connection was reset',
  };
  const why = (error.code && reason[error.code]) ?? error.message;
  return new DesksideError(
    'machine_unreachable',
    `Could not reach the agent at ${where(endpoint)}: ${why}`,
  );
}
