export type { CheckContext, Exec, ExecResult, SystemProbes } from './context';
export { catalogChecks, type RunnableCheck } from './registry';
export {
  CheckRunner,
  DEFAULT_MAX_CONCURRENT_CHECKS,
  DEFAULT_MAX_CONCURRENT_PER_BATCH,
  InvalidCheckRequest,
  UndeclaredFacts,
  type CheckRunnerOptions,
  type CheckToRun,
} from './runner';
