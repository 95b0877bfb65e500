import { enoughTerms, FEATURE_NAMES, pairFeatures, TermTable, type PairFeatures, type QueryIds, type QueryTerms } from './features';
import { dayNumber, postDay } from './dates';
import type { ClaimIndex } from './index';
import { checkModel, score, thresholdFor, type DecisionModel } from './model';
import modelJson from './decision-model.json';
import poolModelJson from './decision-model-pool.json';
import { terms } from './normalize';
import { isAssertion } from './relation';
import { englishWeights, type TermWeight } from './weights';

const shippedModel = checkModel(modelJson as DecisionModel);
const shippedPoolModel = checkModel(poolModelJson as DecisionModel);

/**
 * Packs of more claims than this are pools (a fact-checker's archive, the benchmark's 14,231 claims), judged by the pool
 * model; smaller ones are story packs, judged by the story model at the thresholds calibrated by pack size up to this.
 */
export const STORY_PACK_MAX = 3000;

/**
 * Deciding whether a sentence states a claim. Retrieval (BM25 over the index) proposes candidates; a small trained
 * model (`model.ts`) scores each from pair features (`features.ts`): chiefly how much of one of the claim's
 * phrasings the sentence covers, each term weighed by how rare it is in English. Context (the sentences before,
 * the title) can stand in for one term at reduced weight, because news says "the company" where the claim says
 * "Meta". Questions and conditionals state nothing and are not matched.
 *
 * Two models: a story pack's claims (up to `STORY_PACK_MAX`) are judged by one that weighs only how the sentence and
 * the claim meet; a pool's by one that also weighs how far the claim's retrieval score stands above the next
 * candidate's and what share of the claim's own score the sentence reaches. Among thousands of unrelated claims, a
 * sentence that states one of them stands out from the rest; a story pack's claims are meant to be near each other,
 * and there that gap says nothing (with it, every topical sentence of a story scored as a match).
 */

export interface MatcherOptions {
  /** Decision score from which a candidate is a match; unless given, the model's for an index of this size. */
  threshold: number;
  /** Candidates from retrieval that the decision looks at. */
  candidates: number;
  /** A match needs at least this many of the phrasing's terms in the sentence itself (or all, if fewer). */
  minTerms: number;
  /** What a term found only in the context counts for. */
  contextWeight: number;
  /** What a term counts for when the sentence has its opposite instead ("continue" for "stop"). */
  antonymWeight: number;
  /** Work out every feature, even those the model gives no weight (for training a model that may use them). */
  allFeatures: boolean;
}

export const DEFAULT_MATCHER_OPTIONS: MatcherOptions = {
  threshold: 0.75,
  candidates: 10,
  minTerms: 3,
  contextWeight: 0.5,
  antonymWeight: 1,
  allFeatures: false,
};

export interface Scored {
  /** Position of the claim in the index. */
  doc: number;
  /** The claim's key in the index ("packId/claimId"). */
  key: string;
  /** Retrieval score. */
  bm25: number;
  /** The decision model's score, 0..1: what the threshold is applied to. */
  score: number;
  /** Which phrasing scored best: 0 is the claim's text, then its alternates. */
  phrasing: number;
  /** Whether the score passes the threshold. */
  match: boolean;
}

export interface Query {
  text: string;
  /** Text around the sentence that may name what it refers to (earlier sentences, the headline). */
  context?: string;
  /** The sentence just before, whose names a pronoun in this one may stand for. */
  previous?: string;
  /** When the page was published (ISO 8601); without it, the date of a post the text quotes, if any. */
  date?: string | null;
}

// Words by which a sentence refers to someone named before it: "We plan to...", "The company said...".
const REFERRINGS = /\b(?:we|our|us|they|their|them|it|its|he|she|his|her|the (?:company|firm|group|spokesperson|agency|government|ministry|lab))\b/gi;

/**
 * The names (capitalised words) of the previous sentence, when this one refers back to someone: a crude stand-in
 * for resolving "we" or "the company", enough for a spokesperson's quote to count as the company's word.
 */
