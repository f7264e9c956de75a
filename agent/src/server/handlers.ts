import type { z } from 'zod';
import type { AgentRouteId, AgentRoutes, AgentRouteSpec } from '@deskside/core';
import type { RequestContext } from './context';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler receives: its route's query and body, already validated. */
export interface RouteInput<Spec extends AgentRouteSpec> {
  query: Parsed<Spec['query']>;
  body: Parsed<Spec['body']>;
}

/** One handler per route of core's `agentRoutes`; the compiler refuses a missing one. */
export type AgentHandlers = {
  [K in AgentRouteId]: (
    ctx: RequestContext,
    input: RouteInput<AgentRoutes[K]>,
  ) => Promise<z.input<AgentRoutes[K]['response']>>;
};
