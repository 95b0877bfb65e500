import type { ClaimIndex } from './index';
import { antonymsOf, isStanceTerm, stanceAxisOf } from './relation';
import type { TermWeight } from './weights';

/**
 * What the decision model sees of one (sentence, candidate claim) pair. Most features are shares and counts that
 * mean the same in a 17-claim pack and a million-claim pool; weights come from general English (`TermWeight`)
 * except where named "idf".
 */
export const FEATURE_NAMES = [
  'covBg', // share of the best phrasing's English weight that the sentence covers
  'covIdf', // the same share with the index's idf weights: does it say what sets this claim apart?
  'queryCov', // share of the sentence's own English weight that the claim accounts for
  'bits', // log of the English weight covered: how much specific wording is shared
  'terms', // log of the number of the phrasing's terms in the sentence
  'bigrams', // share of the phrasing's adjacent term pairs that stand next to each other in the sentence
  'bm25Self', // BM25 score over the claim's score against itself
  'bm25Gap', // how far this candidate's BM25 stands above the next one's, relative
  'numbers', // 1 when the claim has a number the sentence lacks
  'antonyms', // share of the phrasing's weight covered only through an antonym
  'context', // share covered only through the context
] as const;

export interface QueryTerms {
  /** The sentence's distinct terms. */
  own: Set<string>;
  /** The sentence's terms in order (for pairs). */
  sequence: readonly string[];
  /** Terms of the context (headline, sentences before). */
  context: Set<string>;
  /** The page's date (or the quoted post's), in days since 1970: ranking prefers claims of that time. */
  day?: number | undefined;
}

export interface PairFeatures {
  values: number[];
  /** The phrasing that covered most (0 is the claim's text). */
  phrasing: number;
  /** The phrasing's terms found in the sentence itself (antonyms included). */
  inSentence: number;
  /**
   * The phrasing's stance terms ("closed", "stopped": `isStanceTerm`) of whose axis the sentence has no term (not
   * the term, nor its opposite, nor a word of the same side): what the claim says one way or the other, and the
   * sentence does not speak of.
   */
  polarMissing: number;
}

/**
 * A query as term ids of one index, made once per sentence and reused for each of its candidates: which ids the
 * sentence has, which the context has, and which adjacent pairs it has.
 */
export interface QueryIds {
  own: Set<number>;
  context: Set<number>;
  pairs: Set<number>;
  /** The stance axes the sentence speaks of (`stanceAxisOf`), through words no claim need use. */
  axes: Set<string>;
  /** English weight of the sentence's own terms, and of those the index knows (for queryCov). */
  ownWeight: number;
  weightOf: Map<number, number>;
  /**
   * Claim terms whose opposite the sentence says ("alive" for "died"), found from the sentence's side: the opposite
   * need not be a term of any claim.
   */
  opposed: Set<number>;
}

const pairKey = (a: number, b: number) => a * 4_194_304 + b; // ids stay far below 2^22 per index

/** Term-level data of an index that the features read often: English weights and antonyms, by term id. */
export class TermTable {
  private readonly weights: Float32Array;
  private readonly opposites = new Map<number, number[]>();
  private readonly axes = new Map<number, number[]>();
  // Per term id: 0 not looked at yet, 1 a word, 2 a number ("2024", "3m").
  private readonly numeric: Uint8Array;
  // The same for stance terms (see isStance).
  private readonly stance: Uint8Array;

  constructor(
    readonly index: ClaimIndex,
    private readonly weight: TermWeight,
  ) {
    this.weights = new Float32Array(index.vocab.length).fill(Number.NaN);
    this.numeric = new Uint8Array(index.vocab.length);
    this.stance = new Uint8Array(index.vocab.length);
  }

  /** Whether the term is one of the opposites a stance turns on ("open"/"closed", "stopped"/"continues"). */
  isStance(id: number): boolean {
    if (this.stance[id] === 0) this.stance[id] = isStanceTerm(this.index.vocab[id]!) ? 2 : 1;
    return this.stance[id] === 2;
  }

