// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { clockOf } from '../../src/content/timing';

describe('step measures', () => {
  it('keeps the steps timed before it knows whether to record, and records them once told to', () => {
    const measure = vi.spyOn(window.performance, 'measure');
    const clock = clockOf(window);
    expect(clock.measure('gate', () => 42)).toBe(42);
    expect(measure).not.toHaveBeenCalled();
    clock.decide(true);
    clock.record('done', 1, 2);
    expect(measure.mock.calls.map(([name]) => name)).toEqual(['claimlight:gate', 'claimlight:done']);
    measure.mockRestore();
  });

  it('drops them, and records nothing after, when told not to', () => {
    const measure = vi.spyOn(window.performance, 'measure');
    const clock = clockOf(window);
    clock.record('gate', 1, 2);
    clock.decide(false);
    clock.decide(true); // the first answer stands
    clock.record('done', 2, 3);
    expect(measure).not.toHaveBeenCalled();
    measure.mockRestore();
  });
});
