import { datePrior } from './dates';
import { terms } from './normalize';

/**
 * An inverted index over claims, in typed arrays so that a million claims fit in memory and load without parsing.
 * Each claim is one document made of all its phrasings (text and alternates), as the benchmark's "claim +
 * headline as one field"; each phrasing is also kept as its own list of distinct terms, because the decision to
 * highlight asks how much of one phrasing a sentence covers. The stored form is the index itself, postings
 * included: a waking background copies it out of IndexedDB and builds nothing.
 */

export const INDEX_SERIALIZATION_VERSION = 5;

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

/** Counts, stored in the smallest of these that holds the largest. */
export type Counts = Uint8Array | Uint16Array | Uint32Array;

/**
 * The stored form, which a waking background reads out of IndexedDB as it is: strings and typed arrays, nothing to
 * build. Reading it is paid by the megabyte (about 15 ms a MB as the worker wakes with a page loading beside it, in
 * Chromium on two cores), so what can be worked out in a millisecond is not stored: where each claim's phrasings
 * and each phrasing's terms start (their counts are), the claims' lengths, and each key's pack name.
 */
export interface SerializedIndex {
  v: number;
  /** The packs whose claims the index holds, in order ("" for keys without a pack), and where each one's claims start. */
  packs: string[];
  packStart: Uint32Array;
  /** The claims' ids within their packs, in claim order, each followed by a line break. */
  ids: string;
  vocab: string[];
  /** How many phrasings each claim has. */
  phrasingCounts: Counts;
  /** How many distinct terms each phrasing has, in order. */
  termCounts: Counts;
  /** The phrasings' distinct terms, one after the other. */
  terms: TermIds;
  /** Claim d's day number, 0 when undated. */
  days: Uint16Array;
  /** Term t's postings are the bytes [postingStart[t], postingStart[t + 1]) of `postings` (see `ClaimIndex`). */
  postingStart: Uint32Array;
  postings: Uint8Array;
  idfs: Float32Array;
}

export class ClaimIndex {
  readonly size: number;
  readonly vocab: string[];
  /**
   * Postings, delta-coded: term t's are the bytes [postingStart[t], postingStart[t + 1]) of `postings`, one entry
   * per claim that has the term, in claim order. An entry is a varint of (gap to the previous claim << 1 | tf > 1),
   * followed by a byte of tf when it is more than 1. Most gaps fit in one or two bytes, against four for a claim
   * number: a 100,000-claim index is about 3 MB smaller.
   */
  private readonly postingStart: Uint32Array;
  private readonly postings: Uint8Array;
  private readonly idfs: Float32Array;
  private readonly phrasingTerms: TermIds;
  private readonly days: Uint16Array;
  private readonly avgLen: number;
  /** Claim d's phrasings are phrasings [docStart[d], docStart[d + 1]). */
  private readonly docStart: Uint32Array;
  /** Phrasing p's terms are terms [phrasingStart[p], phrasingStart[p + 1]). */
  private readonly phrasingStart: Uint32Array;
  /** Claim d's length in terms, over all its phrasings (at most 65,535). */
  private readonly docLen: Uint16Array;
  /** Where claim d's id starts in `stored.ids`; it ends a character before the next one's start. */
  private readonly idStart: Uint32Array;
  // Scratch space for scoring, reused across queries (one query at a time).
  private readonly scores: Float32Array;
  private readonly touched: Uint32Array;

