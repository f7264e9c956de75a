import type { CheckFactsOf, CheckOutcomeOf, CheckParams } from '@deskside/core';
import type { CheckImplementation, InterfaceFacts } from '../context';
import { outcome } from '../outcome';

const MAX_LISTED = 16;

const view = (nic: InterfaceFacts) => ({
  name: nic.name,
  up: nic.up,
  addresses: nic.addresses,
});

export function judgeInterfaces(
  interfaces: InterfaceFacts[],
  name?: string,
): CheckOutcomeOf<'network.interfaces'> {
  if (name !== undefined) {
    const nic = interfaces.find((candidate) => candidate.name === name);
    if (!nic) {
      return outcome('fail', 'network.interfaces.missing', {
        name,
        available: interfaces.map((candidate) => candidate.name).slice(0, MAX_LISTED),
      });
    }
    const facts = { name, interfaces: [view(nic)] };
    if (!nic.up) return outcome('fail', 'network.interfaces.down', facts);
    if (nic.addresses.length === 0) return outcome('warn', 'network.interfaces.no_address', facts);
    return outcome('pass', 'network.interfaces.up', facts);
  }
  // Loopback never counts; virtual adapters (containers, VPN) only when nothing else exists,
  // so a running VM bridge cannot hide an unplugged cable.
  const external = interfaces.filter((nic) => !nic.internal);
  const physical = external.filter((nic) => !nic.virtual);
  const considered = physical.length > 0 ? physical : external;
  const facts = { interfaces: considered.slice(0, MAX_LISTED).map(view) };
  const up = considered.filter((nic) => nic.up);
  if (up.length === 0) return outcome('fail', 'network.interfaces.down', facts);
  if (!up.some((nic) => nic.addresses.length > 0)) {
    return outcome('warn', 'network.interfaces.no_address', facts);
  }
  return outcome('pass', 'network.interfaces.up', facts);
}

export const networkInterfaces: CheckImplementation<
  CheckParams<'network.interfaces'>,
  CheckFactsOf<'network.interfaces'>
> = async (params, ctx) => judgeInterfaces(await ctx.probes.networkInterfaces(), params.name);
