import type { ApiInput, ApiMethod, ApiOutput, WireError } from '@deskside/core';
import { type ConsoleOptions, type ConsoleServices } from '../../electron/services/console';
export interface TestConsole extends ConsoleServices {
    dataDir: string;
    /** Calls through the dispatcher (as IPC and HTTP do) and returns the value or throws. */
    call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
    /** Closes the services and removes the data folder. */
    dispose(): Promise<void>;
}
export declare const TEST_ANALYST = "ana.lyst";
/** A console on a fresh SQLite file in its own temporary data folder. */
export declare function openTestConsole(options?: Partial<ConsoleOptions>): Promise<TestConsole>;
/** The wire error of a call expected to fail through `TestConsole.call`. */
export declare function callError(promise: Promise<unknown>): Promise<WireError>;
