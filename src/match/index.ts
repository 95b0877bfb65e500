import { terms } from './normalize';

/**
 * An inverted index over claims. Each claim is one document made of all its phrasings (text and alternates), as
 * the benchmark's "claim + headline as one field"; each phrasing is also kept as its own set of terms, because
 * the decision to highlight asks how much of one phrasing a sentence covers.
 */

export const INDEX_SERIALIZATION_VERSION = 1;

/** What goes into the index for one claim. */
export interface IndexInput {
  /** The caller's handle for the claim ("packId/claimId"). */
  key: string;
  /** The claim's text first, then its alternates. */
  phrasings: string[];
}

/** BM25 parameters; the defaults are the usual ones and the ones the benchmark's reference figures use. */
const K1 = 1.2;
const B = 0.75;

export interface Candidate {
  /** Position of the claim in the index (see `keyOf`). */
  doc: number;
  /** BM25 score of the query against the claim's document. */
  bm25: number;
}

export interface SerializedIndex {
  v: number;
  keys: string[];
  vocab: string[];
  /** Per claim, per phrasing: term ids. */
  phrasings: number[][][];
}

export class ClaimIndex {
  private readonly termIds = new Map<string, number>();
  /** postings[term] = [doc, tf, doc, tf, ...] */
  private readonly postings: number[][] = [];
  private readonly docLen: Float64Array;
  private readonly selfScores: Float64Array;
  private readonly avgLen: number;
  readonly size: number;

  private constructor(
    private readonly keys: string[],
    private readonly vocab: string[],
    /** Per claim, per phrasing: the distinct term ids. */
    private readonly phrasingTerms: number[][][],
  ) {
    this.size = keys.length;
    vocab.forEach((t, i) => this.termIds.set(t, i));
    for (let i = 0; i < vocab.length; i++) this.postings.push([]);
    this.docLen = new Float64Array(keys.length);
    this.selfScores = new Float64Array(keys.length).fill(Number.NaN);
    let total = 0;
    phrasingTerms.forEach((phrasings, doc) => {
      const tf = new Map<number, number>();
      for (const p of phrasings) for (const t of p) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) this.postings[t]!.push(doc, n);
      let len = 0;
      for (const p of phrasings) len += p.length;
      this.docLen[doc] = len;
      total += len;
    });
    this.avgLen = keys.length ? total / keys.length : 1;
  }

  static build(inputs: IndexInput[]): ClaimIndex {
    const vocab: string[] = [];
    const ids = new Map<string, number>();
    const idOf = (t: string) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = vocab.length;
        vocab.push(t);
        ids.set(t, id);
      }
      return id;
    };
    const phrasings = inputs.map((c) => c.phrasings.map((p) => [...new Set(terms(p))].map(idOf)));
    return new ClaimIndex(
      inputs.map((c) => c.key),
      vocab,
      phrasings,
    );
  }

  static fromJSON(data: SerializedIndex): ClaimIndex {
    if (data.v !== INDEX_SERIALIZATION_VERSION) throw new Error(`index serialization version ${data.v}, expected ${INDEX_SERIALIZATION_VERSION}`);
    return new ClaimIndex(data.keys, data.vocab, data.phrasings);
  }

  toJSON(): SerializedIndex {
    return { v: INDEX_SERIALIZATION_VERSION, keys: this.keys, vocab: this.vocab, phrasings: this.phrasingTerms };
  }

  keyOf(doc: number): string {
    return this.keys[doc]!;
  }

  /** Inverse document frequency of a term, BM25's (never negative). */
  idf(term: string): number {
    const id = this.termIds.get(term);
    const df = id === undefined ? 0 : this.postings[id]!.length / 2;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** The k claims whose documents score best against the query terms, best first. Each query term counts once. */
  search(queryTerms: Iterable<string>, k: number): Candidate[] {
    const scores = new Map<number, number>();
    for (const term of new Set(queryTerms)) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const post = this.postings[id]!;
      const idf = this.idf(term);
      for (let i = 0; i < post.length; i += 2) {
        const doc = post[i]!;
        const tf = post[i + 1]!;
        const norm = tf + K1 * (1 - B + (B * this.docLen[doc]!) / this.avgLen);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / norm);
      }
    }
    const all = [...scores].map(([doc, bm25]) => ({ doc, bm25 }));
    all.sort((a, b) => b.bm25 - a.bm25 || a.doc - b.doc);
    return all.slice(0, k);
  }

  /** A claim's BM25 score against its own terms: what a query saying all of it would score. */
  selfScore(doc: number): number {
    let cached = this.selfScores[doc];
    if (cached !== undefined && !Number.isNaN(cached)) return cached;
    const tf = new Map<number, number>();
    for (const p of this.phrasingTerms[doc]!) for (const t of p) tf.set(t, (tf.get(t) ?? 0) + 1);
    cached = 0;
    for (const [t, n] of tf) {
      const norm = n + K1 * (1 - B + (B * this.docLen[doc]!) / this.avgLen);
      cached += (this.idf(this.vocab[t]!) * n * (K1 + 1)) / norm;
    }
    this.selfScores[doc] = cached;
    return cached;
  }

  /** The distinct terms of each phrasing of a claim. */
  phrasingsOf(doc: number): string[][] {
    return this.phrasingTerms[doc]!.map((p) => p.map((t) => this.vocab[t]!));
  }
}
