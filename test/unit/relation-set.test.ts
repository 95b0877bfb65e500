import { describe, expect, it } from 'vitest';
import { relationFigures } from '../../scripts/bench-relation';

describe('relation on the labelled pairs', () => {
  const f = relationFigures('test/relation/pairs.jsonl');

  it('has at least 150 pairs, half of them denials, each with its source', () => {
    expect(f.n).toBeGreaterThanOrEqual(150);
    expect(f.denials / f.n).toBeGreaterThanOrEqual(0.45);
  });

  it('reads at least 90% of them right, assertions and denials alike', () => {
    expect(f.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(f.asserts).toBeGreaterThanOrEqual(0.85);
    expect(f.denies).toBeGreaterThanOrEqual(0.85);
  });
});
