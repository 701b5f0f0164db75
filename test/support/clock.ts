import type { Clock } from '../../src/kernel/time';

export const DEMO_PASSWORD = 'Guicheng@2026';

/** A clock the test can move. Starts at 2026-11-02 09:00 Asia/Shanghai unless told otherwise. */
export class TestClock implements Clock {
  private t: number;
  constructor(start = '2026-11-02T09:00:00+08:00') {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = new Date(iso).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
