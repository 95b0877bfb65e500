import { describe, expect, it } from 'vitest';
import { hedgeFigures } from '../../scripts/bench-relation';

describe('hedges on the labelled sentences', () => {
  const f = hedgeFigures('test/relation/hedges.jsonl');

  it('has hedged and firm statements in like numbers, each with its source', () => {
    expect(f.n).toBeGreaterThanOrEqual(80);
    expect(f.hedged / f.n).toBeGreaterThanOrEqual(0.4);
    expect(f.hedged / f.n).toBeLessThanOrEqual(0.6);
  });

  // A firm statement shown as a mere suggestion understates what the page says; a suggestion shown as firm overstates
  // it. Both are kept rare.
  it('reads at least 90% of them right, with few firm statements read as suggestions', () => {
    expect(f.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(f.precision).toBeGreaterThanOrEqual(0.9);
    expect(f.recall).toBeGreaterThanOrEqual(0.85);
  });
});
