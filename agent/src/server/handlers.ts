import type { z } from 'zod';
import type { AgentRouteId, AgentRoutes, AgentRouteSpec, PreparedJson } from '@deskside/core';
import type { RequestContext } from './context';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler receives: its route's query and body, already validated. */
export interface RouteInput<Spec extends AgentRouteSpec> {
  query: Parsed<Spec['query']>;
  body: Parsed<Spec['body']>;
}

/**
 * A JSON answer (an object, or already serialised), or for a streaming route the values to write one per line (once what they
 * need is loaded and the request is accepted: a refusal is still an ordinary error answer).
 */
type Reply<Spec extends AgentRouteSpec> = Spec extends { stream: true }
  ? Promise<AsyncIterable<z.input<Spec['response']>>>
  : Promise<z.input<Spec['response']> | PreparedJson<z.input<Spec['response']>>>;

/** One handler per route of core's `agentRoutes`; the compiler refuses a missing one. */
export type AgentHandlers = {
  [K in AgentRouteId]: (
    ctx: RequestContext,
    input: RouteInput<AgentRoutes[K]>,
  ) => Reply<AgentRoutes[K]>;
};
