import { DesksideError } from '@deskside/core';
import { probeAgent, type AgentEndpoint, type PinnedEndpoint } from './agent-client';

/** The agent's certificate, once it is shown to be the one the analyst confirmed. */
export async function confirmedEndpoint(
  input: AgentEndpoint & { fingerprint: string },
  nothingDone = 'Nothing was added.',
): Promise<PinnedEndpoint> {
  const presented = await probeAgent(input);
  if (presented.fingerprint !== input.fingerprint) {
    throw new DesksideError(
      'certificate_mismatch',
      `The agent at ${input.address}:${input.port} presents certificate ${presented.fingerprint}, not the one you confirmed (${input.fingerprint}). ${nothingDone}`,
    );
  }
  return {
    address: input.address,
    port: input.port,
    certPem: presented.certPem,
    fingerprint: presented.fingerprint,
  };
}
