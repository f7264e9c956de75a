import {
  describeCheckCatalog,
  type ApiMethod,
  type ApiOutput,
  type ApiParsedInput,
  type AppInfo,
} from '@deskside/core';
import type { MachineService } from '../machines/machine-service';
import type { TicketService } from '../tickets/ticket-service';

/** One function per contract method: the console's whole API surface. */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>>;
};

export interface HandlerDeps {
  info: AppInfo;
  machines: MachineService;
  tickets: TicketService;
}

export function createApiHandlers({ info, machines, tickets }: HandlerDeps): ApiHandlers {
  const actor = info.analyst;
  return {
    'app.info': () => Promise.resolve(info),
    'machines.list': () => machines.list(),
    'machines.get': ({ id }) => machines.get(id),
    'machines.probe': (input) => machines.probe(input),
    'machines.add': (input) => machines.add(input),
    'machines.pair': (input) => machines.pair(input),
    'machines.inventory': ({ id }) => machines.inventory(id),
    'machines.runChecks': ({ id, checks }) => machines.runChecks(id, checks),
    'checks.catalog': () => Promise.resolve(describeCheckCatalog()),
    'tickets.list': () => tickets.list(),
    'tickets.get': ({ id }) => tickets.get(id),
    'tickets.create': (input) => tickets.create(input, actor),
    'tickets.attachInventory': (input) => tickets.attachInventory(input, actor),
  };
}
