import { datePrior } from './dates';
import { terms } from './normalize';

/**
 * An inverted index over claims, in typed arrays so that a million claims fit in memory and load without parsing.
 * Each claim is one document made of all its phrasings (text and alternates), as the benchmark's "claim +
 * headline as one field"; each phrasing is also kept as its own list of distinct terms, because the decision to
 * highlight asks how much of one phrasing a sentence covers. The stored form is the index itself, postings
 * included: a waking background copies it out of IndexedDB and builds nothing.
 */

export const INDEX_SERIALIZATION_VERSION = 4;

/** What goes into the index for one claim. */
export interface IndexInput {
  /** The caller's handle for the claim ("packId/claimId"); never holds a line break. */
  key: string;
  /** The claim's text first, then its alternates. */
  phrasings: string[];
  /** When the claim circulated, in days since 1970 (see `dates.ts`); matching prefers claims near a page's date. */
  day?: number | undefined;
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

/** Term ids: two bytes each while the vocabulary has at most 65,536 terms, four beyond. */
export type TermIds = Uint16Array | Uint32Array;

/**
 * The stored form: one string and typed arrays, which IndexedDB copies without a wrapper per claim (100,000 keys as
 * an array of strings took 15-70 ms of the copy in Node, as one string about 1 ms), and the vocabulary.
 */
export interface SerializedIndex {
  v: number;
  /** The claims' keys, in claim order, each followed by a line break. */
  keys: string;
  vocab: string[];
  /** Claim d's phrasings are phrasings [docStart[d], docStart[d + 1]). */
  docStart: Uint32Array;
  /** Phrasing p's terms are terms [phrasingStart[p], phrasingStart[p + 1]). */
  phrasingStart: Uint32Array;
  terms: TermIds;
  /** Claim d's day number, 0 when undated. */
  days: Uint16Array;
  /** Term t's postings are the bytes [postingStart[t], postingStart[t + 1]) of `postings` (see `ClaimIndex`). */
  postingStart: Uint32Array;
  postings: Uint8Array;
  /** Claim d's length in terms, over all its phrasings (at most 65,535). */
  docLen: Uint16Array;
  idfs: Float32Array;
}

export class ClaimIndex {
  readonly size: number;
  private readonly avgLen: number;
  /** Where claim d's key starts in `keys`; it ends a character before the next one's start. */
  private readonly keyStart: Uint32Array;
  // Scratch space for scoring, reused across queries (one query at a time).
  private readonly scores: Float32Array;
  private readonly touched: Uint32Array;

  /**
   * Postings are delta-coded: term t's are the bytes [postingStart[t], postingStart[t + 1]) of `postings`, one entry
   * per claim that has the term, in claim order. An entry is a varint of (gap to the previous claim << 1 | tf > 1),
   * followed by a byte of tf when it is more than 1. Most gaps fit in one or two bytes, against four for a claim
   * number: a 100,000-claim index is about 3 MB smaller.
   */
  private constructor(
    private readonly keys: string,
    readonly vocab: string[],
    private readonly docStart: Uint32Array,
    private readonly phrasingStart: Uint32Array,
    private readonly phrasingTerms: TermIds,
    private readonly days: Uint16Array,
    private readonly postingStart: Uint32Array,
    private readonly postings: Uint8Array,
    private readonly docLen: Uint16Array,
    private readonly idfs: Float32Array,
  ) {
    const n = docLen.length;
    this.size = n;
    this.keyStart = new Uint32Array(n + 1);
    let at = 0;
    for (let d = 0; d < n; d++) {
      const end = keys.indexOf('\n', at);
      if (end < 0) throw new Error(`index has ${d} keys for ${n} claims`);
      this.keyStart[d] = at;
      at = end + 1;
    }
    if (at !== keys.length) throw new Error(`index has more keys than its ${n} claims`);
    this.keyStart[n] = at;
    let total = 0;
    for (let d = 0; d < n; d++) total += docLen[d]!;
    this.avgLen = n ? total / n : 1;
    this.scores = new Float32Array(n);
    this.touched = new Uint32Array(n);
  }

