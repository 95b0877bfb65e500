import { FEATURE_NAMES } from './features';

/**
 * The decision model: logistic regression over standardised pair features, trained by
 * scripts/train-matcher.ts (`npm run train:matcher`) on the CheckThat! train queries and on sentences of half of
 * the saved real pages as negatives. Its output is a probability-like score; `threshold` is where a highlight starts.
 */
export interface DecisionModel {
  version: 1;
  features: string[];
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  /** Score from which a candidate is a match (a highlight). */
  threshold: number;
  /** How it was made: data, date, and the figures it was chosen for. */
  trained: Record<string, unknown>;
  /**
   * Thresholds for indexes of up to so many claims, smallest first (`npm run calibrate:matcher`): a story pack's few
   * dozen claims give a sentence fewer to be wrongly matched to than the pool `threshold` was set on.
   */
  thresholds?: Array<{ claims: number; threshold: number }>;
  calibrated?: Record<string, unknown>;
}

export function checkModel(m: DecisionModel): DecisionModel {
  if (m.version !== 1 || m.features.join() !== FEATURE_NAMES.join()) {
    throw new Error('decision model does not fit this matcher\'s features: run npm run train:matcher');
  }
  // thresholdFor takes the first size an index fits in: the sizes must rise.
  const sizes = (m.thresholds ?? []).map((t) => t.claims);
  if (sizes.some((n, i) => i > 0 && n <= sizes[i - 1]!) || (m.thresholds ?? []).some((t) => !(t.threshold > 0 && t.threshold < 1))) {
    throw new Error('decision model\'s thresholds by pack size are out of order or range: run npm run calibrate:matcher');
  }
  return m;
}

export function score(m: DecisionModel, values: number[]): number {
  let z = m.bias;
  for (let i = 0; i < values.length; i++) z += m.weights[i]! * ((values[i]! - m.mean[i]!) / m.std[i]!);
  return 1 / (1 + Math.exp(-z));
}

/** The threshold for an index of `claims` claims: that of the smallest calibrated size it fits in, or the model's own. */
export function thresholdFor(m: DecisionModel, claims: number): number {
  return m.thresholds?.find((t) => claims <= t.claims)?.threshold ?? m.threshold;
}
