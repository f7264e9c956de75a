export type {
  CheckContext,
  CpuTimes,
  Exec,
  ExecResult,
  FileSystemSpace,
  InterfaceFacts,
  ProcessFacts,
  SystemProbes,
} from './context';
export type { TcpProbe, TcpProbeResult } from './tcp-probe';
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