  isNumber(id: number): boolean {
    if (this.numeric[id] === 0) this.numeric[id] = /^\d/.test(this.index.vocab[id]!) ? 2 : 1;
    return this.numeric[id] === 2;
  }

  weightOf(id: number): number {
    let w = this.weights[id]!;
    if (Number.isNaN(w)) {
      w = this.weight(this.index.vocab[id]!);
      this.weights[id] = w;
    }
    return w;
  }

  /**
   * The terms on a stance term's axis: itself, its opposites, and their opposites ("closed" and "closed-source" are
   * both the opposite of "open-source"). A sentence with any of them speaks of that axis.
   */
  axisIds(id: number): number[] {
    let out = this.axes.get(id);
    if (!out) {
      const ids = new Set([id]);
      for (const a of this.antonymIds(id)) {
        ids.add(a);
        for (const b of this.antonymIds(a)) ids.add(b);
      }
      out = [...ids];
      this.axes.set(id, out);
    }
    return out;
  }

  antonymIds(id: number): number[] {
    let out = this.opposites.get(id);
    if (!out) {
      out = antonymsOf(this.index.vocab[id]!).map((a) => this.index.termId(a)).filter((x) => x >= 0);
      this.opposites.set(id, out);
    }
    return out;
  }

  query(q: QueryTerms): QueryIds {
    const own = new Set<number>();
    const weightOf = new Map<number, number>();
    let ownWeight = 0;
    const axes = new Set<string>();
    const opposed = new Set<number>();
    for (const t of q.own) {
      const axis = stanceAxisOf(t);
      if (axis) axes.add(axis);
      for (const a of antonymsOf(t)) {
        const opposite = this.index.termId(a);
        if (opposite >= 0) opposed.add(opposite);
      }
      const id = this.index.termId(t);
      const w = id >= 0 ? this.weightOf(id) : this.weight(t);
      ownWeight += w;
      if (id >= 0) {
        own.add(id);
        weightOf.set(id, w);
      }
    }
    const context = new Set<number>();
    for (const t of q.context) {
      const id = this.index.termId(t);
      if (id >= 0) context.add(id);
    }
    const pairs = new Set<number>();
    for (let i = 1; i < q.sequence.length; i++) {
      const a = this.index.termId(q.sequence[i - 1]!);
      const b = this.index.termId(q.sequence[i]!);
      if (a >= 0 && b >= 0) pairs.add(pairKey(a, b));
    }
    return { own, context, pairs, axes, ownWeight, weightOf, opposed };
  }
}

/**
 * Whether some phrasing of the claim has at least `minTerms` of its terms (or all, if it has fewer) in the sentence,
 * directly or through an antonym: what a match needs at the least, checked before the features are worked out.
 */
export function enoughTerms(table: TermTable, doc: number, q: QueryIds, minTerms: number): boolean {
  const index = table.index;
  for (let i = 0; i < index.phrasingCount(doc); i++) {
    const phrasing = index.phrasingIds(doc, i);
    const need = Math.min(minTerms, phrasing.length);
    let found = 0;
    for (let j = 0; j < phrasing.length && found < need; j++) {
      const t = phrasing[j]!;
      if (q.own.has(t) || q.opposed.has(t)) found++;
    }
    if (found >= need) return true;
  }
  return false;
}

/** Whether the sentence speaks of a stance term's axis: the term, its opposite, or another word of that side. */
function spokenOf(table: TermTable, t: number, q: QueryIds): boolean {
  return table.axisIds(t).some((a) => q.own.has(a)) || q.axes.has(stanceAxisOf(table.index.vocab[t]!)!);
}

/**
 * The pair's features (`FEATURE_NAMES`). `withSelf` works out bm25Self, which needs a pass over the claim's terms
 * and which the shipped model does not use; without it, that feature is 0.
 */
