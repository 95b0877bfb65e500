import ranked from './term-ranks.json';

/**
 * How much a term says, from how rare it is in general English rather than in the pack at hand: a 14-claim pack
 * and a million-claim pool then weigh "suspended" the same, and one rare word shared with a tiny pack is not
 * enough to call a match. Zipf's law makes log(rank) a stand-in for inverse frequency.
 */
export type TermWeight = (term: string) => number;

const RANK_SCALE = 50;

// Tokens the normaliser makes by joining words ("open source" -> opensourc) are not in the word list: they get
// the rank of a word about as common as the phrase.
const JOINED_RANKS: Record<string, number> = { opensourc: 9000, closedsource: 10000, usa: 300, uk: 1500, ai: 6000, covid: 20000 };

export function rankWeights(stems: readonly string[]): TermWeight {
  const rank = new Map<string, number>();
  stems.forEach((s, i) => rank.set(s, i + 1));
  for (const [t, r] of Object.entries(JOINED_RANKS)) rank.set(t, r);
  // Words past the list (names, jargon) are rarer than any on it.
  const unknown = Math.log2(1 + (stems.length * 4) / RANK_SCALE);
  return (term) => {
    const r = rank.get(term);
    if (r !== undefined) return Math.log2(1 + r / RANK_SCALE);
    return /^\d+$/.test(term) ? unknown / 2 : unknown;
  };
}

/** Weights from Wikipedia word counts (see scripts/build-term-ranks.ts). */
export const englishWeights: TermWeight = rankWeights(ranked as string[]);
