import type { CheckFactsOf, CheckParams } from '@deskside/core';
import type { CheckImplementation } from '../context';
import { outcome } from '../outcome';

export const tcpPort: CheckImplementation<
  CheckParams<'tcp.port'>,
  CheckFactsOf<'tcp.port'>
> = async (params, ctx) => {
  const probe = await ctx.probes.connectTcp(params.host, params.port, params.waitMs, ctx.signal);
  const facts = {
    host: params.host,
    port: params.port,
    connectMs: probe.ms,
    remoteAddress: probe.remoteAddress,
    errorCode: probe.errorCode,
  };
  if (probe.result === 'open') return outcome('pass', 'tcp.port.open', facts);
  return outcome('fail', `tcp.port.${probe.result}`, facts);
};