export function pairFeatures(
  table: TermTable,
  doc: number,
  q: QueryIds,
  bm25: number,
  nextBm25: number,
  contextWeight: number,
  antonymWeight: number,
  withSelf = true,
): PairFeatures {
  const index = table.index;
  let best: { cov: number; covIdf: number; bits: number; terms: number; bigrams: number; antonyms: number; context: number; phrasing: number; inSentence: number; polarMissing: number } | undefined;
  let claimHasNumberMissing = false;
  let ownCovered = 0;
  const counted = new Set<number>();
  const phrasings = index.phrasingCount(doc);
  for (let i = 0; i < phrasings; i++) {
    const phrasing = index.phrasingIds(doc, i);
    let total = 0;
    let totalIdf = 0;
    let covered = 0;
    let coveredIdf = 0;
    let antonyms = 0;
    let fromContext = 0;
    let inSentence = 0;
    let polarMissing = 0;
    let direct = 0;
    let contextUsed = false;
    // To open-source something is to release it, and to keep it closed is to withhold it: a sentence that speaks of
    // whether the models are open answers a claim of releasing them openly ("Meta will keep its new models closed").
    const openSpoken = phrasing.some((t) => table.isStance(t) && spokenOf(table, t, q) && stanceAxisOf(index.vocab[t]!) === 'openness');
    for (let j = 0; j < phrasing.length; j++) {
      const t = phrasing[j]!;
      const w = table.weightOf(t);
      const idf = index.idfOf(t);
      total += w;
      totalIdf += idf;
      if (!counted.has(t)) {
        counted.add(t);
        if (q.own.has(t)) ownCovered += q.weightOf.get(t) ?? w;
        else if (table.isNumber(t)) claimHasNumberMissing = true;
      }
      if (table.isStance(t) && !spokenOf(table, t, q) && !(openSpoken && stanceAxisOf(index.vocab[t]!) === 'release')) polarMissing++;
      if (q.own.has(t)) {
        covered += w;
        coveredIdf += idf;
        inSentence++;
        direct++;
      } else if (q.opposed.has(t)) {
        // "continue" where the claim says "stopped": the same subject, said the other way round.
        covered += w * antonymWeight;
        coveredIdf += idf * antonymWeight;
        antonyms += w;
        inSentence++;
      } else if (!contextUsed && q.context.has(t)) {
        // One term from the context, at reduced weight: "the company" for "Meta".
        contextUsed = true;
        covered += w * contextWeight;
        coveredIdf += idf * contextWeight;
        fromContext += w;
      }
    }
    if (total === 0) continue;
    let bigrams = 0;
    for (let j = 1; j < phrasing.length; j++) if (q.pairs.has(pairKey(phrasing[j - 1]!, phrasing[j]!))) bigrams++;
    const cov = Math.min(covered / total, totalIdf > 0 ? coveredIdf / totalIdf : 1);
    if (!best || cov > best.cov) {
      best = {
        cov,
        covIdf: totalIdf > 0 ? coveredIdf / totalIdf : 1,
        bits: covered,
        terms: direct,
        bigrams: phrasing.length > 1 ? bigrams / (phrasing.length - 1) : 0,
        antonyms: antonyms / total,
        context: fromContext / total,
        phrasing: i,
        inSentence,
        polarMissing,
      };
    }
  }
  const b = best ?? { cov: 0, covIdf: 0, bits: 0, terms: 0, bigrams: 0, antonyms: 0, context: 0, phrasing: 0, inSentence: 0, polarMissing: 0 };
  const self = withSelf ? index.selfScore(doc) : 0;
  return {
    values: [
      b.cov,
      b.covIdf,
      q.ownWeight > 0 ? ownCovered / q.ownWeight : 0,
      Math.log1p(b.bits),
      Math.log1p(b.terms),
      b.bigrams,
      self > 0 ? Math.min(1.5, bm25 / self) : 0,
      bm25 > 0 ? Math.max(0, (bm25 - nextBm25) / bm25) : 0,
      claimHasNumberMissing ? 1 : 0,
      b.antonyms,
      b.context,
    ],
    phrasing: b.phrasing,
    inSentence: b.inSentence,
    polarMissing: b.polarMissing,
  };
}
