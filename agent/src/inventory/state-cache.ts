import type { InventorySectionName } from '@deskside/core';
import type { Observed } from '../collect/document';
import { sectionProblem } from '../collect/errors';

/**
 * A fact that is read by running a command (who, lpstat, PowerShell): served from memory,
 * read again in the background once older than `maxAgeMs`. Only the first request waits.
 */
export class StaleWhileRevalidate<T> {
  private current: { observed: Observed<T>; at: number } | undefined;
  private inFlight: Promise<Observed<T>> | undefined;

  constructor(
    private readonly section: InventorySectionName,
    private readonly read: () => Promise<T>,
    private readonly maxAgeMs: number,
  ) {}

  async get(now = Date.now()): Promise<Observed<T>> {
    if (!this.current) return this.refresh();
    if (now - this.current.at > this.maxAgeMs) void this.refresh();
    return this.current.observed;
  }

  refresh(): Promise<Observed<T>> {
    this.inFlight ??= this.read()
      .then(
        (value): Observed<T> => ({ value, observedAt: new Date().toISOString() }),
        (error: unknown): Observed<T> => ({ problem: sectionProblem(this.section, error) }),
      )
      .then((observed) => {
        this.current = { observed, at: Date.now() };
        this.inFlight = undefined;
        return observed;
      });
    return this.inFlight;
  }
}
