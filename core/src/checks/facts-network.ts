import { z } from 'zod';
import {
  BooleanSchema,
  CountSchema,
  IntegerSchema,
  MeasureSchema,
  NonNegativeSchema,
  NullableDateTimeSchema,
  NullableIntegerSchema,
  NullableNonNegativeSchema,
  NullableTextSchema,
  TextListSchema,
  TextSchema,
} from '../facts/common';

/* What the network checks report, one schema per check (see facts-system.ts). */

/** The record types `dns.resolve` asks for: a parameter, and a fact of every answer. */
export const DnsRecordTypeSchema = z.enum(['A', 'AAAA', 'CNAME', 'MX', 'SRV', 'TXT']);
export type DnsRecordType = z.infer<typeof DnsRecordTypeSchema>;

export const HttpMethodSchema = z.enum(['GET', 'HEAD']);

/** Why an NTP server gave no usable time. */
export const TimeSourceFailureSchema = z.enum(['unreachable', 'timeout', 'bad_reply']);
export type TimeSourceFailure = z.infer<typeof TimeSourceFailureSchema>;

/** An interface as the check shows it. */
export const InterfaceStateSchema = z.strictObject({
  name: TextSchema,
  up: BooleanSchema,
  addresses: TextListSchema,
});

export const NetworkInterfacesFactsSchema = z.union([
  /** The interface asked for (`name`), or those that count without a name. */
  z.strictObject({ name: TextSchema.optional(), interfaces: z.array(InterfaceStateSchema) }),
  /** `network.interfaces.missing`, with the names there are. */
  z.strictObject({ name: TextSchema, available: TextListSchema }),
]);

export const NetworkGatewayFactsSchema = z.union([
  /** `network.gateway.reachable`: how it answered, and how fast when the OS says. */
  z.strictObject({
    gateway: TextSchema,
    method: z.enum(['icmp', 'tcp']),
    rttMs: NullableNonNegativeSchema,
  }),
  /** `network.gateway.unreachable`: what was tried. */
  z.strictObject({ gateway: TextSchema, method: z.enum(['icmp+tcp', 'tcp']) }),
  /** `network.gateway.none`: no gateway, or one that is not an IP address. */
  z.strictObject({ gateway: NullableTextSchema }),
]);

const dnsQuestion = { name: TextSchema, type: DnsRecordTypeSchema, servers: TextListSchema };

export const DnsResolveFactsSchema = z.union([
  /** Every answer as one line of text, whatever the record type. */
  z.strictObject({ ...dnsQuestion, answers: TextListSchema, ms: NonNegativeSchema }),
  z.strictObject({ ...dnsQuestion, errorCode: NullableTextSchema }),
]);

export const HttpReachFactsSchema = z.union([
  /** The server answered: its status and headers, never its body. */
  z.strictObject({
    url: TextSchema,
    method: HttpMethodSchema,
    status: CountSchema,
    ms: NonNegativeSchema,
    location: NullableTextSchema,
    certValidTo: NullableDateTimeSchema,
    certDaysLeft: NullableIntegerSchema,
    /** Only with `http.reach.unexpected_status`. */
    expectStatus: z.array(CountSchema).optional(),
  }),
  /** No answer: unreachable, timed out, or the TLS handshake failed. */
  z.strictObject({ url: TextSchema, method: HttpMethodSchema, errorCode: NullableTextSchema }),
]);

export const TcpPortFactsSchema = z.strictObject({
  host: TextSchema,
  port: CountSchema,
  /** Time to the answer (connect or refusal); null without one. */
  connectMs: NullableNonNegativeSchema,
  remoteAddress: NullableTextSchema,
  errorCode: NullableTextSchema,
});

const timeSource = { server: TextSchema, port: CountSchema };

export const ClockOffsetFactsSchema = z.union([
  z.strictObject({
    ...timeSource,
    serverAddress: TextSchema,
    /** How far the server's clock is ahead of the machine's (negative: behind), ms. */
    offsetMs: MeasureSchema,
    roundTripMs: MeasureSchema,
    stratum: IntegerSchema,
    warnAboveMs: CountSchema,
    failAboveMs: CountSchema,
  }),
  z.strictObject({ ...timeSource, reason: TimeSourceFailureSchema }),
]);
