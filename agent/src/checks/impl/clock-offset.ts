import { thresholdStatus, type CheckFactsOf, type CheckParams } from '@deskside/core';
import type { CheckImplementation } from '../context';
import { graded, outcome, round1 } from '../outcome';
import { SntpError, sntpQuery } from '../sntp';

export const clockOffset: CheckImplementation<
  CheckParams<'clock.offset'>,
  CheckFactsOf<'clock.offset'>
> = async (params, ctx) => {
  const source = { server: params.server, port: params.port };
  let reply;
  try {
    reply = await sntpQuery(params.server, params.port, params.waitMs, ctx.signal);
  } catch (error) {
    if (!(error instanceof SntpError)) throw error;
    // Without an answer nothing is known about the clock: an error, not a failure.
    return outcome(
      'error',
      error.kind === 'bad_reply' ? 'clock.offset.bad_reply' : 'clock.offset.source_unreachable',
      { ...source, reason: error.kind },
    );
  }
  const offsetMs = round1(reply.offsetMs);
  return graded(
    thresholdStatus(
      Math.abs(offsetMs),
      { warn: params.warnAboveMs, fail: params.failAboveMs },
      'above',
    ),
    { pass: 'clock.offset.ok', warn: 'clock.offset.drift', fail: 'clock.offset.large' },
    {
      ...source,
      serverAddress: reply.serverAddress,
      offsetMs,
      roundTripMs: round1(reply.roundTripMs),
      stratum: reply.stratum,
      warnAboveMs: params.warnAboveMs,
      failAboveMs: params.failAboveMs,
    },
  );
};
