/**
 * systeminformation, loaded on first use: an idle agent never holds it. Its slow probes
 * (`getAllData()`, `versions()` without a filter) are never called by the agent.
 */
export async function systemInformation() {
  return (await import('systeminformation')).default;
}
