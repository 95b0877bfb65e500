import { ClaimIndex } from '../match/index';
import { Matcher, type MatcherOptions } from '../match/matcher';
import { relationOf } from '../match/relation';
import type { Claim, Pack, PackSource } from '../packs/types';
import type { Sentence } from '../extract/sentences';
import type { ClaimView, CoverageView, MatchView } from './views';

/** Everything needed to match an article: the claims of all installed packs, indexed. */
export class ClaimBase {
  readonly matcher: Matcher;
  private readonly claims: Array<{ pack: Pack; claim: Claim }> = [];
  private readonly sources = new Map<string, Map<string, PackSource>>();

  constructor(
    readonly packs: Pack[],
    options: Partial<MatcherOptions> = {},
  ) {
    for (const pack of packs) {
      this.sources.set(pack.id, new Map(pack.sources.map((s) => [s.id, s])));
      for (const claim of pack.claims) this.claims.push({ pack, claim });
    }
    const index = ClaimIndex.build(
      this.claims.map(({ pack, claim }) => ({ key: `${pack.id}/${claim.id}`, phrasings: [claim.text, ...claim.alternates] })),
    );
    this.matcher = new Matcher(index, options);
  }

  get size(): number {
    return this.claims.length;
  }

  /** The claim at an index position, with its pack. */
  entry(doc: number): { pack: Pack; claim: Claim } {
    return this.claims[doc]!;
  }

  view(doc: number): ClaimView {
    const { pack, claim } = this.entry(doc);
    const sources = this.sources.get(pack.id)!;
    const coverage: CoverageView[] = claim.coverage.map((c) => {
      const s = sources.get(c.source)!;
      const v: CoverageView = { stance: c.stance, outlet: s.outlet };
      if (c.note) v.note = c.note;
      if (s.title) v.title = s.title;
      if (s.url) v.url = s.url;
      if (s.published) v.published = s.published;
      if (s.kind) v.kind = s.kind;
      return v;
    });
    coverage.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
    const count = (stance: string) => claim.coverage.filter((c) => c.stance === stance).length;
    const view: ClaimView = {
      key: `${pack.id}/${claim.id}`,
      packId: pack.id,
      claimId: claim.id,
      text: claim.text,
      packTitle: pack.title,
      packUpdated: pack.updated,
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
   * and states at most one claim (its best).
   */
  matchSentences(sentences: Array<Pick<Sentence, 'text'>>, title = '', languageSupported = true): MatchView[] {
    if (!languageSupported || this.claims.length === 0) return [];
    const out: MatchView[] = [];
    sentences.forEach((s, i) => {
      const context = [title, sentences[i - 2]?.text ?? '', sentences[i - 1]?.text ?? ''].join(' ');
      const best = this.matcher.best({ text: s.text, context, previous: sentences[i - 1]?.text });
      if (!best) return;
      const { claim } = this.entry(best.doc);
      out.push({
        sentence: i,
        text: s.text,
        relation: relationOf(s.text, best.phrasing === 0 ? claim.text : (claim.alternates[best.phrasing - 1] ?? claim.text)),
        score: Math.round(best.score * 1000) / 1000,
        claim: this.view(best.doc),
      });
    });
    return out;
  }
}

/** Languages the matcher's normaliser (English stemming and function words) is built for. */
export function supportsLanguage(lang: string): boolean {
  return /^en\b/i.test(lang.trim() || 'en');
}