  static build(inputs: IndexInput[]): ClaimIndex {
    const vocab: string[] = [];
    const ids = new Map<string, number>();
    const docStart: number[] = [0];
    const phrasingStart: number[] = [0];
    const all: number[] = [];
    for (const c of inputs) {
      if (c.key.includes('\n')) throw new Error(`a claim's key holds a line break: ${JSON.stringify(c.key)}`);
      for (const p of c.phrasings) {
        for (const t of new Set(terms(p))) {
          let id = ids.get(t);
          if (id === undefined) {
            id = vocab.length;
            vocab.push(t);
            ids.set(t, id);
          }
          all.push(id);
        }
        phrasingStart.push(all.length);
      }
      docStart.push(phrasingStart.length - 1);
    }
    // The vocabulary is kept sorted, so that a term is found by binary search without a map of every term.
    const order = vocab.map((_, i) => i).sort((a, b) => (vocab[a]! < vocab[b]! ? -1 : vocab[a]! > vocab[b]! ? 1 : 0));
    const newId = new Uint32Array(vocab.length);
    order.forEach((old, i) => (newId[old] = i));
    const termIds: TermIds = vocab.length <= 65536 ? new Uint16Array(all.length) : new Uint32Array(all.length);
    for (let i = 0; i < all.length; i++) termIds[i] = newId[all[i]!]!;
    const docs = Uint32Array.from(docStart);
    const phrasings = Uint32Array.from(phrasingStart);
    const postings = postingsOf(vocab.length, docs, phrasings, termIds);
    return new ClaimIndex(
      inputs.map((c) => `${c.key}\n`).join(''),
      order.map((old) => vocab[old]!),
      docs,
      phrasings,
      termIds,
      Uint16Array.from(inputs, (c) => c.day ?? 0),
      postings.postingStart,
      postings.postings,
      postings.docLen,
      postings.idfs,
    );
  }

  /** The index as it was stored (`toJSON`); throws on another serialisation version or parts that do not fit. */
  static fromJSON(data: SerializedIndex): ClaimIndex {
    if (data.v !== INDEX_SERIALIZATION_VERSION) throw new Error(`index serialization version ${data.v}, expected ${INDEX_SERIALIZATION_VERSION}`);
    const n = data.docLen.length;
    const v = data.vocab.length;
    const fits =
      data.days.length === n &&
      data.docStart.length === n + 1 &&
      data.phrasingStart.length === data.docStart[n]! + 1 &&
      data.terms.length === data.phrasingStart[data.phrasingStart.length - 1]! &&
      data.postingStart.length === v + 1 &&
      data.postings.length === data.postingStart[v]! &&
      data.idfs.length === v;
    if (!fits) throw new Error('index parts do not fit together');
    return new ClaimIndex(data.keys, data.vocab, data.docStart, data.phrasingStart, data.terms, data.days, data.postingStart, data.postings, data.docLen, data.idfs);
  }

  toJSON(): SerializedIndex {
    return {
      v: INDEX_SERIALIZATION_VERSION,
      keys: this.keys,
      vocab: this.vocab,
      docStart: this.docStart,
      phrasingStart: this.phrasingStart,
      terms: this.phrasingTerms,
      days: this.days,
      postingStart: this.postingStart,
      postings: this.postings,
      docLen: this.docLen,
      idfs: this.idfs,
    };
  }

  keyOf(doc: number): string {
    return this.keys.slice(this.keyStart[doc]!, this.keyStart[doc + 1]! - 1);
  }

  /** The id of a term (its place in the sorted vocabulary), or -1 when no claim uses it. */
  termId(term: string): number {
    let lo = 0;
    let hi = this.vocab.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.vocab[mid]!;
      if (v === term) return mid;
      if (v < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Inverse document frequency of a term, BM25's (never negative). */
  idf(term: string): number {
    const id = this.termId(term);
    return id < 0 ? Math.log(1 + (this.size + 0.5) / 0.5) : this.idfs[id]!;
  }

  idfOf(id: number): number {
    return this.idfs[id]!;
  }

  /**
   * The k claims whose documents score best against the query terms, best first. Each query term counts once. With
   * the page's day, a claim dated far from it scores somewhat lower (`datePrior`).
   */
  search(queryTerms: Iterable<string>, k: number, day?: number): Candidate[] {
    let count = 0;
    const { scores, touched } = this;
    for (const term of new Set(queryTerms)) {
      const id = this.termId(term);
      if (id < 0) continue;
      const idf = this.idfs[id]!;
      const { postings } = this;
      const to = this.postingStart[id + 1]!;
      let doc = 0;
      for (let i = this.postingStart[id]!; i < to; ) {
        let b = postings[i++]!;
        let x = b & 0x7f;
        for (let shift = 7; b & 0x80; shift += 7) {
          b = postings[i++]!;
          x |= (b & 0x7f) << shift;
        }
        doc += x >>> 1;
        const tf = x & 1 ? postings[i++]! : 1;
        if (scores[doc] === 0) touched[count++] = doc;
        scores[doc] = scores[doc]! + (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.docLen[doc]!) / this.avgLen));
      }
    }
    // The best k by a bounded insertion, without sorting everything that was touched.
    const best: Candidate[] = [];
    for (let i = 0; i < count; i++) {
      const doc = touched[i]!;
      const s = day ? scores[doc]! * datePrior(this.days[doc], day) : scores[doc]!;
      scores[doc] = 0;
      if (best.length === k && s <= best[k - 1]!.bm25) continue;
      let at = best.length === k ? k - 1 : best.length;
      if (best.length < k) best.push({ doc, bm25: s });
      while (at > 0 && (best[at - 1]!.bm25 < s || (best[at - 1]!.bm25 === s && best[at - 1]!.doc > doc))) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = { doc, bm25: s };
    }
    return best;
  }

