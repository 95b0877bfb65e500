import type { ClaimIndex } from './index';
import { antonymsOf } from './relation';
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
  sequence: string[];
  /** Terms of the context (headline, sentences before). */
  context: Set<string>;
}

export interface PairFeatures {
  values: number[];
  /** The phrasing that covered most (0 is the claim's text). */
  phrasing: number;
  /** The phrasing's terms found in the sentence itself (antonyms included). */
  inSentence: number;
}

export function pairFeatures(
  index: ClaimIndex,
  weight: TermWeight,
  doc: number,
  q: QueryTerms,
  bm25: number,
  nextBm25: number,
  contextWeight: number,
  antonymWeight: number,
): PairFeatures {
  const phrasings = index.phrasingsOf(doc);
  let best: { cov: number; covIdf: number; bits: number; terms: number; bigrams: number; antonyms: number; context: number; phrasing: number; inSentence: number } | undefined;
  const pairs = new Set<string>();
  for (let i = 1; i < q.sequence.length; i++) pairs.add(`${q.sequence[i - 1]} ${q.sequence[i]}`);

  phrasings.forEach((phrasing, i) => {
    let total = 0;
    let totalIdf = 0;
    let covered = 0;
    let coveredIdf = 0;
    let antonyms = 0;
    let fromContext = 0;
    let inSentence = 0;
    let direct = 0;
    let contextUsed = false;
    for (const t of phrasing) {
      const w = weight(t);
      const idf = index.idf(t);
      total += w;
      totalIdf += idf;
      if (q.own.has(t)) {
        covered += w;
        coveredIdf += idf;
        inSentence++;
        direct++;
      } else if (antonymsOf(t).some((a) => q.own.has(a))) {
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
    if (total === 0) return;
    let bigrams = 0;
    for (let j = 1; j < phrasing.length; j++) if (pairs.has(`${phrasing[j - 1]} ${phrasing[j]}`)) bigrams++;
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
      };
    }
  });

  let ownWeight = 0;
  let ownCovered = 0;
  const claimTerms = new Set(phrasings.flat());
  for (const t of q.own) {
    const w = weight(t);
    ownWeight += w;
    if (claimTerms.has(t)) ownCovered += w;
  }
  const claimNumbers = [...claimTerms].filter((t) => /^\d/.test(t));
  const b = best ?? { cov: 0, covIdf: 0, bits: 0, terms: 0, bigrams: 0, antonyms: 0, context: 0, phrasing: 0, inSentence: 0 };
  const self = index.selfScore(doc);
  return {
    values: [
      b.cov,
      b.covIdf,
      ownWeight > 0 ? ownCovered / ownWeight : 0,
      Math.log1p(b.bits),
      Math.log1p(b.terms),
      b.bigrams,
      self > 0 ? Math.min(1.5, bm25 / self) : 0,
      bm25 > 0 ? Math.max(0, (bm25 - nextBm25) / bm25) : 0,
      claimNumbers.some((n) => !q.own.has(n)) ? 1 : 0,
      b.antonyms,
      b.context,
    ],
    phrasing: b.phrasing,
    inSentence: b.inSentence,
  };
}
