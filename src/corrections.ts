import { foldText } from './match/normalize';

/**
 * A reader's "wrong match": this sentence does not state that claim. Kept in extension storage (storage.local,
 * key "corrections"); the background leaves such pairs out of every later answer. The reader can export and
 * clear the list on the options page.
 */
export interface Correction {
  /** "packId/claimId" */
  claimKey: string;
  /** The sentence, as it stood on the page. */
  sentence: string;
  /** The site it was seen on (host name only). */
  site: string;
  /** When (ms since epoch). */
  at: number;
}

export const CORRECTIONS_KEY = 'corrections';
/** The oldest corrections go first beyond this many. */
export const MAX_CORRECTIONS = 5_000;

/** The identity of a (claim, sentence) pair: the claim's key and the sentence's folded words. */
export function correctionKey(claimKey: string, sentence: string): string {
  return `${claimKey}\u0000${foldText(sentence).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
}

export function parseCorrections(v: unknown): Correction[] {
  if (!Array.isArray(v)) return [];
  return v.filter(
    (c): c is Correction =>
      typeof c === 'object' && c !== null && typeof (c as Correction).claimKey === 'string' && typeof (c as Correction).sentence === 'string' && typeof (c as Correction).at === 'number',
  );
}

export function addCorrection(list: Correction[], c: Correction): Correction[] {
  const key = correctionKey(c.claimKey, c.sentence);
  const rest = list.filter((x) => correctionKey(x.claimKey, x.sentence) !== key);
  return [...rest, c].slice(-MAX_CORRECTIONS);
}
