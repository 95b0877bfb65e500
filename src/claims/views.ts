import type { Relation } from '../match/relation';
import type { Attribution, SourceKind, Stance } from '../packs/types';
import { t } from '../ui/i18n';

/** A coverage item with its source resolved: what a reader sees in a card or the popup. */
export interface CoverageView {
  stance: Stance;
  note?: string;
  outlet: string;
  title?: string;
  url?: string;
  published?: string;
  kind?: SourceKind;
  /** On whose authority (the coverage item's own, or inferred from the source's kind). */
  attribution?: Attribution;
}

export interface ClaimView {
  /** "packId/claimId" */
  key: string;
  packId: string;
  claimId: string;
  text: string;
  packTitle: string;
  /** The pack's "data as of" date. */
  packUpdated: string;
  rating?: { label: string; outlet?: string };
  /** Coverage, newest first. */
  coverage: CoverageView[];
  supports: number;
  refutes: number;
  mixed: number;
}

/** One sentence of the page that states a claim. */
export interface MatchView {
  /** Index of the sentence in what the content script sent. */
  sentence: number;
  /** The sentence's text. */
  text: string;
  relation: Relation;
  /** The sentence puts the claim forward as a possibility ("could", "potentially"): it suggests rather than asserts. */
  hedged?: true;
  /** The matcher's decision score, 0..1. */
  score: number;
  /** The claim's words the sentence also uses (as the claim writes them): why it matched. */
  shared: string[];
  /** The phrasing of the claim that matched, when it was an alternate rather than the claim's own text. */
  phrasing?: string;
  claim: ClaimView;
}

/** How sure the match is, in words a reader understands (bands of the decision score). */
export function confidenceOf(score: number): { level: 'strong' | 'likely' | 'possible'; words: string } {
  if (score >= 0.95) return { level: 'strong', words: t('strongMatch') };
  if (score >= 0.85) return { level: 'likely', words: t('likelyMatch') };
  return { level: 'possible', words: t('possibleMatch') };
}

/** Where a coverage item stands relative to the page, given whether the page asserts or denies the claim. */
export type Side = 'corroborates' | 'contradicts' | 'mixed';

export function sideOfPage(relation: Relation, stance: Stance): Side {
  if (stance === 'mixed') return 'mixed';
  const agrees = (stance === 'supports') === (relation === 'asserts');
  return agrees ? 'corroborates' : 'contradicts';
}

/** How many coverage items the hover card lists; the rest are in the toolbar popup. */
export const CARD_SOURCES = 3;

/**
 * The coverage the hover card lists for a match, with where each stands relative to the page: contradicting first
 * (what the reader of this page would otherwise not see), then corroborating, then mixed; newest first within each.
 */
export function cardCoverage({ claim, relation }: Pick<MatchView, 'claim' | 'relation'>): Array<{ item: CoverageView; side: Side }> {
  const order = { contradicts: 0, corroborates: 1, mixed: 2 } as const;
  const sides = claim.coverage.map((item) => ({ item, side: sideOfPage(relation, item.stance) }));
  return sides.sort((a, b) => order[a.side] - order[b.side]).slice(0, CARD_SOURCES);
}

/**
 * A match as the page needs it: its claim with only the coverage its card lists (the tallies stay whole). The page
 * gets every match with its claim, often the same claim many times, and the answer's size is time on the way to
 * its highlights: the long article's 50 matches took 120 kB with all their coverage.
 */
export function forPage(match: MatchView): MatchView {
  return { ...match, claim: { ...match.claim, coverage: cardCoverage(match).map((c) => c.item) } };
}

/** A claim found on the page with all the sentences that state it, strongest first. */
export interface ClaimOnPage {
  claim: ClaimView;
  matches: MatchView[];
  /** The relation of the strongest sentence. */
  relation: Relation;
  /** Whether the strongest sentence only suggests the claim. */
  hedged: boolean;
  /** Some sentences assert the claim and others deny it. */
  conflicted: boolean;
}

/** Groups matches by claim, in the order the claims first appear on the page. */
export function claimsOnPage(matches: MatchView[]): ClaimOnPage[] {
  const byKey = new Map<string, MatchView[]>();
  for (const m of [...matches].sort((a, b) => a.sentence - b.sentence)) {
    const list = byKey.get(m.claim.key) ?? [];
    list.push(m);
    byKey.set(m.claim.key, list);
  }
  return [...byKey.values()].map((list) => {
    const strongest = list.reduce((a, b) => (b.score > a.score ? b : a));
    return {
      claim: strongest.claim,
      matches: list,
      relation: strongest.relation,
      hedged: strongest.hedged === true,
      conflicted: list.some((m) => m.relation !== strongest.relation),
    };
  });
}
