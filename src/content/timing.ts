/**
 * User Timing measures ("claimlight:<step>") of our work on the page's main thread, so that
 * `npm run bench:browser` can say where the time goes. Each costs a few microseconds.
 */
export function record(win: Window, step: string, start: number, end: number): void {
  try {
    win.performance.measure(`claimlight:${step}`, { start, end });
  } catch {
    // User Timing unavailable: the measure is only for the benchmark.
  }
}

/** Runs one synchronous step and records its duration. */
export function measure<T>(win: Window, step: string, work: () => T): T {
  const t0 = win.performance.now();
  try {
    return work();
  } finally {
    record(win, step, t0, win.performance.now());
  }
}