  /** From the stored form, as it is (`toJSON` gives it back): only the starts, lengths and ids' places are worked out. */
  private constructor(private readonly stored: Omit<SerializedIndex, 'v'>) {
    this.vocab = stored.vocab;
    this.postingStart = stored.postingStart;
    this.postings = stored.postings;
    this.idfs = stored.idfs;
    this.phrasingTerms = stored.terms;
    this.days = stored.days;
    const n = stored.phrasingCounts.length;
    this.size = n;
    this.docStart = startsOf(stored.phrasingCounts);
    this.phrasingStart = startsOf(stored.termCounts);
    this.docLen = new Uint16Array(n);
    let total = 0;
    for (let d = 0; d < n; d++) {
      const len = this.phrasingStart[this.docStart[d + 1]!]! - this.phrasingStart[this.docStart[d]!]!;
      this.docLen[d] = Math.min(65535, len);
      total += len;
    }
    this.avgLen = n ? total / n : 1;
    const { ids } = stored;
    this.idStart = new Uint32Array(n + 1);
    let at = 0;
    for (let d = 0; d < n; d++) {
      const end = ids.indexOf('\n', at);
      if (end < 0) throw new Error(`index has ${d} claim ids for ${n} claims`);
      this.idStart[d] = at;
      at = end + 1;
    }
    if (at !== ids.length) throw new Error(`index has more claim ids than its ${n} claims`);
    this.idStart[n] = at;
    this.scores = new Float32Array(n);
    this.touched = new Uint32Array(n);
  }

  static build(inputs: IndexInput[]): ClaimIndex {
    const vocab: string[] = [];
    const termIds = new Map<string, number>();
    const packs: string[] = [];
    const packStart: number[] = [];
    let ids = '';
    const phrasingCounts: number[] = [];
    const termCounts: number[] = [];
    const all: number[] = [];
    for (const [d, c] of inputs.entries()) {
      if (c.key.includes('\n')) throw new Error(`a claim's key holds a line break: ${JSON.stringify(c.key)}`);
      const slash = c.key.indexOf('/');
      if (slash === 0) throw new Error(`a claim's key has no pack before its "/": ${JSON.stringify(c.key)}`);
      const pack = slash > 0 ? c.key.slice(0, slash) : '';
      if (packs.length === 0 || packs[packs.length - 1] !== pack) {
        packs.push(pack);
        packStart.push(d);
      }
      ids += `${c.key.slice(slash + 1)}\n`;
      phrasingCounts.push(c.phrasings.length);
      for (const p of c.phrasings) {
        const distinct = new Set(terms(p));
        termCounts.push(distinct.size);
        for (const t of distinct) {
          let id = termIds.get(t);
          if (id === undefined) {
            id = vocab.length;
            vocab.push(t);
            termIds.set(t, id);
          }
          all.push(id);
        }
      }
    }
    packStart.push(inputs.length);
    // The vocabulary is kept sorted, so that a term is found by binary search without a map of every term.
    const order = vocab.map((_, i) => i).sort((a, b) => (vocab[a]! < vocab[b]! ? -1 : vocab[a]! > vocab[b]! ? 1 : 0));
    const newId = new Uint32Array(vocab.length);
    order.forEach((old, i) => (newId[old] = i));
    const terms32: TermIds = vocab.length <= 65536 ? new Uint16Array(all.length) : new Uint32Array(all.length);
    for (let i = 0; i < all.length; i++) terms32[i] = newId[all[i]!]!;
    const counts = { phrasingCounts: countsOf(phrasingCounts), termCounts: countsOf(termCounts) };
    const postings = postingsOf(vocab.length, startsOf(counts.phrasingCounts), startsOf(counts.termCounts), terms32);
    return new ClaimIndex({
      packs,
      packStart: Uint32Array.from(packStart),
      ids,
      vocab: order.map((old) => vocab[old]!),
      ...counts,
      terms: terms32,
      days: Uint16Array.from(inputs, (c) => c.day ?? 0),
      ...postings,
    });
  }

  /** The index as it was stored (`toJSON`); throws on another serialisation version or parts that do not fit. */
  static fromJSON(data: SerializedIndex): ClaimIndex {
    if (data.v !== INDEX_SERIALIZATION_VERSION) throw new Error(`index serialization version ${data.v}, expected ${INDEX_SERIALIZATION_VERSION}`);
    const n = data.phrasingCounts.length;
    const v = data.vocab.length;
    const sum = (xs: Counts) => {
      let total = 0;
      for (let i = 0; i < xs.length; i++) total += xs[i]!;
      return total;
    };
    const fits =
      data.days.length === n &&
      data.packs.length + 1 === data.packStart.length &&
      data.packStart[0] === 0 &&
      data.packStart[data.packs.length] === n &&
      sum(data.phrasingCounts) === data.termCounts.length &&
      sum(data.termCounts) === data.terms.length &&
      data.postingStart.length === v + 1 &&
      data.postings.length === data.postingStart[v]! &&
      data.idfs.length === v;
    if (!fits) throw new Error('index parts do not fit together');
    const { v: _version, ...stored } = data;
    return new ClaimIndex(stored);
  }

