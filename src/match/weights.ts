import table from './term-ranks.json';

/**
 * How much a term says, from how rare it is in general English rather than in the pack at hand: a 14-claim pack
 * and a million-claim pool then weigh "suspended" the same, and one rare word shared with a tiny pack is not
 * enough to call a match. Zipf's law makes log(rank) a stand-in for inverse frequency.
 */
export type TermWeight = (term: string) => number;

const RANK_SCALE = 50;

// Tokens the normaliser makes by joining words ("open source" -> opensourc) are not in the word list: they get
// the rank of a word about as common as the phrase.
const JOINED_RANKS = new Map(Object.entries({ opensourc: 9000, closedsource: 10000, usa: 300, uk: 1500, ai: 6000, covid: 20000 }));

/** Word stems and their ranks, the stems in code-unit order (as `<` compares them), so that a rank is found by halving. */
export interface RankTable {
  words: readonly string[];
  ranks: readonly number[];
}

/**
 * Weights from a rank table. The table is searched rather than made into a map: the service worker loads it each
 * time it wakes, and filling a map with its 41,230 stems took three times as long as parsing it (18–24 ms against
 * 7 in Node, cold), on the way to the first page's matches; a search is 16 comparisons.
 */
export function rankWeights({ words, ranks }: RankTable): TermWeight {
  // Words past the list (names, jargon) are rarer than any on it.
  const unknown = Math.log2(1 + (words.length * 4) / RANK_SCALE);
  return (term) => {
    const r = JOINED_RANKS.get(term) ?? rankOf(words, ranks, term);
    if (r !== undefined) return Math.log2(1 + r / RANK_SCALE);
    return /^\d+$/.test(term) ? unknown / 2 : unknown;
  };
}

function rankOf(words: readonly string[], ranks: readonly number[], term: string): number | undefined {
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = words[mid]!;
    if (w === term) return ranks[mid];
    if (w < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Weights from Wikipedia word counts (see scripts/build-term-ranks.ts). */
export const englishWeights: TermWeight = rankWeights(table as RankTable);
