/** A clock a test moves by hand, for rules that depend on time (SLA, verification, reopen). */
export class TestClock {
  private current: number;

  constructor(start: string) {
    this.current = Date.parse(start);
  }

  readonly now = (): Date => new Date(this.current);

  set(iso: string): void {
    this.current = Date.parse(iso);
  }

  advanceDays(days: number): void {
    this.current += days * 86_400_000;
  }

  advanceMinutes(minutes: number): void {
    this.current += minutes * 60_000;
  }
}
