import { z } from 'zod';
import { NonEmptyTextSchema, TextListSchema, TextSchema } from './common';

export const DefaultGatewaySchema = z.object({
  address: NonEmptyTextSchema,
  /** The interface the route leaves through; "" when unknown. */
  interface: TextSchema,
});
export type DefaultGateway = z.infer<typeof DefaultGatewaySchema>;

/** How the machine reaches the rest of the network: default gateways and DNS resolvers. */
export const NetworkConfigSchema = z.object({
  defaultGateways: z.object({
    ip4: z.array(DefaultGatewaySchema),
    ip6: z.array(DefaultGatewaySchema),
  }),
  /** The resolvers the machine asks, in order (the upstream ones behind a local stub). */
  dnsServers: TextListSchema,
  searchDomains: TextListSchema,
});
export type NetworkConfig = z.infer<typeof NetworkConfigSchema>;
