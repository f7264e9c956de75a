/**
 * Small UDP servers on 127.0.0.1 for the network checks' tests: a DNS server that knows a
 * few A records, and an SNTP server whose clock is off by a chosen amount. Each can also be
 * made to stay silent, like a black-holed port.
 */
import dgram from 'node:dgram';
import { NTP_PACKET_BYTES, preciseNow, writeNtpTime } from '../../agent/src/checks/sntp';

export interface UdpServer {
  port: number;
  /** Datagrams received so far. */
  received: number;
  /** For a server that holds its answers: sends them now. */
  release(): void;
  close(): Promise<void>;
}

async function startUdp(
  answer: (query: Buffer) => Buffer | null,
  hold = false,
): Promise<UdpServer> {
  const socket = dgram.createSocket('udp4');
  const held: (() => void)[] = [];
  let released = !hold;
  const server: UdpServer = {
    port: 0,
    received: 0,
    release: () => {
      released = true;
      for (const send of held.splice(0)) send();
    },
    close: () =>
      new Promise((resolve) =>
        socket.close(() => {
          resolve();
        }),
      ),
  };
  socket.on('message', (query, from) => {
    server.received++;
    const send = () => {
      const reply = answer(query);
      if (reply) socket.send(reply, from.port, from.address);
    };
    if (released) send();
    else held.push(send);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  server.port = socket.address().port;
  return server;
}

/** The name in a DNS question, and where the question section ends. */
function readQuestion(query: Buffer): { name: string; end: number } {
  const labels: string[] = [];
  let offset = 12;
  while (query[offset]! > 0) {
    const length = query[offset]!;
    labels.push(query.subarray(offset + 1, offset + 1 + length).toString('ascii'));
    offset += length + 1;
  }
  return { name: labels.join('.').toLowerCase(), end: offset + 5 }; // zero byte, type, class
}

/**
 * A DNS server answering A queries from `records` (name -> IPv4) and NXDOMAIN for any other
 * name; with `silent`, it never answers.
 */
export function startDnsServer(
  records: Record<string, string>,
  silent = false,
): Promise<UdpServer> {
  return startUdp((query) => {
    if (silent) return null;
    const { name, end } = readQuestion(query);
    const address = records[name];
    const header = Buffer.alloc(12);
    query.copy(header, 0, 0, 2); // the query's id
    header.writeUInt16BE(address ? 0x8180 : 0x8183, 2); // response, recursion, NOERROR or NXDOMAIN
    header.writeUInt16BE(1, 4); // one question
    header.writeUInt16BE(address ? 1 : 0, 6); // answers
    const question = query.subarray(12, end);
    if (!address) return Buffer.concat([header, question]);
    const answer = Buffer.alloc(16);
    answer.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    answer.writeUInt16BE(1, 2); // A
    answer.writeUInt16BE(1, 4); // IN
    answer.writeUInt32BE(60, 6); // TTL
    answer.writeUInt16BE(4, 10);
    address.split('.').forEach((part, i) => answer.writeUInt8(Number(part), 12 + i));
    return Buffer.concat([header, question, answer]);
  });
}

export type SntpBehaviour =
  { offsetMs: number; hold?: boolean } | { kissOfDeath: true } | { silent: true };

/**
 * An SNTP server whose clock runs `offsetMs` ahead of ours (or that refuses, or is silent).
 * With `hold`, it answers only once `release()` is called: a check as slow as the test wants.
 */
export function startSntpServer(behaviour: SntpBehaviour): Promise<UdpServer> {
  const hold = 'offsetMs' in behaviour && behaviour.hold === true;
  return startUdp((query) => {
    if ('silent' in behaviour) return null;
    const reply = Buffer.alloc(NTP_PACKET_BYTES);
    reply[0] = (4 << 3) | 4; // version 4, server
    reply[1] = 'kissOfDeath' in behaviour ? 0 : 2; // stratum
    query.copy(reply, 24, 40, 48); // originate = the client's transmit time
    const offset = 'offsetMs' in behaviour ? behaviour.offsetMs : 0;
    writeNtpTime(reply, 32, preciseNow() + offset); // received
    writeNtpTime(reply, 40, preciseNow() + offset); // transmitted
    return reply;
  }, hold);
}
