import { z } from 'zod';
import { AGENT_AND_SSH_TRANSPORTS, AGENT_TRANSPORTS, ALL_OSES, defineCheck } from './definition';
import {
  ClockOffsetFactsSchema,
  DnsRecordTypeSchema,
  DnsResolveFactsSchema,
  HttpMethodSchema,
  HttpReachFactsSchema,
  NetworkGatewayFactsSchema,
  NetworkInterfacesFactsSchema,
  TcpPortFactsSchema,
} from './facts-network';
import {
  DnsNameSchema,
  HostSchema,
  HttpUrlSchema,
  InterfaceNameSchema,
  IpAddressSchema,
  PortNumberSchema,
  thresholdsInOrder,
} from './params';

const waitMs = (defaultMs: number) => z.number().int().min(100).max(10_000).default(defaultMs);

/** Checks of the machine's network, seen from the machine. */
export const networkChecks = {
  'network.interfaces': defineCheck({
    summary: 'Network interfaces are up',
    description:
      'Whether the interface `name` is up with an address, or without `name` whether at least one non-loopback interface is.',
    params: z.object({ name: InterfaceNameSchema.optional() }).strict(),
    timeoutMs: 10_000,
    transports: AGENT_AND_SSH_TRANSPORTS,
    os: ALL_OSES,
    codes: [
      'network.interfaces.up',
      'network.interfaces.down',
      'network.interfaces.missing',
      'network.interfaces.no_address',
    ],
    facts: NetworkInterfacesFactsSchema,
  }),

  'network.gateway': defineCheck({
    summary: 'Default gateway reachable',
    description:
      'Finds the default gateway and pings it once; where no ping program exists, a TCP connection attempt that the gateway answers (even with a refusal) counts as reachable.',
    params: z.object({ waitMs: waitMs(2_000) }).strict(),
    timeoutMs: 10_000,
    transports: AGENT_AND_SSH_TRANSPORTS,
    os: ALL_OSES,
    codes: ['network.gateway.reachable', 'network.gateway.unreachable', 'network.gateway.none'],
    facts: NetworkGatewayFactsSchema,
  }),

  'dns.resolve': defineCheck({
    summary: 'DNS resolves a name',
    description:
      'Asks the machine’s DNS servers (or `server`) for records of `name`, as DNS answers them (the hosts file is not consulted).',
    params: z
      .object({
        name: DnsNameSchema,
        type: DnsRecordTypeSchema.default('A'),
        server: IpAddressSchema.optional(),
        port: PortNumberSchema.default(53),
        waitMs: waitMs(3_000),
      })
      .strict(),
    timeoutMs: 15_000,
    transports: AGENT_TRANSPORTS,
    os: ALL_OSES,
    codes: ['dns.resolve.ok', 'dns.resolve.not_found', 'dns.resolve.timeout', 'dns.resolve.failed'],
    facts: DnsResolveFactsSchema,
  }),

  'http.reach': defineCheck({
    summary: 'A web address answers',
    description:
      'One HTTP(S) request to `url` (redirects are reported, not followed; the body is not kept). 2xx and 3xx pass, 4xx warns, 5xx and connection or certificate errors fail; with `expectStatus`, only those statuses pass.',
    params: z
      .object({
        url: HttpUrlSchema,
        method: HttpMethodSchema.default('GET'),
        expectStatus: z.array(z.number().int().min(100).max(599)).min(1).max(10).optional(),
        warnCertDays: z.number().int().min(0).max(365).default(14),
        waitMs: waitMs(10_000),
      })
      .strict(),
    timeoutMs: 15_000,
    transports: AGENT_TRANSPORTS,
    os: ALL_OSES,
    codes: [
      'http.reach.ok',
      'http.reach.client_error',
      'http.reach.server_error',
      'http.reach.unexpected_status',
      'http.reach.unreachable',
      'http.reach.timeout',
      'http.reach.tls_error',
      'http.reach.cert_expiring',
    ],
    facts: HttpReachFactsSchema,
  }),

  'tcp.port': defineCheck({
    summary: 'A TCP port is open',
    description:
      'Opens a TCP connection to `host`:`port` and closes it again; sends nothing. Over SSH, the machine opens it (a forwarded connection, which the SSH server must allow).',
    params: z.object({ host: HostSchema, port: PortNumberSchema, waitMs: waitMs(3_000) }).strict(),
    timeoutMs: 15_000,
    transports: AGENT_AND_SSH_TRANSPORTS,
    os: ALL_OSES,
    codes: [
      'tcp.port.open',
      'tcp.port.refused',
      'tcp.port.timeout',
      'tcp.port.unreachable',
      'tcp.port.name_not_found',
    ],
    facts: TcpPortFactsSchema,
  }),

  'clock.offset': defineCheck({
    summary: 'Clock offset',
    description:
      'Asks an NTP server (SNTP over UDP) for the time and compares it with the machine’s clock. Kerberos sign-in fails beyond five minutes.',
    params: z
      .object({
        server: HostSchema.default('pool.ntp.org'),
        port: PortNumberSchema.default(123),
        warnAboveMs: z.number().int().min(0).max(86_400_000).default(2_000),
        failAboveMs: z.number().int().min(0).max(86_400_000).default(60_000),
        waitMs: waitMs(3_000),
      })
      .strict()
      .refine(...thresholdsInOrder('warnAboveMs', 'failAboveMs', 'above')),
    timeoutMs: 15_000,
    transports: AGENT_TRANSPORTS,
    os: ALL_OSES,
    codes: [
      'clock.offset.ok',
      'clock.offset.drift',
      'clock.offset.large',
      'clock.offset.source_unreachable',
      'clock.offset.bad_reply',
    ],
    facts: ClockOffsetFactsSchema,
  }),
};