  /** A claim's BM25 score against its own terms: what a query saying all of it would score. */
  selfScore(doc: number): number {
    // Not cached: a few candidates per sentence ask, and a cache would cost 4 bytes a claim.
    const tf = new Map<number, number>();
    const from = this.phrasingStart[this.docStart[doc]!]!;
    const to = this.phrasingStart[this.docStart[doc + 1]!]!;
    for (let i = from; i < to; i++) tf.set(this.phrasingTerms[i]!, (tf.get(this.phrasingTerms[i]!) ?? 0) + 1);
    let s = 0;
    for (const [t, n] of tf) s += (this.idfs[t]! * n * (K1 + 1)) / (n + K1 * (1 - B + (B * this.docLen[doc]!) / this.avgLen));
    return s;
  }

  phrasingCount(doc: number): number {
    return this.docStart[doc + 1]! - this.docStart[doc]!;
  }

  /** The distinct term ids of one phrasing of a claim (a view, not a copy). */
  phrasingIds(doc: number, i: number): TermIds {
    const p = this.docStart[doc]! + i;
    return this.phrasingTerms.subarray(this.phrasingStart[p]!, this.phrasingStart[p + 1]!);
  }

  /** The distinct terms of each phrasing of a claim. */
  phrasingsOf(doc: number): string[][] {
    const out: string[][] = [];
    for (let i = 0; i < this.phrasingCount(doc); i++) out.push([...this.phrasingIds(doc, i)].map((t) => this.vocab[t]!));
    return out;
  }
}

/** Bytes of a varint (7 bits a byte). */
function varintLength(x: number): number {
  let n = 1;
  while (x >= 0x80) {
    x >>>= 7;
    n++;
  }
  return n;
}

/**
 * The postings of claims given as their phrasings' term ids, with each claim's length and each term's idf: two
 * passes over the claims, first the size of each term's postings, then the postings themselves. Within a claim,
 * tf[t] counts term t over its phrasings and is cleared again as the term's entry is made.
 */
function postingsOf(v: number, docStart: Uint32Array, phrasingStart: Uint32Array, phrasingTerms: TermIds) {
  const n = docStart.length - 1;
  const docLen = new Uint16Array(n);
  const df = new Uint32Array(v);
  const bytes = new Uint32Array(v + 1);
  const lastDoc = new Uint32Array(v);
  const tf = new Uint16Array(v);
  for (let d = 0; d < n; d++) {
    const from = phrasingStart[docStart[d]!]!;
    const to = phrasingStart[docStart[d + 1]!]!;
    docLen[d] = Math.min(65535, to - from);
    for (let i = from; i < to; i++) tf[phrasingTerms[i]!]!++;
    for (let i = from; i < to; i++) {
      const t = phrasingTerms[i]!;
      const count = tf[t]!;
      if (count === 0) continue;
      tf[t] = 0;
      df[t]!++;
      bytes[t + 1]! += varintLength(((d - lastDoc[t]!) << 1) | (count > 1 ? 1 : 0)) + (count > 1 ? 1 : 0);
      lastDoc[t] = d;
    }
  }
  for (let t = 0; t < v; t++) bytes[t + 1]! += bytes[t]!;
  const postingStart = bytes;
  const postings = new Uint8Array(bytes[v]!);
  const fill = bytes.slice(0, v);
  lastDoc.fill(0);
  for (let d = 0; d < n; d++) {
    const from = phrasingStart[docStart[d]!]!;
    const to = phrasingStart[docStart[d + 1]!]!;
    for (let i = from; i < to; i++) tf[phrasingTerms[i]!]!++;
    for (let i = from; i < to; i++) {
      const t = phrasingTerms[i]!;
      const count = tf[t]!;
      if (count === 0) continue;
      tf[t] = 0;
      let at = fill[t]!;
      let x = ((d - lastDoc[t]!) << 1) | (count > 1 ? 1 : 0);
      while (x >= 0x80) {
        postings[at++] = (x & 0x7f) | 0x80;
        x >>>= 7;
      }
      postings[at++] = x;
      if (count > 1) postings[at++] = Math.min(255, count);
      fill[t] = at;
      lastDoc[t] = d;
    }
  }
  const idfs = new Float32Array(v);
  for (let t = 0; t < v; t++) idfs[t] = Math.log(1 + (n - df[t]! + 0.5) / (df[t]! + 0.5));
  return { postingStart, postings, docLen, idfs };
}
