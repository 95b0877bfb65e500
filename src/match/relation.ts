import { foldText, terms } from './normalize';

/** Whether a sentence says a claim is so, or says it is not. Claims are stated positively (see pack format). */
export type Relation = 'asserts' | 'denies';

// Words and phrases that turn what follows around. Counted in pairs: "denied that it had not" asserts.
const NEGATION =
  /\b(?:not|no|never|none|nobody|nothing|neither|nor|cannot|without|no longer|nowhere|hardly|false(?:ly)?|untrue|baseless|unfounded|debunk(?:s|ed|ing)?|den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|disput(?:e|es|ed|ing)|contradict(?:s|ed|ing)?|unchanged|myth|hoax|fake|misleading|no evidence)\b|n't\b/g;

// Verbs of stopping, ending, removing and refusing: "stopped releasing" says "not releasing", so "no longer
// releases" asserts it, and "keeps releasing" denies it, with no list of opposites needed.
const PRIVATIVE =
  /\b(?:stop(?:s|ped|ping)?|halt(?:s|ed|ing)?|ceas(?:e|es|ed|ing)|abandon(?:s|ed|ing|ment)?|suspen(?:d|ds|ded|ding|sion)|scrap(?:s|ped|ping)?|shelv(?:e|es|ed|ing)|ditch(?:es|ed|ing)?|drop(?:s|ped|ping)? (?:its|their|the|a|plans?)|withdr(?:aw|aws|ew|awn|awing|awal)|withh(?:old|olds|eld|olding)|refus(?:e|es|ed|ing)|phas(?:e|es|ed|ing) out|remov(?:e|es|ed|ing|al)|block(?:s|ed|ing)?|ban(?:s|ned|ning)?|cut(?:s|ting)? off|shut(?:s|ting)? (?:off|down)|pull(?:s|ed|ing)? back|away from|deprecat\w*|revers(?:e|es|ed|ing)(?! course)|discontinu\w*|cancel\w*|lift(?:s|ed|ing)?(?= (?:the |its |a )?ban)|end(?:s|ed|ing)?)\b/g;

// Phrases that look like a cue and are not one.
const NOT_A_CUE =
  /\b(?:(?:not|n't) (?:just|only|merely|simply|necessarily)|no (?:doubt|wonder)|nothing (?:short of|but)|(?:in|at|by|until|to|towards?) the end(?: of)?|end of the (?:year|month|week|day|quarter|decade|century)|end-to-end|reversed? course)\b/g;

// Pairs of stems where a sentence using one where the claim uses the other says the opposite. The first group is
// for matching only: in the relation, stopping verbs count as privative instead (see PRIVATIVE).
const VERB_ANTONYMS: Array<[string, string]> = [
  ['stop', 'continu'],
  ['halt', 'continu'],
  ['suspend', 'continu'],
  ['abandon', 'continu'],
  ['end', 'continu'],
  ['paus', 'continu'],
  ['stop', 'resum'],
  ['suspend', 'resum'],
  ['releas', 'withhold'],
  ['allow', 'ban'],
  ['approv', 'reject'],
  ['accept', 'reject'],
];
const ANTONYMS: Array<[string, string]> = [
  ['opensourc', 'closedsource'],
  ['opensourc', 'close'],
  ['open', 'close'],
  ['open', 'closedsource'],
  ['charg', 'free'],
  ['paid', 'free'],
  ['share', 'withhold'],
  ['increas', 'decreas'],
  ['increas', 'fall'],
  ['rise', 'fall'],
  ['gain', 'lose'],
  ['win', 'lose'],
  ['legal', 'illeg'],
  ['safe', 'danger'],
  ['true', 'fals'],
  ['support', 'oppos'],
  ['more', 'less'],
  ['higher', 'lower'],
];

// "Away from A toward B" describes a move, as "shifting from A to B" does: not a negation of what follows.
const MOVE_BETWEEN = /\baway from\b(?=[^.;]*?\b(?:toward|towards|to|for|in favou?r of)\b)/g;

// Words that say something goes on: the other side of a stopping verb.
const CONTINUATION = /\b(?:keep(?:s|ing)?|kept|continu\w*|remain\w*|still|stay\w*|resum\w*|extend\w*|maintain\w*|(?:go|goes|going|press|pressing|moving) ahead|on (?:track|schedule))\b/;

function cues(text: string): { negations: number; privatives: number } {
  const t = foldText(text).replace(NOT_A_CUE, ' ').replace(MOVE_BETWEEN, ' ');
  return { negations: t.match(NEGATION)?.length ?? 0, privatives: t.match(PRIVATIVE)?.length ?? 0 };
}

function negations(text: string): number {
  const c = cues(text);
  return c.negations + c.privatives;
}

// Where one clause ends and another begins: a negation in another clause says nothing of the claim.
const CLAUSE_BREAK = /[;:]|,?\s+(?:but|while|whereas|although|though|however|yet)\s+|\s+and\s+(?=(?:we|they|it|he|she|i|the company)\b)|,\s+(?=(?:leaving|making|adding|saying|citing|prompting|sending)\b)|\s[-\u2013\u2014]\s|\u2014/i;

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

/**
 * How many antonym swaps separate the sentence from the claim: sentence words whose opposite the claim uses
 * instead. Each sentence word counts once, though the claim may say its opposite twice ("closed, proprietary").
 */
function swaps(sentenceTerms: Set<string>, claimTerms: Set<string>): number {
  let n = 0;
  for (const t of sentenceTerms) {
    if (claimTerms.has(t)) continue;
    const opposite = ANTONYMS.some(([a, b]) => (a === t && claimTerms.has(b) && !sentenceTerms.has(b)) || (b === t && claimTerms.has(a) && !sentenceTerms.has(a)));
    if (opposite) n++;
  }
  return n;
}

/** Stems that the sentence may use in place of a claim's term, saying the opposite of it. */
const NONE: readonly string[] = [];
let opposites: Map<string, string[]> | undefined;

export function antonymsOf(term: string): readonly string[] {
  if (!opposites) {
    opposites = new Map();
    for (const [a, b] of [...VERB_ANTONYMS, ...ANTONYMS]) {
      opposites.set(a, [...(opposites.get(a) ?? []), b]);
      opposites.set(b, [...(opposites.get(b) ?? []), a]);
    }
  }
  return opposites.get(term) ?? NONE;
}

/**
 * Reads the relation from negation and antonyms: each negation in the claim or in a clause of the sentence that
 * speaks of the claim, and each swap of a claim word for its opposite, turns the reading around once.
 */
export function relationOf(sentence: string, claim: string): Relation {
  const claimTerms = new Set(terms(claim));
  const clauses = relevantClauses(sentence, claimTerms);
  let flips = swaps(new Set(clauses.flatMap((c) => terms(c))), claimTerms);
  for (const c of clauses) flips += negations(c);
  // A stopping verb in the claim ("stopped releasing") is answered only by a sentence that speaks of stopping or
  // going on; one that merely shares the claim's other words ("the announcement came during a review") asserts.
  const claimCues = cues(claim);
  const speaksOfIt = flips > 0 || clauses.some((c) => CONTINUATION.test(foldText(c)));
  flips += claimCues.negations + (speaksOfIt ? claimCues.privatives : 0);
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
