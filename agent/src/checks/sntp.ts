import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { performance } from 'node:perf_hooks';
import type { TimeSourceFailure } from '@deskside/core';

/**
 * A Simple Network Time Protocol client (RFC 4330): one 48-byte request over UDP, one reply.
 * Enough to measure a clock's offset to a few milliseconds on a LAN, without a library.
 */

export const NTP_PACKET_BYTES = 48;
/** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
const NTP_UNIX_OFFSET_S = 2_208_988_800;
const TWO_32 = 2 ** 32;
const MODE_CLIENT = 3;
const MODE_SERVER = 4;
const LEAP_ALARM = 3;

/** Why no usable time came back, as `clock.offset` reports it. */
export type SntpFailure = TimeSourceFailure;

export class SntpError extends Error {
  override readonly name = 'SntpError';
  constructor(
    readonly kind: SntpFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface SntpReply {
  /** How far the server's clock is ahead of ours (negative: ours is ahead), ms. */
  offsetMs: number;
  roundTripMs: number;
  stratum: number;
  serverAddress: string;
}

/** Wall-clock now with sub-millisecond resolution. */
export const preciseNow = (): number => performance.timeOrigin + performance.now();

/** Writes a Unix time in ms as a 64-bit NTP timestamp. */
export function writeNtpTime(buffer: Buffer, offset: number, unixMs: number): void {
  const ntpSeconds = unixMs / 1000 + NTP_UNIX_OFFSET_S;
  const seconds = Math.floor(ntpSeconds);
  buffer.writeUInt32BE(seconds % TWO_32, offset);
  buffer.writeUInt32BE(Math.floor((ntpSeconds - seconds) * TWO_32), offset + 4);
}

/** Reads a 64-bit NTP timestamp as Unix time in ms (era 1, from 2036, included). */
export function readNtpTime(buffer: Buffer, offset: number): number {
  let seconds = buffer.readUInt32BE(offset);
  // Timestamps with the top bit clear belong to era 1 (February 2036 onwards).
  if (seconds < 0x80000000) seconds += TWO_32;
  const fraction = buffer.readUInt32BE(offset + 4) / TWO_32;
  return (seconds - NTP_UNIX_OFFSET_S + fraction) * 1000;
}

export function buildRequest(transmitMs: number): Buffer {
  const packet = Buffer.alloc(NTP_PACKET_BYTES);
  packet[0] = (4 << 3) | MODE_CLIENT; // leap 0, version 4, client
  writeNtpTime(packet, 40, transmitMs);
  // The low bits of the fraction are far below the clock's resolution: make them random so
  // a reply must echo exactly this request to be believed.
  randomBytes(2).copy(packet, 46);
  return packet;
}

/** Checks a reply against the request it answers and computes the offset (RFC 4330 §5). */
export function parseReply(
  request: Buffer,
  reply: Buffer,
  receivedMs: number,
  serverAddress: string,
): SntpReply {
  if (reply.length < NTP_PACKET_BYTES) throw new SntpError('bad_reply', 'reply too short');
  const leap = reply[0]! >> 6;
  const version = (reply[0]! >> 3) & 7;
  const mode = reply[0]! & 7;
  const stratum = reply[1]!;
  if (mode !== MODE_SERVER) throw new SntpError('bad_reply', `mode ${mode} is not a server reply`);
  if (version < 3 || version > 4) throw new SntpError('bad_reply', `NTP version ${version}`);
  if (stratum === 0) throw new SntpError('bad_reply', 'kiss-o’-death (the server refuses)');
  if (stratum > 15 || leap === LEAP_ALARM) {
    throw new SntpError('bad_reply', 'the server’s own clock is not synchronised');
  }
  if (!reply.subarray(24, 32).equals(request.subarray(40, 48))) {
    throw new SntpError('bad_reply', 'the reply does not answer our request');
  }
  const t1 = readNtpTime(request, 40);
  const t2 = readNtpTime(reply, 32);
  const t3 = readNtpTime(reply, 40);
  const t4 = receivedMs;
  return {
    offsetMs: (t2 - t1 + (t3 - t4)) / 2,
    roundTripMs: Math.max(0, t4 - t1 - (t3 - t2)),
    stratum,
    serverAddress,
  };
}

async function resolve(host: string): Promise<{ address: string; family: 4 | 6 }> {
  try {
    const found = await lookup(host);
    return { address: found.address, family: found.family === 6 ? 6 : 4 };
  } catch {
    throw new SntpError('unreachable', `${host} does not resolve`);
  }
}

/** One SNTP exchange with `host`:`port`, bounded by `waitMs` and `signal`. */
export async function sntpQuery(
  host: string,
  port: number,
  waitMs: number,
  signal: AbortSignal,
): Promise<SntpReply> {
  const { address, family } = await resolve(host);
  const socket = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
  let onAbort = () => {};
  try {
    return await new Promise<SntpReply>((settle, fail) => {
      const timer = setTimeout(() => {
        fail(new SntpError('timeout', `no reply from ${host} within ${waitMs} ms`));
      }, waitMs);
      const finish = (error: SntpError | null, reply?: SntpReply) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        if (error) fail(error);
        else settle(reply!);
      };
      onAbort = () => {
        finish(new SntpError('timeout', 'cancelled'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      let request: Buffer;
      socket.on('message', (message) => {
        try {
          finish(null, parseReply(request, message, preciseNow(), address));
        } catch (error) {
          finish(error instanceof SntpError ? error : new SntpError('bad_reply', String(error)));
        }
      });
      // Connected, so the OS drops datagrams from anyone else and reports ICMP "port
      // unreachable" as an error at once instead of a silent wait.
      socket.on('error', () => {
        finish(new SntpError('unreachable', `${host} refused or cannot be reached`));
      });
      socket.connect(port, address, () => {
        request = buildRequest(preciseNow());
        socket.send(request);
      });
    });
  } finally {
    socket.close();
  }
}
