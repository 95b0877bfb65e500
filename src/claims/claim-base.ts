import { dayNumber, postDay } from '../match/dates';
import { ClaimIndex, type IndexInput } from '../match/index';
import { Matcher, namesReferredTo, type MatcherOptions } from '../match/matcher';
import { terms } from '../match/normalize';
import { isHedged, relationOf, saidOfAnother, saysNothingOfAll, tellsOnlyTheBefore, tellsOnlyTheBeforeOf } from '../match/relation';
import type { Claim, Pack } from '../packs/types';
import type { Sentence } from '../extract/sentences';
import type { ClaimView, CoverageView, MatchView } from './views';

/** A pack without its claims: what stays in memory while the claims stay in storage. */
export type PackHead = Omit<Pack, 'claims'> & { claimCount: number };

/** Finds claims by their index keys ("packId/claimId"), in the order asked; undefined for a key it lacks. */
export type ClaimLookup = (keys: string[]) => Promise<Array<Claim | undefined>>;

export function headOf(pack: Pack): PackHead {
  const { claims, ...head } = pack;
  return { ...head, claimCount: claims.length };
}

/** What a source's kind says of its authority, when the coverage item does not say. */
function attributionOfKind(kind: string | undefined): CoverageView['attribution'] {
  switch (kind) {
    case 'statement':
      return 'on-record';
    case 'primary':
    case 'fact-check':
    case 'opinion':
      return kind;
    default:
      return undefined;
  }
}

/** The index of the claims of some packs, keyed "packId/claimId". */
export function indexPacks(packs: Pack[]): ClaimIndex {
  const inputs: IndexInput[] = [];
  for (const pack of packs) {
    const published = new Map(pack.sources.map((s) => [s.id, dayNumber(s.published)]));
    for (const claim of pack.claims) {
      inputs.push({ key: `${pack.id}/${claim.id}`, phrasings: [claim.text, ...claim.alternates], day: claimDay(claim, published) });
    }
  }
  return ClaimIndex.build(inputs);
}

/** When a claim circulated: its own date, or else the earliest of its dated coverage. */
function claimDay(claim: Claim, published: Map<string, number | undefined>): number | undefined {
  const own = dayNumber(claim.date);
  if (own) return own;
  let first: number | undefined;
  for (const c of claim.coverage) {
    const day = published.get(c.source);
    if (day && (first === undefined || day < first)) first = day;
  }
  return first;
}

/** What matching reads of the page besides its sentences. */
export interface PageInfo {
  /** The headline: context for every sentence. */
  title?: string;
  /** When the page was published: ranking prefers claims of that time. */
  published?: string | null | undefined;
}

/** The pack id and claim id of an index key (pack ids cannot contain "/"). */
export function splitKey(key: string): { packId: string; claimId: string } {
  const at = key.indexOf('/');
  return { packId: key.slice(0, at), claimId: key.slice(at + 1) };
}

/**
 * Everything needed to match an article: the index of the claims of all installed packs, the packs' heads, and a
 * way to fetch the few claims that matched. In memory for the CLI and the bundled packs; with claims read from
 * IndexedDB in the background, so that a large pool costs only its index in memory.
 */
export class ClaimBase {
  readonly matcher: Matcher;
  readonly heads: PackHead[];
  private readonly lookup: ClaimLookup;
  private readonly inMemory: Map<string, Claim> | undefined;

  /** A base over packs held in memory. */
  constructor(packs: Pack[], options?: Partial<MatcherOptions>);
  /** A base over an index, whose claims `lookup` fetches. */
  constructor(packs: { index: ClaimIndex; heads: PackHead[]; lookup: ClaimLookup }, options?: Partial<MatcherOptions>);
  constructor(packs: Pack[] | { index: ClaimIndex; heads: PackHead[]; lookup: ClaimLookup }, options: Partial<MatcherOptions> = {}) {
    if (Array.isArray(packs)) {
      const claims = new Map<string, Claim>();
      for (const pack of packs) for (const claim of pack.claims) claims.set(`${pack.id}/${claim.id}`, claim);
      this.inMemory = claims;
      this.heads = packs.map(headOf);
      this.lookup = async (keys) => keys.map((k) => claims.get(k));
      this.matcher = new Matcher(indexPacks(packs), options);
    } else {
      this.heads = packs.heads;
      this.lookup = packs.lookup;
      this.matcher = new Matcher(packs.index, options);
    }
  }

  get size(): number {
    return this.matcher.index.size;
  }

  /** The claim at an index position, when the claims are in memory. */
  claimAt(doc: number): Claim {
    const claim = this.inMemory?.get(this.matcher.index.keyOf(doc));
    if (!claim) throw new Error('claimAt needs a base built from packs in memory');
    return claim;
  }