export function namesReferredTo(text: string, previous: string | undefined): string {
  if (!previous) return '';
  // A pronoun after a name of the sentence's own refers to that name: "the organisers, Woodstock 50 LLC, said they…";
  // "the company" still refers back ("…under his leadership, and the company plans…").
  const ownName = /(?<=\S\s+)\p{Lu}/u.exec(text)?.index ?? Infinity;
  const refersBack = [...text.matchAll(REFERRINGS)].some((m) => /^the\s/i.test(m[0]) || m.index < ownName);
  if (!refersBack) return '';
  const names = previous.match(/(?<=\s|^["'\u201c(]?)\p{Lu}[\p{L}\d]*(?:['\u2019]s)?/gu) ?? [];
  // The first word of a sentence is capitalised anyway; keep it only if it is an acronym.
  return names.filter((n, i) => i > 0 || !previous.startsWith(n) || /^\p{Lu}{2,}/u.test(n)).slice(0, 4).join(' ');
}

/** A retrieval candidate: its BM25 score, its pair features, and whether the pool model judges it. */
export interface Candidate {
  doc: number;
  bm25: number;
  features: PairFeatures;
  pool: boolean;
}

export class Matcher {
  readonly options: MatcherOptions;
  private readonly table: TermTable;
  private readonly withSelf: boolean;

  constructor(
    readonly index: ClaimIndex,
    options: Partial<MatcherOptions> = {},
    weight: TermWeight = englishWeights,
    readonly model: DecisionModel = shippedModel,
    readonly poolModel: DecisionModel | null = shippedPoolModel,
  ) {
    this.options = { ...DEFAULT_MATCHER_OPTIONS, threshold: thresholdFor(model, index.size), ...options };
    this.table = new TermTable(index, weight);
    this.withSelf = this.options.allFeatures || model.weights[FEATURE_NAMES.indexOf('bm25Self')] !== 0;
  }

  /** The query's terms, as the features read them. */
  queryTerms(query: Query): QueryTerms {
    const sequence = terms(`${query.text} ${namesReferredTo(query.text, query.previous)}`);
    const day = dayNumber(query.date) ?? postDay(query.text);
    return { own: this.ownTerms(sequence), sequence, context: query.context ? new Set(terms(query.context)) : new Set(), day };
  }

  /**
   * A sentence's distinct terms, with the one word a claim makes of two of them next to each other ("earth quake",
   * "tik tok", "knife point"), where the index knows that word. Numbers are not joined ("6 0" is no "60").
   */
  ownTerms(sequence: readonly string[]): Set<string> {
    const own = new Set(sequence);
    for (let i = 1; i < sequence.length; i++) {
      const joined = sequence[i - 1]! + sequence[i]!;
      if (!/\d/.test(joined) && this.index.termId(joined) >= 0) own.add(joined);
    }
    return own;
  }

  /** Retrieval candidates with their pair features (for scoring, and for training the model). */
  candidates(query: Query | QueryTerms, n: number): Candidate[] {
    return this.retrieve(query, n, () => true);
  }

  /** The top n by retrieval score, with features for those that `keep` lets through. */
  private retrieve(query: Query | QueryTerms, n: number, keep: (doc: number, ids: QueryIds) => boolean) {
    const q = 'own' in query ? query : this.queryTerms(query);
    if (q.own.size === 0) return [];
    const found = this.index.search(q.own, n + 1, q.day);
    if (found.length === 0) return [];
    const ids = this.table.query(q);
    const out: Candidate[] = [];
    for (let i = 0; i < Math.min(n, found.length); i++) {
      const { doc, bm25 } = found[i]!;
      if (!keep(doc, ids)) continue;
      const pool = this.judgedAsPool(doc);
      const features = pairFeatures(this.table, doc, ids, bm25, found[i + 1]?.bm25 ?? 0, this.options.contextWeight, this.options.antonymWeight, this.withSelf || pool);
      out.push({ doc, bm25, features, pool });
    }
    return out;
  }

  /** Whether a claim is judged by the pool model: there is one, and the claim's pack is larger than a story's. */
  private judgedAsPool(doc: number): boolean {
    if (!this.poolModel) return false;
    return this.index.packSizeOf(doc) > STORY_PACK_MAX;
  }

  /** Decision scores for candidates, and whether each passes (threshold and enough of its terms). */
  private decide(candidates: Candidate[]): Scored[] {
    const phrasingCount = (doc: number, i: number) => (i < this.index.phrasingCount(doc) ? this.index.phrasingIds(doc, i).length : 0);
    return candidates.map(({ doc, bm25, features, pool }) => {
      const s = score(pool ? this.poolModel! : this.model, features.values);
      const threshold = pool ? this.poolModel!.threshold : this.options.threshold;
      // Enough of the phrasing's terms, and every opposite it turns on ("closed", "stopped") said one way or the other:
      // "Meta is developing a model codenamed Avocado" does not say whether Avocado will be a closed model.
      const enough = features.inSentence >= Math.min(this.options.minTerms, phrasingCount(doc, features.phrasing)) && features.polarMissing === 0;
      return { doc, key: this.index.keyOf(doc), bm25, score: s, phrasing: features.phrasing, match: enough && s >= threshold };
    });
  }

  /**
   * Candidates for a query, best first by retrieval score (BM25 ranks the benchmark's dev queries better than the
   * decision score does), each with its decision score and whether it is a match.
   */
  rank(query: Query | QueryTerms, k = 5): Scored[] {
    return this.decide(this.candidates(query, Math.max(k, this.options.candidates))).slice(0, k);
  }

  /**
   * The claim the sentence states, if any: of the candidates that pass the threshold, the best scored. `terms` may
   * give the query's terms already computed (an article's sentences are tokenised once, not once per use).
   */
  best(query: Query, terms?: QueryTerms): Scored | undefined {
    if (!isAssertion(query.text)) return undefined;
    // The decision looks past the first candidate: a claim further down may be the one the sentence covers. Those
    // without enough of their terms in the sentence cannot match and are not scored (most candidates of most
    // sentences: a page's sentences share a word or two with many claims).
    const { minTerms } = this.options;
    const candidates = this.decide(this.retrieve(terms ?? query, this.options.candidates, (doc, ids) => enoughTerms(this.table, doc, ids, minTerms))).filter((c) => c.match);
    return candidates.sort((a, b) => b.score - a.score || b.bm25 - a.bm25)[0];
  }
}