  toJSON(): SerializedIndex {
    return { v: INDEX_SERIALIZATION_VERSION, ...this.stored };
  }

  keyOf(doc: number): string {
    const id = this.stored.ids.slice(this.idStart[doc]!, this.idStart[doc + 1]! - 1);
    const pack = this.stored.packs[this.packAt(doc)]!;
    return pack ? `${pack}/${id}` : id;
  }

  /**
   * How many claims the pack of claim d holds: a claim's key is "packId/claimId" (a key without a "/" belongs to
   * the one unnamed pack), and each pack's claims come together.
   */
  packSizeOf(doc: number): number {
    const p = this.packAt(doc);
    return this.stored.packStart[p + 1]! - this.stored.packStart[p]!;
  }

  /** Which of `packs` claim d belongs to. */
  private packAt(doc: number): number {
    const starts = this.stored.packStart;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= doc) lo = mid;
      else hi = mid - 1;
    }
    return lo;
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

/** Counts in the smallest typed array that holds them. */
function countsOf(xs: number[]): Counts {
  const most = xs.reduce((a, b) => Math.max(a, b), 0);
  return most < 256 ? Uint8Array.from(xs) : most < 65536 ? Uint16Array.from(xs) : Uint32Array.from(xs);
}

/** Where each counted run starts, and the end: the running sums of the counts, from 0. */
function startsOf(counts: Counts): Uint32Array {
  const starts = new Uint32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) starts[i + 1] = starts[i]! + counts[i]!;
  return starts;
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
 * The postings of claims given as their phrasings' term ids, with each term's idf: two passes over the claims, first
 * the size of each term's postings, then the postings themselves. (Built when packs change, not as the background
 * wakes: the index is stored with them.)
 */
function postingsOf(v: number, docStart: Uint32Array, phrasingStart: Uint32Array, phrasingTerms: TermIds) {
  const n = docStart.length - 1;
  const tf = new Uint16Array(v);
  const lastDoc = new Uint32Array(v);
  /**
   * Each claim's distinct terms, claim by claim: the term, its count over the claim's phrasings, and the gap to the
   * previous claim that has it. (tf[t] counts term t within a claim and is cleared as its entry is made.)
   */
  const eachEntry = (entry: (t: number, count: number, gap: number) => void) => {
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
        entry(t, count, d - lastDoc[t]!);
        lastDoc[t] = d;
      }
    }
  };
  const head = (count: number, gap: number) => (gap << 1) | (count > 1 ? 1 : 0);
  const df = new Uint32Array(v);
  const postingStart = new Uint32Array(v + 1);
  eachEntry((t, count, gap) => {
    df[t]!++;
    postingStart[t + 1]! += varintLength(head(count, gap)) + (count > 1 ? 1 : 0);
  });
  for (let t = 0; t < v; t++) postingStart[t + 1]! += postingStart[t]!;
  const postings = new Uint8Array(postingStart[v]!);
  const fill = postingStart.slice(0, v);
  eachEntry((t, count, gap) => {
    let at = fill[t]!;
    let x = head(count, gap);
    while (x >= 0x80) {
      postings[at++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    postings[at++] = x;
    if (count > 1) postings[at++] = Math.min(255, count);
    fill[t] = at;
  });
  const idfs = new Float32Array(v);
  for (let t = 0; t < v; t++) idfs[t] = Math.log(1 + (n - df[t]! + 0.5) / (df[t]! + 0.5));
  return { postingStart, postings, idfs };
}
