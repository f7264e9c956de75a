/**
 * The API's schemas (and through them the check catalog and the inventory document), which
 * the agent loads with the first request that needs them: an idle agent holds none.
 */
export { AgentHealthSchema, agentRoutes } from '@deskside/core';
