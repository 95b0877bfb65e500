/**
 * User Timing measures ("claimlight:<step>") of our work on the page's main thread, so that
 * `npm run bench:browser` can say where the time goes and the end-to-end tests can see which walks were made.
 * They are off unless the extension's local storage holds `TIMING_KEY: true` (the benchmark and the tests set it):
 * a page's own scripts can read User Timing entries, and a reader's pages should learn nothing from ours.
 */
export const TIMING_KEY = 'claimlight:timing';

export interface Clock {
  /** Records a step that ran from start to end (performance.now() times). */
  record(step: string, start: number, end: number): void;
  /** Runs one synchronous step and records its duration. */
  measure<T>(step: string, work: () => T): T;
  /**
   * Says whether to record, for a clock made without knowing: the steps timed until then are recorded now, or
   * dropped. (The content script learns it with the settings, which it reads only once the page looks like an
   * article.)
   */
  decide(on: boolean): void;
}

export function clockOf(win: Window, on?: boolean): Clock {
  let recording = on;
  const held: Array<[string, number, number]> = [];
  const write = (step: string, start: number, end: number) => {
    try {
      win.performance.measure(`claimlight:${step}`, { start, end });
    } catch {
      // User Timing unavailable: the measure is only for the benchmark.
    }
  };
  const record = (step: string, start: number, end: number) => {
    if (recording === undefined) held.push([step, start, end]);
    else if (recording) write(step, start, end);
  };
  return {
    record,
    measure(step, work) {
      const t0 = win.performance.now();
      try {
        return work();
      } finally {
        record(step, t0, win.performance.now());
      }
    },
    decide(value) {
      if (recording !== undefined) return;
      recording = value;
      if (value) for (const [step, start, end] of held) write(step, start, end);
      held.length = 0;
    },
  };
}