  /** What the card and the popup show of a claim. */
  view(head: PackHead, claim: Claim): ClaimView {
    const sources = new Map(head.sources.map((s) => [s.id, s]));
    const coverage: CoverageView[] = [];
    for (const c of claim.coverage) {
      const s = sources.get(c.source);
      if (!s) continue;
      const v: CoverageView = { stance: c.stance, outlet: s.outlet };
      if (c.note) v.note = c.note;
      if (s.title) v.title = s.title;
      if (s.url) v.url = s.url;
      if (s.published) v.published = s.published;
      if (s.kind) v.kind = s.kind;
      const attribution = c.attribution ?? attributionOfKind(s.kind);
      if (attribution) v.attribution = attribution;
      coverage.push(v);
    }
    coverage.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
    const count = (stance: string) => claim.coverage.filter((c) => c.stance === stance).length;
    const view: ClaimView = {
      key: `${head.id}/${claim.id}`,
      packId: head.id,
      claimId: claim.id,
      text: claim.text,
      packTitle: head.title,
      packUpdated: head.updated,
      coverage,
      supports: count('supports'),
      refutes: count('refutes'),
      mixed: count('mixed'),
    };
    if (claim.rating) {
      view.rating = { label: claim.rating.label };
      const by = claim.rating.source ? sources.get(claim.rating.source)?.outlet : undefined;
      if (by) view.rating.outlet = by;
    }
    return view;
  }

  /**
   * The sentences that state a claim. Each sentence is read with the two before it and the headline as context,
   * and states at most one claim (its best). The decision needs only the index; the claims that matched are then
   * fetched, all at once, for their texts and coverage.
   */
  async matchSentences(sentences: Array<Pick<Sentence, 'text'>>, page: PageInfo = {}): Promise<MatchView[]> {
    if (this.size === 0) return [];
    const title = page.title ?? '';
    const day = dayNumber(page.published);
    // Each sentence is tokenised once; its context (headline, two sentences before) is made of those tokens.
    const own = sentences.map((s) => terms(s.text));
    const titleTerms = terms(title);
    const found: Array<{ sentence: number; doc: number; phrasing: number; score: number }> = [];
    sentences.forEach((s, i) => {
      const names = namesReferredTo(s.text, sentences[i - 1]?.text);
      const sequence = names ? [...own[i]!, ...terms(names)] : own[i]!;
      const context = new Set([...titleTerms, ...(own[i - 2] ?? []), ...(own[i - 1] ?? [])]);
      const best = this.matcher.best({ text: s.text }, { own: this.matcher.ownTerms(sequence), sequence, context, day: day ?? postDay(s.text) });
      if (best) found.push({ sentence: i, doc: best.doc, phrasing: best.phrasing, score: best.score });
    });
    if (found.length === 0) return [];
    const keys = [...new Set(found.map((f) => this.matcher.index.keyOf(f.doc)))];
    const claims = new Map(keys.map((k, i) => [k, i]));
    const fetched = await this.lookup(keys);
    const heads = new Map(this.heads.map((h) => [h.id, h]));
    const out: MatchView[] = [];
    for (const f of found) {
      const key = this.matcher.index.keyOf(f.doc);
      const claim = fetched[claims.get(key)!];
      const head = heads.get(splitKey(key).packId);
      if (!claim || !head) continue; // removed since the index was made: say nothing rather than something stale
      const s = sentences[f.sentence]!;
      const phrasing = f.phrasing === 0 ? claim.text : (claim.alternates[f.phrasing - 1] ?? claim.text);
      // What the claim turns on, said only of someone none of its phrasings names ("Google and Microsoft have
      // stopped…"), is not the claim.
      if (saidOfAnother(s.text, [claim.text, ...claim.alternates].join(' '))) continue;
      const relation = relationOf(s.text, phrasing);
      // The story's background ("Until recently, Meta's models were open") is no denial of the change it came to, and
      // "Meta is committed to open source" none of "Meta will not open-source every model".
      if (relation === 'denies' && (tellsOnlyTheBefore(s.text) || saysNothingOfAll(s.text, phrasing))) continue;
      // Nor does it assert a change it says nothing of, or what will be.
      if (relation === 'asserts' && tellsOnlyTheBeforeOf(s.text, phrasing)) continue;
      const view: MatchView = {
        sentence: f.sentence,
        text: s.text,
        relation,
        score: Math.round(f.score * 1000) / 1000,
        shared: sharedWords(phrasing, new Set(own[f.sentence]!)),
        claim: this.view(head, claim),
      };
      if (phrasing !== claim.text) view.phrasing = phrasing;
      if (view.relation === 'asserts' && isHedged(s.text, phrasing)) view.hedged = true;
      out.push(view);
    }
    return out;
  }
}

/** The words of a phrasing (as written there) whose terms the sentence has, each once. */
function sharedWords(phrasing: string, sentenceTerms: Set<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of phrasing.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
    const word = raw.replace(/['’]s$/, '');
    const t = terms(word);
    if (t.length && t.every((x) => sentenceTerms.has(x)) && !seen.has(t.join(' '))) {
      seen.add(t.join(' '));
      out.push(word);
    }
  }
  return out;
}

/** Languages the matcher's normaliser (English stemming and function words) is built for. */
export function supportsLanguage(lang: string): boolean {
  return /^en\b/i.test(lang.trim() || 'en');
}
