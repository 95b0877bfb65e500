import { foldText, terms } from './normalize';

/** Whether a sentence says a claim is so, or says it is not. Claims are stated positively (see pack format). */
export type Relation = 'asserts' | 'denies';

// Words and phrases that turn what follows around. Counted in pairs: "denied that it had not" asserts.
const NEGATION =
  /\b(?:not|no|never|none|nobody|nothing|neither|nor|cannot|without|no longer|nowhere|hardly|false(?:ly)?|untrue|baseless|unfounded|debunk(?:s|ed|ing)?|den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|disput(?:e|es|ed|ing)|contradict(?:s|ed|ing)?|contrary to|unchanged|myth|hoax|fake|misleading|no evidence)\b|n't\b/g;

// Pairs of stems where a sentence using one where the claim uses the other says the opposite.
const ANTONYMS: Array<[string, string]> = [
  ['stop', 'continu'],
  ['halt', 'continu'],
  ['suspend', 'continu'],
  ['abandon', 'continu'],
  ['end', 'continu'],
  ['paus', 'continu'],
  ['stop', 'resum'],
  ['suspend', 'resum'],
  ['opensourc', 'closedsource'],
  ['open', 'close'],
  ['open', 'closedsource'],
  ['releas', 'withhold'],
  ['share', 'withhold'],
  ['increas', 'decreas'],
  ['increas', 'fall'],
  ['rise', 'fall'],
  ['gain', 'lose'],
  ['win', 'lose'],
  ['allow', 'ban'],
  ['legal', 'illeg'],
  ['approv', 'reject'],
  ['safe', 'danger'],
  ['true', 'fals'],
  ['accept', 'reject'],
  ['support', 'oppos'],
  ['more', 'less'],
  ['higher', 'lower'],
];

// "not just", "not only": emphasis, not negation.
const NOT_NEGATION = /\b(?:not|n't) (?:just|only|merely|simply|necessarily)\b|\bno (?:doubt|wonder)\b|\bnothing (?:short of|but)\b/g;

function negations(text: string): number {
  return foldText(text).replace(NOT_NEGATION, ' ').match(NEGATION)?.length ?? 0;
}

// Where one clause ends and another begins: a negation in another clause says nothing of the claim.
const CLAUSE_BREAK = /[;:]|,?\s+(?:but|while|whereas|although|though|however|yet)\s+|\s+and\s+(?=(?:we|they|it|he|she|i|the company)\b)|\s[-\u2013\u2014]\s|\u2014/i;

/** The parts of the sentence that speak of the claim: the clauses sharing most words (or opposites) with it. */
function relevantClauses(sentence: string, claimTerms: Set<string>): string[] {
  const parts = sentence.split(CLAUSE_BREAK).filter((p) => p && p.trim());
  if (parts.length < 2) return [sentence];
  const overlap = parts.map((p) => terms(p).filter((t) => claimTerms.has(t) || antonymsOf(t).some((a) => claimTerms.has(a))).length);
  const most = Math.max(...overlap);
  if (most === 0) return [sentence];
  const floor = Math.max(1, Math.ceil(most / 2));
  return parts.filter((_, i) => overlap[i]! >= floor);
}

/** How many antonym swaps separate the sentence from the claim. */
function swaps(sentenceTerms: Set<string>, claimTerms: Set<string>): number {
  let n = 0;
  for (const [a, b] of ANTONYMS) {
    if (claimTerms.has(a) && !claimTerms.has(b) && sentenceTerms.has(b) && !sentenceTerms.has(a)) n++;
    else if (claimTerms.has(b) && !claimTerms.has(a) && sentenceTerms.has(a) && !sentenceTerms.has(b)) n++;
  }
  return n;
}

/** Stems that the sentence may use in place of a claim's term, saying the opposite of it. */
export function antonymsOf(term: string): string[] {
  const out: string[] = [];
  for (const [a, b] of ANTONYMS) {
    if (a === term) out.push(b);
    else if (b === term) out.push(a);
  }
  return out;
}

/**
 * Reads the relation from negation and antonyms: each negation in the claim or in a clause of the sentence that
 * speaks of the claim, and each swap of a claim word for its opposite, turns the reading around once.
 */
export function relationOf(sentence: string, claim: string): Relation {
  const claimTerms = new Set(terms(claim));
  const clauses = relevantClauses(sentence, claimTerms);
  let flips = negations(claim) + swaps(new Set(clauses.flatMap((c) => terms(c))), claimTerms);
  for (const c of clauses) flips += negations(c);
  return flips % 2 === 0 ? 'asserts' : 'denies';
}

/**
 * Whether a sentence puts something forward as so: questions ("Will open source end?") and conditionals ("If Meta
 * were to close its models, ...") do not, and a reader would not expect them to be flagged as claims.
 */
export function isAssertion(sentence: string): boolean {
  const s = sentence.trim();
  if (/\?["'\u201d\u2019)]*$/.test(s)) return false;
  return !/^["'\u201c\u2018(]?(?:if|whether|should|suppose|imagine)\b/i.test(s);
}
