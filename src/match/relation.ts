import { ENDING_A_MARRIAGE, foldText, terms } from './normalize';

/** Whether a sentence says a claim is so, or says it is not. Claims are stated positively (see pack format). */
export type Relation = 'asserts' | 'denies';

// Words and phrases that turn what follows around. Counted in pairs: "it has not stopped" denies a stop.
const NEGATION =
  /\b(?:not|no(?! such\b)|never|none|nobody|nothing|neither|nor|cannot|without|no longer|nowhere|hardly|unchanged|instead of|rather than|impossible|rul(?:e|es|ed|ing) out|out of the (?:question|equation)|off the table)\b|n't\b/g;

// Words that call what is said false. Within a clause they say it once, however many there are: "hoaxes that have
// falsely claimed" and "denied the fake report" each deny once. With a negation they still pair ("denied that it had
// not" asserts).
const FALSITY =
  /\b(?:false(?:ly)?|untrue|no such|baseless|unfounded|debunk(?:s|ed|ing)?|den(?:y|ies|ied|ying|ials?)|dismiss(?:es|ed|ing)?(?! (?:from|as)\b)|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting|tal)?|disput(?:ed|ing)|(?<!\b(?:a|an|the|this|that|its|their|his|her) )disputes?(?= (?:the|this|that|these|those|an?|claims?|reports?|allegations?|it|its|his|her|their|any)\b)|contradict(?:s|ed|ing)?|myths?|urban legends?|hoax(?:es)?|fakes?|phony|bogus|fraudulent(?= (?:[\w-]+ ){0,2}(?:messages?|texts?|e-?mails?|notices?|posts?|letters?|calls?|websites?|accounts?)\b)|dispel(?:s|led|ling)?|denounc(?:e|es|ed|ing)|inaccurate|incorrect|erroneous|fabricated|groundless|unsubstantiated|(?:mis|dis)information|nonsense|call(?:s|ed|ing)? (?:[\w\u2019']+ ){0,6}?(?:an? |just |mere )?["\u201c']?(?:rumou?rs?|speculation)|(?:pure|complete|total|a work of) fiction|(?<=[-\u2013\u2014]\s?)fiction(?=\W*$)|(?<=,\s)fiction(?=!\W*$)|off the mark|counter(?:s|ed|ing)? (?:the )?(?:rumou?rs?|reports?|claims?|speculation)|misleading|made[\s-]up(?! of\b)|(?:all|just|pure|complete|total|outright|blatant) lies|(?:absolute|complete|utter|total|pure) (?:rubbish|garbage|hogwash|baloney|bunkum|tosh)|(?:is|are|was|were) (?:just )?(?:rubbish|hogwash|baloney|bunkum|tosh)|conspiracy theor(?:y|ies|ists?)|disprov(?:e|es|ed|en|ing)|(?:claims?|reports?|rumou?rs?|theor(?:y|ies)|allegations?) (?:is|are|was|were) (?:completely |simply |plainly |just )?wrong|(?:utterly |completely |totally )?(?:ridiculous|absurd|laughable|preposterous)|(?:greatly |grossly |wildly |vastly )?exaggerat(?:ed|ion)|(?:shoot(?:s|ing)?|shot|squash(?:es|ed|ing)?|quash(?:es|ed|ing)?|scotch(?:es|ed|ing)?|nix(?:es|ed|ing)?|snub(?:s|bed|bing)?|rubbish(?:es|ed|ing)?|invalidat(?:e|es|ed|ing)|(?:put|puts|putting|lay|lays|laid|laying) to rest|clear(?:s|ed|ing)? up|knock(?:s|ed|ing)? down|hit(?:s|ting)? (?:back|out) at|(?:speak(?:s|ing)?|spoke|spoken) out against)(?= (?:[\w\u2019'-]+ ){0,5}?(?:rumou?rs?|reports?|claims?|speculation|gossip|suggestions?|talk)\b)|(?<!\bthere )(?:is|are|was|were) (?:just |merely |only |mere |simply |nothing but )?(?:an? )?(?:[\w-]+ )?"?rumou?rs?(?! (?:that|of|about|on)\b)|(?:rumou?rs?|reports?|speculation) (?:[\w\u2019'-]+ ){0,6}?(?:shot down|squashed|quashed|scotched|nixed|snubbed|rubbished|put to rest|laid to rest|cleared up|knocked down))\b|(?:rumou?rs?|reports?|speculation|claims?)\b[^.;:]{0,80}?\b(?:is|are|was|were|might be|may be|could be|seems?|seemed)\s+(?:a little |a bit |somewhat |rather )?premature\b/;

// Telling people not to believe or rely on something ("warning people not to believe fake text messages"), or that
// there is no basis for it, calls it false: it is read as the word "false", so that its "not" or "no" is no turn of
// its own and it counts once with any other word of falsity in the clause.
const DISBELIEF = /\b(?:(?:not to|do not|don't|never|should not|shouldn't) (?:believe|trust|rely on)|no (?:factual )?basis(?: whatsoever| at all)?(?= (?:for|to)\b))/g;
/** A text folded, with its words of disbelief as "false": what FALSITY and the negations are read on. */
const falsityWordsOf = (text: string) => foldText(text).replace(DISBELIEF, ' false ');
/** Whether a text calls something false. */
const callsFalse = (text: string) => FALSITY.test(falsityWordsOf(text));

// Verbs of stopping, ending, removing and refusing: "stopped releasing" says "not releasing", so "no longer
// releases" asserts it, and "keeps releasing" denies it, with no list of opposites needed. Sacking someone is ending
// their post ("remains our manager" denies it); "fired" only with its post ("fired as manager"), not of guns.
const PRIVATIVE =
  /\b(?:stop(?:s|ped|ping)?|halt(?:s|ed|ing)?|sack(?:ed|ing)|sacks?(?! of\b)|(?:fir|dismiss|oust|remov)(?:e|es|ed|ing)? (?:as|from) (?:his |her |their |the )?(?:post|job|role|manager|coach|head|chief|ceo|director|minister|chair\w*)|ceas(?:e|es|ed|ing)|abandon(?:s|ed|ing|ment)?|suspen(?:d|ds|ded|ding|sion)|scrap(?:s|ped|ping)?|shelv(?:e|ed|ing)|(?:put|puts|putting|placed?|places|placing) (?:a |an )?(?:\w+ )?hold on|(?:go|goes|going|gone|went) away(?! from)|(?:go|goes|going|gone|went) out of business|ditch(?:es|ed|ing)?|drop(?:s|ped|ping)? (?:its|their|the|a|plans?)|withdr(?:aw|aws|ew|awn|awing|awal)|withh(?:old|olds|eld|olding)|refus(?:e|es|ed|ing)|phas(?:e|es|ed|ing) out|remov(?:e|es|ed|ing|al)|delet(?:e|es|ed|ing|ion)|lay(?:s|ing)? off|laid off|layoffs?|block(?:s|ed|ing)?|ban(?:s|ned|ning)?|prohibit(?:s|ed|ing|ions?)?|outlaw(?:s|ed|ing)?|cut(?:s|ting)? off|shut(?:s|ting)? (?:off|down)|shutdown|pull(?:s|ed|ing)? back|call(?:s|ed|ing)? off|away from|retreat(?:s|ed|ing)? from|step(?:s|ped|ping)? back from|walk(?:s|ed|ing)? back|deprecat\w*|depart(?:s|ed|ing|ure)? from|eliminat\w*|(?:do|does|did|doing|done) away with|get(?:s|ting)? rid of|got rid of|skip(?:s|ped|ping)?|revers(?:e|es|ed|ing)(?! course)|discontinu\w*|cancel\w*|split(?:s|ting)? up|br(?:eak|eaks|eaking|oke|oken) up|disband\w*|go(?:es|ing)? (?:their|its) separate ways|went (?:their|its) separate ways|terminat(?:e|es|ed|ing|ion)|lift(?:s|ed|ing)?(?= (?:the |its |a )?ban)|kill(?:s|ed|ing)?(?= (?:off )?(?:(?:its|their|the|a|an|this|that|these|those|his|her|our)\s+)?(?:[\w-]+\s+){0,2}?(?:plans?|projects?|programs?|programmes?|products?|features?|services?|support|cookies|deals?|bills?|proposals?|apps?|lines?|brands?|models?)\b)|end(?:s|ed|ing)?)\b/g;

// Putting something off: a stopping of what was due, said once in a clause however many ways ("pushed back the
// release, delaying the rollout"). Not a move, though a delay may be "to" a date.
const DELAY = /\b(?:delay(?:s|ed|ing)?|postpon(?:e|es|ed|ing|ement)|push(?:es|ed|ing)? back|reschedul\w*)\b/;

// Closing a place is a stopping ("closing all of its stores", "no plans to close the Juneau store"); closing in
// general is not one: "closed models" are a kind, not an end. Nor are "store closures" counted: news names them as
// the background of a larger claim ("denied it was going out of business amid store closures").
const PLACES = '(?:stores?|shops?|doors|locations?|outlets?|branch(?:es)?|restaurants?|plants?|factor(?:y|ies)|offices?|sites?|cent(?:re|er)s?|facilit(?:y|ies)|malls?|schools?|hospitals?|clinics?|banks?)';
const CLOSING_A_PLACE = new RegExp(
  `\\b(?:clos(?:e|es|ed|ing)|shutter(?:s|ed|ing)?)(?= (?:down )?(?:[\\w\u2019']+ ){0,5}?${PLACES}\\b)|\\bclos(?:e|es|ed|ing) down\\b|\\bclos(?:e|es|ed|ing)\\b(?<=\\b${PLACES} (?:[\\w\u2019']+ ){0,5}?clos\\w*)`,
  'g',
);

// Taken off the shelves or the market: a stopping in itself, but said with a stopping verb ("removed from store
// shelves") the same one, counted once.
const OFF_MARKET = /\b(?:off|from) (?:the |store |its |their )*(?:shelves|market)\b/g;

// "Nor" after a negation carries the same one on ("has never shared data, nor received a request"); alone it turns.
// So does "neither" after one: "not negotiating with any club, neither Spanish nor foreign" says "not" once.
const FIRST_NEGATION = /\b(?:neither|not|never|no)\b|n't\b/;
// A list of things said not to be ("no statement due, no divorce"): one negation, as "neither … nor" is.
const NO_LIST = /(?<=\bno\b[^,;:.]*),\s+no\b/g;
function norAfterNegationDropped(t: string): string {
  const first = t.search(FIRST_NEGATION);
  if (first < 0) return t;
  const at = first + (t.slice(first).match(FIRST_NEGATION)?.[0].length ?? 0);
  return t.slice(0, at) + t.slice(at).replace(/\b(?:nor|neither)\b/g, ' ');
}

// Phrases that look like a cue and are not one ("No. 1" is a number; what "eliminates the need for" something
// stops nothing).
const NOT_A_CUE_PHRASES =
  /\b(?:(?:not|n't) (?:just|only|merely|simply|necessarily)|(?:not|n't) (?:been |be )?(?:restricted|limited|confined) to|no (?:doubt|wonder)|nothing (?:short of|but)|(?:in|at|by|until|to|towards?) the end(?: of)?|end of the (?:year|month|week|day|quarter|decade|century)|end-to-end|reversed? course|(?:eliminat\w*|remov(?:e|es|ed|ing)|obviat\w*|end(?:s|ed|ing)?) the (?:need|necessity) (?:for|of|to))\b|\bno\. ?(?=\d)/;
const NOT_A_CUE = new RegExp(`${NOT_A_CUE_PHRASES.source}|${ENDING_A_MARRIAGE.source}`, 'g');

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
  // Alive, against a death (died, dies, dead, death and dying are one term: see normalize.ts).
  ['aliv', 'di'],
  // Still together, against a divorce ("ending a marriage" is one: see normalize.ts).
  ['togeth', 'divorc'],
  // Staying, against leaving or quitting ("he is staying at EastEnders"; "stay" is "remain": see normalize.ts).
  ['leav', 'remain'],
  ['quit', 'remain'],
  ['support', 'oppos'],
  ['more', 'less'],
  ['higher', 'lower'],
];

// "Away from A toward B" describes a move, as "shifting from A to B" does: not a negation of what follows.
// Not so a plan's "to" ("backed away from its plan to charge"): what is left there is an intent, not a side.
const MOVE_BETWEEN = /\baway from\b(?!\s+(?:(?:the|its|their|his|her|our|a|an)\s+)?(?:[\w-]+\s+)?(?:plans?|proposals?|ideas?|decisions?|efforts?|bids?|push|attempts?|intentions?|promises?|pledges?|commitments?)\s+to\b)(?=[^.;]*?\b(?:toward|towards|to|for|in favou?r of)\b)/g;

// Words that say something goes on: the other side of a stopping verb (and of a delay: "on time", "reaffirmed the
// date").
const CONTINUATION = /\b(?:keep(?:s|ing)?|kept|continu\w*|remain\w*|still|stay\w*|resum\w*|renew(?:s|ed|ing|al)?|extend\w*|maintain\w*|unchanged|(?:go|goes|going|press|pressing|moving) ahead|on (?:track|schedule|time|course)|as (?:scheduled|planned)|(?:as per|according to) (?:the |its |their )?(?:schedule|plan|timetable)|reaffirm\w*)\b/;

// Verbs of moving from one thing to another. A claim that something changes ("is shifting from open to closed
// models") says that the old way stops: it is answered as a stopping claim is, and a sentence's own moving verb
// ("is moving to closed systems", "has not changed") speaks of that change; moving faster or forward is no change.
const MOVE = /\b(?:shift(?:s|ed|ing)?|mov(?:e|es|ed|ing)(?! ahead| (?:faster|quicker|fast|quickly|swiftly|rapidly|slowly|forward)\b)|pivot\w*|switch\w*|transition\w*|turn(?:s|ed|ing)? (?:away|its back)|chang(?:e|es|ed|ing)|revis(?:e|es|ed|ing)|rethink\w*|rethought|overhaul\w*|relocat\w*|pull(?:s|ed|ing)? back(?= to\b))\b/g;
// "Moving away from" is one move, not a move and a leaving.
const MOVE_AWAY = /\b((?:shift|mov|pivot|turn)\w*) away from\b/g;
// A move toward something: said of what a claimed move leaves ("moving towards open-source AI"), it goes back.
const MOVE_TOWARD = /\b(?:shift|mov|pivot|switch|turn|transition)\w*\s+(?:back\s+)?(?:to|toward|towards|into)\b/;

/** A stopping verb followed, in the same sentence, by one of `markers` saying what takes the stopped thing's place. */
const stopReplacedBy = (markers: string, flags: string) => new RegExp(`(?:${PRIVATIVE.source})(?=[^.;]*?\\b(?:${markers})\\b)`, flags);

// Said of what replaces it ("shelving Llama in favour of a closed model", "pulling back to closed models"), a
// stopping verb describes a move: it is read as one in any sentence, before the sentence is split ("might scrap
// Behemoth in favour of keeping it closed-source" does not deny that Meta keeps its most powerful models proprietary).
const STOP_IN_FAVOUR = new RegExp(`${stopReplacedBy('in favou?r of|towards?', '').source}|\\bpull(?:s|ed|ing)? back(?= to\\b)`, 'gi');
// One stopping set against another ("the strike was suspended, not called off"; "cancelled, not merely postponed")
// says which of the two it was: the one the claim names is denied or asserted by the "not" alone, and the other is
// no stopping of its own.
// (Found with the stopping words' own expressions and the words between them, not with one expression holding both
// twice: each copy of a large expression is compiled, and kept, on its own.)
const DELAYS = new RegExp(DELAY.source, 'g');
const NOT_BETWEEN = /^,?\s+(?:but\s+|and\s+)?not\s+(?:merely\s+|just\s+|simply\s+)?$/;
function stopSetAgainstStop(sentence: string, claimTerms: Set<string>): string {
  const lower = sentence.toLowerCase();
  if (lower.length !== sentence.length || !/\bnot\b/.test(lower)) return sentence;
  const stops = [...lower.matchAll(PRIVATIVE), ...lower.matchAll(DELAYS)].sort((a, b) => a.index - b.index);
  const names = (words: string) => terms(words).some((t) => claimTerms.has(t));
  for (let i = 0; i + 1 < stops.length; i++) {
    const [a, b] = [stops[i]!, stops[i + 1]!];
    const end = a.index + a[0].length;
    if (!NOT_BETWEEN.test(sentence.slice(end, b.index))) continue;
    const first = sentence.slice(a.index, end);
    const second = sentence.slice(b.index, b.index + b[0].length);
    const before = sentence.slice(0, a.index);
    const after = sentence.slice(b.index + b[0].length);
    if (names(second) && !names(first)) return `${before}handled${sentence.slice(end, b.index)}${second}${after}`;
    if (names(first) && !names(second)) return `${before}${first}${after}`;
    return sentence;
  }
  return sentence;
}

// "Ditching open models for a closed one" is a move too, but "for" is too common to be read so everywhere: only on
// the side of a claimed move that it goes to (`readMove`).
const STOP_FOR = stopReplacedBy('for', 'g');

/** The cues of a text: negations, stopping verbs, and, where the claim is one of change (`change`), moving verbs. */
function cues(text: string, change = false): { negations: number; privatives: number; moves: number; stopsFor: number; offMarket: number } {
  let t = norAfterNegationDropped(falsityWordsOf(text).replace(NOT_A_CUE, ' ')).replace(NO_LIST, '$1');
  if (change) t = t.replace(MOVE_AWAY, '$1');
  t = t.replace(MOVE_BETWEEN, ' ');
  return {
    negations: (t.match(NEGATION)?.length ?? 0) + (FALSITY.test(t) ? 1 : 0),
    privatives: (t.match(PRIVATIVE)?.length ?? 0) + (t.match(CLOSING_A_PLACE)?.length ?? 0) + (DELAY.test(t) ? 1 : 0),
    moves: change ? (t.match(MOVE)?.length ?? 0) : 0,
    stopsFor: t.match(STOP_FOR)?.length ?? 0,
    offMarket: t.match(OFF_MARKET)?.length ?? 0,
  };
}

/** A clause's cues against a claim; against a claim of change, "unchanged" says that things go on, not "not". */
function clauseCues(clause: string, change: boolean) {
  return cues(change ? clause.replace(/\bunchanged\b/gi, ' ') : clause, change);
}

/** A verb of moving speaks of the change once, and only where no stopping verb does already. */
const moved = (c: { privatives: number; moves: number }) => (c.privatives === 0 && c.moves > 0 ? 1 : 0);

// A stopping said with a negation ("no longer supports", "won't offer it anymore"), or a going on.
const STOPPED_OR_GOING_ON = new RegExp(`\\b(?:no longer|any ?more)\\b|${CONTINUATION.source}`);

/** A clause's turns against a claim, and whether it speaks of a stopping, a change or a going on at all. */
function negations(text: string, change: boolean): { turns: number; ofChange: boolean } {
  const c = clauseCues(text, change);
  const stops = c.privatives + moved(c) + (c.privatives === 0 && c.offMarket > 0 ? 1 : 0);
  return { turns: c.negations + stops, ofChange: stops > 0 || STOPPED_OR_GOING_ON.test(foldText(text)) };
}

// Where one clause ends and another begins: a negation in another clause says nothing of the claim. A relative
// clause is one too ("a closed model that does not disclose its weights"): "that" followed at once by its verb, not
// by a subject as in "denied that it had".
// What is called false and then said not to be something else ("the texts are false and were not initiated by the
// Army") is two clauses, so that the second "not" does not undo the first.
const CLAUSE_BREAK = /^(?:no|yes|however|hopefully|either way|in fact|don['\u2019]?t worry|do not worry|in (?:response|reply) to\b[^,]*|(?:replying|responding) to\b[^,]*|asked (?:about|whether|if)\b[^,]*)\s*,\s*|[;:]|,?\s+(?:but|while|whereas|although|though|however)\s+|,\s+yet\s+|,\s+(?=(?:so|when|after|before|because|since|as)\s)|,?\s+(?=(?:despite|amid|after)\s)|(?<!\b(?:is|are|was|were|has|have|had|will|would|can|could|do|does|did|should|may|might|must))\s+and\s+(?!(?:[\w\u2019'.-]+\s+){0,3}(?:are|were)\b|another\b)|,\s+and\s+|,?\s+in favou?r of\s+|,?\s+(?=(?:instead of|rather than)\b)|,(?<=^\W*(?:instead of|rather than|although|though|while|whereas|after|despite|amid|following)\b[^,]*,)\s+|\s+(?=(?:saying|insisting|adding|stating)\s+(?:that\s+)?(?:they|it|he|she|we|there)\b)|,\s+(?=(?:leaving|making|forcing|adding|saying|stating|suggesting|claiming|alleging|asserting|affirming|insisting|noting|citing|prompting|sending|referring|call(?:s|ed|ing)|describing|branding|label(?:l)?ing|terming|denouncing|using|quashing|dismissing|denying|rejecting|refuting|debunking|rubbishing|(?:denie|dismisse|reject|refute)[sd])\b)|\s+(?=that\b)(?<=\b(?:(?:re)?assur|affirm|insist)\w*(?:\s+\w+){0,3}\s+)|\s+(?=(?:that|which|who)\s+(?:does|do|did|is|are|was|were|has|have|had|will|would|can|could|may|might|must|should)(?:n['\u2019]t)?\s)|(?<=\b(?:true|false|correct|accurate|inaccurate|untrue))\s+(?=as\s)|(?<=\b(?:false|untrue|fake|bogus|baseless|unfounded|incorrect|inaccurate|fabricated|groundless|misleading))\s+and\s+(?=(?:is|are|was|were|has|have|had)(?:\s+not\b|n['\u2019]t\b))|\s[-\u2013\u2014]\s|\u2014/i;

const RUNS_ON_TO_MAIN_VERB = /^\s*(?:that|which|who)\s+\S.*\b(?:has|have|had)\s+been\b/i;
const CONSEQUENCE = /^\s*(?:forcing|prompting|leading|causing)\b/i;
const CONCESSION = /^\W*(?:although|though|while|whereas|after|despite|amid|following|replying to|responding to|asked (?:about|whether|if))\b/i;
const PARTICIPLES_AND = /\b(\w+(?:ed|en))\s+and\s+(?=\w+(?:ed|en)\b)/gi;
// Two verbs after "to" or a modal share their object: "plans to eliminate and replace third-party cookies".
const VERBS_AND = /\b((?:to|will|would|can|could|may|might|must|should|shall)\s+\w+)\s+and\s+(?!(?:the|a|an|its|their|his|her|our|it|they|he|she|we|this|that|these|those|there|then)\b)(?=\w+\s)/gi;
const NAMES_AND = /(\b\p{Lu}[\p{L}\p{N}'\u2019.-]*)\s+and\s+(?=(?:the\s+)?\p{Lu})/gu;

// The one who speaks at the head of a sentence: "Mark Zuckerberg, founder of Meta, said during a podcast that …".
const SPEAKER = /^([^.;:!?]{0,120}?)\b(?:said|says|told|tells|stated|states|wrote|writes|added|insisted|insists|explained|argued|noted)\b/i;
// A relative clause set off by commas is an aside: "Representatives denied the actor, who has been a hit since 2013,
// plans to leave" is one clause once the aside is out.
const ASIDE = /,\s+(?:who|which)\s[^,;:]*,/g;
// What a colon or a dash introduces at the end of a sentence without a verb or a negation of its own names what came
// before it ("…a key tenet of its previous strategy: open access to model weights", or "…strategy—open access…"): it
// is read with that clause, not as one of its own. After a colon a verb ("…more than any benchmark: it won't be
// open-sourced") or a quote starts a clause, and a negation is said of what it names ("Avocado will be a closed model:
// no downloadable weights"), not of the clause before it.
// (A colon followed by a space, not a clock's or an address's; an em dash, or a spaced en dash or hyphen, as
// CLAUSE_BREAK has them: "$12–16k" is a range.)
const NAMING_BREAK = /(?::(?=\s)|\s?\u2014\s?|\s[\u2013-]\s)(?=\s*(?!["'\u2018\u201c])([^.;:!?"\u201c\u2013\u2014]{1,80})[.!?]?\s*$)/;
const NOT_A_NAMING = /^\s*(?:but|and|or|so|yet|though|although|while|whereas)\b|\b(?:am|is|are|was|were|be|been|being|has|have|had|will|would|shall|should|can|could|may|might|must|do|does|did|says?|said|no|not|never|none|nor|nothing|neither|without)\b|['\u2019](?:m|re|ve|ll|d|s)\b|n['\u2019]t\b|\b\w{3,}ed\b/i;
// A stopping verb is a verb too, however it ends ("…called off: Unite Union suspends walk-out").
const STOPPING = new RegExp(PRIVATIVE.source, 'i');
const namingJoined = (sentence: string) => {
  const m = NAMING_BREAK.exec(sentence);
  if (!m || NOT_A_NAMING.test(m[1]!) || STOPPING.test(m[1]!) || m[1]!.trim().split(/\s+/).length > 8) return sentence;
  return `${sentence.slice(0, m.index)}, ${sentence.slice(m.index + m[0].length).trimStart()}`;
};
const CONTRAST = /\b(?:but|however|yet)\b/i;
const REPORT_WORD = /\b(?:rumou?rs?|reports?|claims?|speculation|suggestions?|talk|allegations?|stories)\b/i;
const SAYING_PART = /^\W*(?:saying|stating|insisting|adding|noting|asserting|affirming)\b/i;
// A head that has a verb of its own is no speaker's name: "Woodstock 50 has not been canceled, organizers have said".
const SAYS_SOMETHING = /\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|does|do|did|not|no|never)\b|n['\u2019]t\b/i;

/**
 * The parts of the sentence that speak of the claim, most telling first (`relevant`): the clauses sharing more than
 * half as many of its words (or their opposites) as the clause that shares most. The rest are `others`.
 */
function clausesOf(sentence: string, claimTerms: Set<string>): { relevant: string[]; others: string[]; contrasted: Set<string>; doubtedAfter?: boolean } {
  // "and" between two names joins them ("the Food and Drug Administration", "Larry Page and Sergey Brin", "the Southern
  // California Earthquake Center and the USGS have both said…"), between
  // two participles ("no audio is streamed and stored"), and between two verbs of one object ("to eliminate and
  // replace cookies").
  const joined = namingJoined(sentence).replace(NAMES_AND, '$1 & ').replace(PARTICIPLES_AND, '$1 & ').replace(VERBS_AND, '$1 & ').replace(ASIDE, ' ');
  const parts = joined.split(CLAUSE_BREAK).filter((p) => p && p.trim());
  // A relative clause that runs on into the sentence's own verb ("Strikes by London Underground workers that were due
  // to take place this week have been suspended") belongs with the subject it was split from.
  if (parts.length > 1 && RUNS_ON_TO_MAIN_VERB.test(parts[1]!)) {
    const end = joined.indexOf(parts[1]!, parts[0]!.length) + parts[1]!.length;
    parts.splice(0, 2, joined.slice(joined.indexOf(parts[0]!), end));
  }
  if (parts.length < 2) return { relevant: parts.length === 1 ? parts : [sentence], others: [], contrasted: new Set() };
  const ofClaim = (t: string) => claimTerms.has(t) || antonymsOf(t).some((a) => claimTerms.has(a));
  // Who speaks ("Zuckerberg said his company supports open source, but that doesn't mean…") speaks every part after:
  // the speaker's words count for each, not only for the part that names them.
  // Not across what the sentence grants apart from them ("…insists the festival is on, despite reports that…").
  const head = SPEAKER.exec(sentence)?.[1];
  const speaker = head && !SAYS_SOMETHING.test(head) ? head : undefined;
  const spoken = speaker ? terms(speaker).filter(ofClaim) : [];
  // What a part goes on to say, after a comma, of the report the part before names is said of the same thing ("Smith
  // broke his silence over the retirement rumours, stating that he is not going anywhere"); not so a report's own
  // words ("the rumour saying that…"), nor a reason given for what the part before did ("…had pulled their funding,
  // saying they don't believe the festival can be executed").
  let at = 0;
  // The parts the sentence turns to with "but" ("it was reported canceled, but the BBC says it is not canceled").
  const contrasted = new Set<string>();
  const saysOn = parts.map((p, i) => {
    const start = joined.indexOf(p, at);
    if (i > 0 && CONTRAST.test(joined.slice(at, start))) contrasted.add(p);
    at = start + p.length;
    return i > 0 && SAYING_PART.test(p) && /,\s*$/.test(joined.slice(0, start)) && REPORT_WORD.test(parts[i - 1]!);
  });
  // A part that only names the speaker ("In turn, Mark Zuckerberg, founder") says nothing of the claim itself.
  const shared = parts.map((p) => terms(p).filter(ofClaim));
  const overlap = parts.map((p, i) => {
    if (speaker?.includes(p.trim())) return 0;
    return new Set([...shared[i]!, ...(CONCESSION.test(p) ? [] : spoken), ...(saysOn[i] ? shared[i - 1]! : [])]).size;
  });
  // What a sentence concedes first ("Although Meta did announce paid badges, it has no plans to charge for the site")
  // is not what it says: the concession speaks only where nothing after it shares the claim's words.
  if (CONCESSION.test(parts[0]!) && overlap.slice(1).some((n) => n > 0)) overlap[0] = 0;
  // Nor does what it says followed from it ("…, forcing Meta to abandon its flagship release"), after a part that
  // shares the claim's words.
  parts.forEach((p, i) => {
    if (i > 0 && CONSEQUENCE.test(p) && overlap.slice(0, i).some((n) => n > 0)) overlap[i] = 0;
  });
  const most = Math.max(...overlap);
  // No part shares the claim's words (a sentence that borrows them from the one before): the sentence is read whole,
  // and a part of it may still call what was reported false ("there is no basis for such claims, and the bank has not
  // changed its stance").
  if (most === 0) return { relevant: [sentence], others: parts, contrasted: new Set() };
  const floor = Math.floor(most / 2) + 1;
  const ranked = parts.map((p, i) => ({ p, n: overlap[i]! }));
  // A part that doubts or calls false what the part after it reports ("Scientists are skeptical after an online
  // personality predicted that a major earthquake would hit…"), itself sharing none of the claim's words.
  const doubtedAfter = parts.some(
    (p, i) => i + 1 < parts.length && overlap[i] === 0 && overlap[i + 1]! > 0 && REPORTED_AFTER.test(parts[i + 1]!) && (DOUBT.test(p) || callsFalse(p)),
  );
  return {
    relevant: ranked.filter((c) => c.n >= floor).sort((a, b) => b.n - a.n).map((c) => c.p),
    others: ranked.filter((c) => c.n < floor).map((c) => c.p),
    contrasted,
    doubtedAfter,
  };
}
const REPORTED_AFTER =
  /^\W*(?:after|amid|following)\s[^,;:]*\b(?:predict\w*|claim\w*|report\w*|rumou?r\w*|sa(?:y|ys|id|ying)|posts?|posted|posting|tweet\w*|announc\w*|warn\w*|suggest\w*|alleg\w*|speculat\w*)\b/i;
// Doubt, which is no denial in general ("regulators are skeptical of the merger"), but said of a report that follows
// it, is.
const DOUBT = /\b(?:skeptical|sceptical|doubtful|dubious|unconvinced|scoff(?:s|ed|ing)?)\b/i;

// A clause that calls what the sentence has just reported false without saying it again: "…, but Google refuted these
// claims", "…, calling it way off the mark", "…, and it too was quickly debunked", "…—allegations the company is
// rebutting".
const BACK_REFERENCE = /^\W*(?:claims?|rumou?rs?|reports?|allegations?|accusations?)\b|\b(?:it|this|these|those|such|the|both|all)\s+(?:\w+\s+)?(?:claims?|rumou?rs?|reports?|posts?|messages?|stor(?:y|ies)|news|information|allegations?|theor(?:y|ies))\b|\b(?:call(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|label(?:s|led|ling)?|describ(?:e|es|ed|ing)) it\b|\b(?:it|this|that|they|these|those)\s+(?:\w+\s+){0,2}?(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?(?:\w+ed\s+(?:and|&)\s+)?(?:debunked|denied|refuted|dismissed|disproven|rejected)\b/i;
// ("Not true" is a negation within a clause; said of what was reported, in a clause of its own, it calls it false.)
const NOT_TRUE = /\b(?:is|are|was|were)(?: not|n't) (?:true|accurate|correct)\b/;
const callsItFalse = (clause: string) => BACK_REFERENCE.test(clause) && (callsFalse(clause) || NOT_TRUE.test(foldText(clause)));

// A word right before a name, quoted or not, and the word after it: "open-sourced "Llama" under", "closed GPT-4 and"
// (not an acronym of common words: "open-source AI development").
const OPPOSITE_OF_A_NAME = /(?<![\p{L}\p{N}-])(\p{L}[\p{L}-]*)(\s+["'\u2018\u201c]?)(\p{Lu}\p{Ll}[\p{L}\p{N}-]*|\p{Lu}+-?\d[\p{L}\p{N}.-]*)(?=["'\u2019\u201d]?\s*([\p{L}-]*))/gu;
/**
 * "Ditches open-source Llama" said where the claim says "closed": stopping the opposite of what the claim says is
 * saying it, one turn for the stopping and one for the opposite. Both are taken out of the clause, the stopping verb
 * and the opposite it governs (within the next four words), so that neither counts: "Meta ditches open-source Llama,
 * embraces closed Avocado" asserts that Avocado will be closed. Then an opposite said of something else the sentence
 * names (`OPPOSITE_OF_A_NAME`) is dropped as well.
 */
const STOPPING_AND_OBJECT = new RegExp(`(${PRIVATIVE.source})((?:\\W+[\\w\u2019'-]+){0,4})`, 'gi');
function oppositesDropped(clause: string, claimTerms: Set<string>): string {
  const opposite = (word: string) => terms(word).some((t) => !claimTerms.has(t) && antonymsOf(t).some((a) => claimTerms.has(a)));
  const stopped = clause.replace(STOPPING_AND_OBJECT, (whole, _verb: string, rest: string) => {
    const words = rest.split(/(\W+)/);
    const at = words.findIndex((w) => /\w/.test(w) && opposite(w));
    if (at < 0) return whole;
    words[at] = ' ';
    return ` ${words.join('')}`;
  });
  // An opposite said of something else the sentence names, one the claim does not ("the successor to the
  // open-sourced 'Llama' … a closed model" against "Avocado will be a closed model"), is not said of the claim's
  // subject; unless the name only qualifies a word of the claim ("an open Llama model").
  return stopped.replace(OPPOSITE_OF_A_NAME, (whole, word: string, gap: string, name: string, next: string) =>
    opposite(word) && ![...terms(name), ...terms(next)].some((t) => claimTerms.has(t)) ? `${gap}${name}` : whole,
  );
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

// The opposites on which a claim's stance turns, in claims of access and release (open or closed, released or
// withheld, free or paid, stopped or going on): a sentence that says neither side of one does not state the claim.
// The everyday comparatives of ANTONYMS (more, rise, win, true, …) are left out: tweets and articles speak around
// them too often ("$100 per person" for "paid") for their absence to rule a sentence out.
const STANCE_TERMS = new Set(['opensourc', 'closedsource', 'open', 'close', 'releas', 'withhold', 'stop', 'continu', 'halt', 'suspend', 'abandon', 'resum', 'paus', 'free', 'paid', 'charg', 'revok']);

export const isStanceTerm = (stem: string): boolean => STANCE_TERMS.has(stem);

// The axes those opposites lie on, with the other words that speak of each (stems): whether something goes on or
// stops ("ceased", "kept", "no longer", "dropping", "moving away"), whether it is open or closed ("shuttering" a
// store), released or held back ("published", "launched", "offered", "withheld"), and whether it is free or paid
// for (stems as the normaliser gives them: "scrapped", "shelved" and "ditched" are "cancel"). A sentence with any of
// an axis's words speaks of every stance term on it: "Meta's plans to keep releasing open models" speaks of whether it
// stopped.
const STANCE_AXES: Record<string, readonly string[]> = {
  going: ['stop', 'continu', 'halt', 'suspend', 'abandon', 'resum', 'paus', 'revok', 'lift', 'ceas', 'withdraw', 'withdrew', 'withdrawn', 'end', 'discontinu', 'cancel', 'keep', 'kept', 'remain', 'maintain', 'longer', 'anymor', 'drop', 'awai', 'retreat', 'renew'],
  openness: ['opensourc', 'closedsource', 'open', 'close', 'shutter'],
  release: ['releas', 'withhold', 'withheld', 'publish', 'launch', 'offer', 'ship', 'share', 'avail', 'distribut', 'delai'],
  price: ['free', 'paid', 'charg', 'fee', 'pai', 'price', 'subscript'],
};
const AXIS_OF = new Map(Object.entries(STANCE_AXES).flatMap(([axis, stems]) => stems.map((stem) => [stem, axis] as const)));

/** The stance axis a stem speaks of, if any. */
export const stanceAxisOf = (stem: string): string | undefined => AXIS_OF.get(stem);

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

/** What a claim of a move ("is shifting from open-source models to closed ones") leaves and goes to. */
interface Move {
  from: Set<string>;
  to: Set<string>;
}

const CHANGE_VERB = new RegExp(`${PRIVATIVE.source}|${MOVE.source}`);
// Where a move goes: "toward", "in favour of", "to" after a "from" ("from open models to closed ones") or right
// after the verb ("pivoting to a closed approach"); a bare "to" elsewhere is most often something else ("ending free
// access to its API").
const TOWARD = /\b(?:towards?|in favou?r of)\b|\bto\b(?<=\bfrom\b.*\bto)|^\s+to\b/;

function moveOf(claim: string): Move | undefined {
  const t = foldText(claim);
  const verb = CHANGE_VERB.exec(t);
  if (!verb) return undefined;
  const rest = t.slice(verb.index + verb[0].length);
  const to = TOWARD.exec(rest);
  if (!to) return undefined;
  const before = new Set(terms(rest.slice(0, to.index).replace(/^.*?\bfrom\b/, '')));
  const after = new Set(terms(rest.slice(to.index + to[0].length)));
  // Each side by its stance terms where it has some ("open-source" against "closed"), not by the words around them
  // ("models", "AI systems"), which the other side may as well have said.
  const side = (own: Set<string>, other: Set<string>) => {
    const distinct = [...own].filter((x) => !other.has(x));
    const stance = distinct.filter(isStanceTerm);
    return new Set(stance.length > 0 ? stance : distinct);
  };
  const move = { from: side(before, after), to: side(after, before) };
  return move.to.size > 0 ? move : undefined;
}

/**
 * One clause read against a claim of a move, by the side it speaks of: of what the move leaves ("will keep its
 * models open": denies; "abandoned open source": asserts), of where it goes ("is keeping its next models
 * proprietary": asserts; "we are not going closed": denies), or of the move itself ("is moving away from that
 * philosophy": asserts; "remains unchanged": denies). The claim's own words and their opposites tell the side. A
 * clause that speaks of none of them ("Meta built its reputation by giving models away") says nothing of the move:
 * `undefined`.
 */
function readMove(clause: string, move: Move): number | undefined {
  const s = new Set(terms(clause));
  const has = (set: Set<string>) => [...s].some((t) => set.has(t));
  const opposes = (set: Set<string>) => [...s].some((t) => antonymsOf(t).some((a) => set.has(a)));
  const leaving = has(move.from) || opposes(move.to);
  const going = has(move.to) || opposes(move.from);
  const c = clauseCues(clause, true);
  // Where it goes: only what is said of that counts ("no plan to close its models"), not the move to it.
  if (going && !leaving) return c.negations + c.privatives - c.stopsFor;
  if (leaving && !going) return c.negations + c.privatives + (MOVE_TOWARD.test(foldText(clause)) ? 0 : moved(c)) + 1;
  // Of the move itself: a verb of moving or stopping asserts it, once turned for being said and once more for each
  // negation ("is not moving": denies); going on denies it ("remains unchanged"), and so does a bare negation ("there
  // are no discussions to review the headquarters").
  const moving = c.privatives + c.moves > 0 ? 1 : 0;
  const goingOn = CONTINUATION.test(foldText(clause));
  if (moving === 0 && !goingOn && c.negations === 0) return undefined;
  return c.negations + moving + (moving > 0 || goingOn ? 1 : 0);
}

// "Just friends", said of a claim that two people are dating or together ("Montana Cox swears that she is 'just
// friends' with…"): that they are not. ("More than friends" says that they are, and is no cue.)
const JUST_FRIENDS = /\b(?:just|only|merely|simply) (?:good |close )?friends\b/;
const ROMANCE = new Set(['date', 'romanc', 'romant', 'relationship', 'coupl', 'girlfriend', 'boyfriend', 'togeth']);

const MAX_CHARS = 2000;

// A negation's word capitalised inside a sentence that is not written in title case is part of a name or a title
// ("Muhammad Sanusi Md Nor", "the film No Time to Die"), not a negation; a headline ("Meta Will Not Stop …") keeps it.
const NAMED_NEGATION = /(?<=[\p{L}\p{N},]\s+)(?:No|Nor|Not|Never|None|Nothing)\b(?!\.)/gu;
const TITLE_CASE = /\s(?:Is|Are|Was|Were|Has|Have|Will|To|Of|The|And|For|On|In|By|That)\s/;
const namedNegationsDropped = (sentence: string) => (TITLE_CASE.test(sentence) ? sentence : sentence.replace(NAMED_NEGATION, 'Name'));

// A word of falsity said by the claim itself is what the claim is about, not a turn: "The embassy is denying visas to
// Pakistani-Americans", "The photo is fake", "The coach was dismissed". Where the sentence uses the same word, it says
// the claim's content ("rejected reports claiming that Pakistani Americans are being denied visas"), and only its other
// words of falsity call anything false; both are read without it.
function ownFalsityDropped(sentence: string, claim: string): [string, string] {
  const own = new Set<string>();
  for (const w of foldText(claim).split(/[^\p{L}'-]+/u)) if (w && FALSITY.test(w)) for (const t of terms(w)) own.add(t);
  if (own.size === 0) return [sentence, claim];
  // Denying someone something is refusing it ("rejects allegations of refusing visas").
  if (own.has('deni')) own.add('refus');
  const drop = (text: string) => text.replace(/[\p{L}'\u2019]+/gu, (w) => (terms(w).some((t) => own.has(t)) ? ' ' : w));
  return [drop(sentence), drop(claim)];
}

// Against a claim that something is closed ("Muse Spark was released with closed weights"), withholding is saying so,
// not stopping the claim's release, and releasing the weights is opening them: "is Meta's first closed-weights model,
// withholding architecture and parameter details" asserts it, "Meta has released Muse Spark's weights" denies it.
const WITHHOLDING = /\bwithh(?:old|olds|eld|olding)\b/gi;
const WEIGHTS_RELEASED = /\b(?:releas(?:e|es|ed|ing)|publish(?:es|ed|ing)?|shar(?:e|es|ed|ing))\s+(?:(?:its|their|the|his|her|our)\s+)?(?:[\w\u2019'-]+\s+){0,2}?(?:weights|source code)\b/gi;
const withheldAsClosed = (sentence: string) => sentence.replace(WITHHOLDING, 'closed').replace(WEIGHTS_RELEASED, 'opened the weights');

/**
 * Reads the relation clause by clause, over the clauses of the sentence that speak of the claim. In each, every
 * negation (in the clause or in the claim), every stopping verb and every swap of a claim word for its opposite
 * turns the reading around once, and the words that call something false once between them; a claim of change also
 * needs the clause to speak of stopping, changing or going on; a claim of a move is read by the side the clause
 * speaks of (`readMove`). The clauses then vote, and a clause left out that calls what they report false
 * (`callsItFalse`) makes the sentence a denial.
 */
export function relationOf(sentence: string, claim: string): Relation {
  // No sentence or claim a person writes runs this long; a page that makes one gets its beginning read.
  sentence = namedNegationsDropped(sentence.slice(0, MAX_CHARS));
  claim = namedNegationsDropped(claim.slice(0, MAX_CHARS));
  [sentence, claim] = ownFalsityDropped(sentence, claim);
  const claimTerms = new Set(terms(claim));
  // A claim that something stops or changes ("stopped releasing", "is shifting from open to closed models").
  const claimCues = cues(claim, true);
  const change = claimCues.privatives + claimCues.moves > 0;
  if (!change && (claimTerms.has('close') || claimTerms.has('closedsource'))) sentence = withheldAsClosed(sentence);
  const { relevant: clauses, others, contrasted, doubtedAfter } = clausesOf(stopSetAgainstStop(sentence, claimTerms).replace(STOP_IN_FAVOUR, 'moves'), claimTerms);
  // How many times the claim itself stops something: "has abandoned its plan to phase out cookies" twice.
  const claimStops = claimCues.privatives + moved(claimCues) + (claimCues.privatives === 0 && claimCues.offMarket > 0 ? 1 : 0);
  const move = moveOf(claim);
  const romance = [...claimTerms].some((t) => ROMANCE.has(t));
  const read = (raw: string) => {
    if (move) {
      const flips = readMove(raw, move);
      return { flips: (flips ?? 0) + claimCues.negations, speaksOfIt: flips !== undefined };
    }
    const clause = change ? raw : oppositesDropped(raw, claimTerms);
    const own = negations(clause, change);
    const flips = swaps(new Set(terms(clause)), claimTerms) + own.turns + (romance && JUST_FRIENDS.test(foldText(clause)) ? 1 : 0);
    // A claim of change is answered only by a clause that speaks of stopping, changing or going on, or calls it
    // false; one that merely shares the claim's other words ("the announcement came during a review") asserts it.
    // The claim's own stopping counts as a turn (each of them, if it stops twice) against a clause that speaks of
    // stopping or going on ("is not shutting down", "remains available"), not against one that only calls the report
    // false ("refuted the claim").
    const speaksOfIt = flips > 0 || own.ofChange;
    return { flips: flips + claimCues.negations + (own.ofChange && change ? claimStops : 0), speaksOfIt };
  };
  // Clause by clause, each read on its own: "it remains committed to open source and has no plan to close its
  // models" denies twice, not once and once again. The clauses that speak of the claim vote; a tie goes to the one
  // that shares most of its words. Against a claim of change, only those that speak of the change vote, if any does:
  // in "Google confirmed that production of the Pixel and the Pixel XL has not stopped", not the first half.
  // Against a claim of a move, where none of those speaks of it, the clauses that share fewer of its words and do:
  // "Meta won its fame by handing out free models — Llama turned into the heart of the open-source world".
  let reads = clauses.map((c) => ({ ...read(c), contrasted: contrasted.has(c) }));
  if (move && !reads.some((r) => r.speaksOfIt)) {
    const spoken = others.map((c) => ({ ...read(c), contrasted: contrasted.has(c) })).filter((r) => r.speaksOfIt);
    if (spoken.length > 0) reads = spoken;
  }
  if (change && reads.some((r) => r.speaksOfIt)) reads = reads.filter((r) => r.speaksOfIt);
  const readings = reads.map((r) => r.flips % 2 === 1);
  const denials = readings.filter(Boolean).length;
  // A tie goes to a clause the sentence turns to with "but", its point ("it was reported canceled, but the BBC says
  // it is not canceled"); then to the clause that shares most of the claim's words and takes a stance on it: one that
  // only names its subject ("a statement on its AMC Entertainment") does not outvote the one that calls the filing a
  // rumour.
  const turnedTo = reads.findIndex((r) => r.contrasted && r.speaksOfIt);
  const tieBreak = turnedTo >= 0 ? turnedTo : reads.findIndex((r) => r.speaksOfIt);
  const denies = denials * 2 === readings.length ? readings[Math.max(0, tieBreak)]! : denials * 2 > readings.length;
  // What the clauses report may be called false after them, once: a sentence that already denies still denies.
  return denies || doubtedAfter || others.some(callsItFalse) ? 'denies' : 'asserts';
}

// Words by which a sentence puts its claim forward as a possibility rather than as so: "could", "may", "potentially
// pivoting", "appears to be", "is considering", "is debating abandoning". A "would" in reported speech ("Meta said it
// would keep…", "reports that it would charge") is the speaker's "will", so it hedges only where no word of saying or
// "that" comes before it.
const HEDGE = /\b(?:could|might|may|potentially|possibly|perhaps|likely|probably|(?:appears?|appeared|seems?|seemed|looks?|looked)(?: set| poised)? to|(?:is|are|was|were) said to|considering|mulling|weighing|debating|deliberating|contemplating|pondering|discussing|exploring|eyeing|hint(?:s|ed|ing)?(?: at)?|(?:is|are) expected to|rumou?red|speculat\w*)\b/;
const HEDGES = new RegExp(HEDGE.source, 'g');
const DELIBERATION = /\b(?:consider|mull|weigh|discuss|debat|talk|explor|evaluat)\w*/i;
const SAYING_VERB = /\b(?:said|says|told|stated|announced|indicated|suggested|admitted|acknowledged|conceded|noted|warned|emphasi[sz]ed|stressed|argued|explained|added|insisted|signall?ed|wrote)\b/i;
const WOULD = /\bwould\b/;
const SAYING = /\b(?:that|said|says|told|tell|tells|announced|confirmed|stated|added|insisted|reported|claimed|denied|noted|wrote|promised|pledged|explained|assur\w*|reports?|rumou?rs?|claims?)\b/;

// A verb of stopping, moving or putting off, which a hedge may bear on where the claim words it otherwise.
const CHANGE_WORD = new RegExp(`${PRIVATIVE.source}|${MOVE.source}|${DELAY.source}`, 'i');

// A relative pronoun as the hedged verb's subject: "who may", "that could", "some of whom might", "what appeared to be".
const RELATIVE_SUBJECT = /\b(?:who|whom|which|that|what)\s+$/i;
const AUXILIARY = /^(?:be|been|being|have|has|had|still|also|soon|now|even|eventually|already)$/i;

// A subject that is itself a hypothetical act: "A move towards closed models would…", "Prioritizing closed models could…".
const HYPOTHETICAL_SUBJECT = /^\W*(?:an?|any|\w+ing)\b[^,]*$/i;

/**
 * Whether the parts of a sentence that speak of a claim put it forward as a possibility ("Meta is potentially
 * pivoting towards a closed approach", "as many as 36 stores could close"): such a sentence suggests the claim rather
 * than asserts it. The hedge must bear on the claim: be followed within a few words by one of the claim's words (or
 * its opposite) or by a verb of stopping, moving or putting off, or follow a subject that is itself a hypothetical act
 * ("A move towards closed models would give Meta…"). "The Meta open-source model suspension could mark a turning
 * point" takes the suspension as given. A hedge in another part ("While Meta may release some models, its most
 * powerful ones will be proprietary") does not count.
 */
export function isHedged(sentence: string, claim: string): boolean {
  sentence = sentence.slice(0, MAX_CHARS);
  claim = claim.slice(0, MAX_CHARS);
  const claimTerms = new Set(terms(claim));
  // A claim of deliberation ("the lab discussed abandoning Behemoth") is stated, not hedged, by "is considering", and
  // by what is deliberated however hedged ("is evaluating a shift, potentially moving away from…"); a claim of what
  // someone said ("Zuckerberg has said…") by a report of it, however hedged the words reported.
  const deliberation = DELIBERATION.test(claim);
  const ofSaying = SAYING_VERB.test(claim);
  const bearsOnClaim = (clause: string, hedge: RegExpMatchArray) => {
    const at = hedge.index ?? 0;
    if (deliberation && DELIBERATION.test(clause.slice(0, at + hedge[0].length))) return false;
    if (ofSaying && SAYING_VERB.test(clause.slice(0, at))) return false;
    // A hedge in a relative clause is said of the noun before it ("developers who may have relied on the free API",
    // "PCs that may still run Windows 10"), not of what the sentence says of its subject.
    if (RELATIVE_SUBJECT.test(clause.slice(0, at))) return false;
    if (HYPOTHETICAL_SUBJECT.test(clause.slice(0, at))) return true;
    // The next five words past auxiliaries and adverbs of time: "might soon be preparing to trade its open-source
    // approach" reaches "open-source".
    const next = clause
      .slice(at + hedge[0].length)
      .split(/\s+/)
      .filter((w) => w && !AUXILIARY.test(w))
      .slice(0, 5)
      .join(' ');
    return CHANGE_WORD.test(next) || terms(next).some((t) => claimTerms.has(t) || antonymsOf(t).some((a) => claimTerms.has(a)));
  };
  return clausesOf(sentence, claimTerms).relevant.some((raw) => {
    const clause = raw.replace(/[\u2018\u2019]/g, "'");
    for (const hedge of clause.matchAll(HEDGES)) if (bearsOnClaim(clause, hedge)) return true;
    const would = WOULD.exec(clause);
    if (!would || SAYING.test(clause.slice(0, would.index)) || SAYING.test(sentence.slice(0, sentence.indexOf(raw)))) return false;
    return bearsOnClaim(clause, would);
  });
}

// A time gone by, at the head of a sentence or by its verb: "Until recently, Meta's position was based on open
// source", "For three years, Meta told one story", "Meta has long favoured open models", "Meta built its reputation on
// open models".
const BYGONE =
  /^\W*(?:until (?:recently|now|this year|last year|\d{4})|(?:for|over) (?:(?:the )?(?:past|last) )?(?:\w+ )?(?:years|decades)|last year|(?:\w+ )?years ago|historically|in the past|previously|as recently as|back (?:in|then|when)|in (?:19|20)\d\d)\b|\b(?:used to|(?:has|have|had) (?:long|always|historically|traditionally)|historically|traditionally|(?:built|made|earned|won) (?:its|their|his|her|a) (?:\w+ )?(?:name|reputation))\b/i;

// NEGATION without its global flag, for a test that keeps no position between calls.
const ANY_NEGATION = new RegExp(NEGATION.source);
// What speaks of now or of what comes: "has always been free and always will be" is no background.
const NOW_OR_NEXT = /\b(?:will|shall|is|are|am|remains?|continues?|still|now|today|currently|going forward)\b|'ll\b/;

/**
 * Whether a sentence only tells how things were before, saying nothing of now, no "not", and calling nothing false:
 * "Last year, Zuckerberg was optimistic about his open-source model". Against a claim that they have changed since,
 * such a sentence reads as a denial by its opposite words ("open" for "closed"), yet it is the story's background,
 * and often what the change is measured from; it neither asserts nor denies the change.
 */
export function tellsOnlyTheBefore(sentence: string): boolean {
  const s = foldText(sentence.slice(0, MAX_CHARS));
  return BYGONE.test(s) && !NOW_OR_NEXT.test(s) && !ANY_NEGATION.test(s) && !callsFalse(s);
}

/**
 * Whether a sentence that only tells how things were ("Meta built its AI reputation on open-source leadership,
 * releasing Llama models…") is read against a claim of a change or of what will be, and says nothing of any change:
 * it cannot assert that claim, however many of its words it shares.
 */
export function tellsOnlyTheBeforeOf(sentence: string, claim: string): boolean {
  if (!tellsOnlyTheBefore(sentence)) return false;
  const c = cues(claim, true);
  const ofChangeOrFuture = c.privatives + c.moves > 0 || /\bwill\b/.test(foldText(claim));
  return ofChangeOrFuture && !CHANGE_WORD.test(foldText(sentence.slice(0, MAX_CHARS)));
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

// A claim that not all of something is so ("is not committed to open-sourcing every AI model it builds", "not all of
// its models will be open") and the words by which a sentence speaks of all of it.
const NOT_ALL = /(?:\b(?:not|never|no)\b|n't\b)[^.;:]*?\b(?:every|all|each)\b/;
const ALL = /\b(?:every|all|each|everything|entire(?:ly)?|whole|completely|fully)\b/;

/**
 * Whether a sentence leaves a claim of "not all" alone: it can deny that claim only by saying that all of it is so
 * ("Meta will open-source all of its models"); "Meta is committed to open-source AI" does not say every model will
 * be open, and is no denial that some will not be.
 */
export function saysNothingOfAll(sentence: string, claim: string): boolean {
  return NOT_ALL.test(foldText(claim.slice(0, MAX_CHARS))) && !ALL.test(foldText(sentence.slice(0, MAX_CHARS)));
}

// Who does what the claim turns on: a name (capitalised words, joined by "of", "the", "and" or "&"), an auxiliary, and
// the verb after it, past "been" and an adverb: "Google and Microsoft have stopped", "The Reserve Bank of India has
// stopped" (not "an April release").
const DOER = /((?:\p{Lu}[\p{L}\p{N}'\u2019.-]*)(?:\s+(?:of|the|and|&|\p{Lu}[\p{L}\p{N}'\u2019.-]*))*)\s+(?:has|have|had|is|are|was|were|will|would)\s+(?:been\s+)?(?:\w+ly\s+)?(\p{L}[\p{L}-]*)/gu;
// Capitalised words that are no one's name: pronouns, articles, and what else opens a sentence ("No suspension …").
const NO_NAME = /^(?:I|We|You|He|She|It|They|This|That|These|Those|The|A|An|No|Not|None|Neither|Nor|And|But|Or|So|Yet|If|When|While|After|Before|Since|As|In|On|At|For|By|With|To|From|Its|Their|Our|His|Her)$/;

// A name's rivals: "Meta's competitors", "Meta's rivals".
const RIVALS = /(\p{Lu}[\p{L}\p{N}.-]*)['\u2019]s? (?:\w+ )?(?:rivals|competitors|competition|peers|counterparts)\b/gu;

// Whether the claim's subject is named only as the one whose rivals the sentence speaks of: "Meta's competitors
// typically keep their models closed to maintain control over monetization" says nothing of what Meta does.
function onlyItsRivals(sentence: string, claimTerms: Set<string>): boolean {
  const named = new Set<string>();
  const rest = sentence.replace(RIVALS, (all, name: string) => {
    const own = terms(name).filter((t) => claimTerms.has(t));
    if (own.length === 0) return all;
    for (const t of own) named.add(t);
    return ' ';
  });
  return named.size > 0 && !terms(rest).some((t) => named.has(t));
}

/**
 * Whether the sentence says the claim's turning verb ("stopped", "released", "closed") only of someone the claim does
 * not name: "Google and Microsoft have stopped promoting its models as open source, but discussions with Meta failed"
 * does not say that Meta stopped anything. A name stands for the claim's when it shares a word with it or its
 * initials are a word of it ("Reserve Bank of India" for "RBI").
 */
export function saidOfAnother(sentence: string, claim: string): boolean {
  const claimTerms = new Set(terms(claim));
  if (onlyItsRivals(sentence.slice(0, MAX_CHARS), claimTerms)) return true;
  const acronyms = new Set(claim.match(/\b\p{Lu}{2,}\b/gu) ?? []);
  let another = false;
  for (const m of sentence.slice(0, MAX_CHARS).matchAll(DOER)) {
    if (!terms(m[2]!).some((t) => claimTerms.has(t) && isStanceTerm(t))) continue;
    const words = m[1]!.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    const named = words.filter((w) => !NO_NAME.test(w));
    if (named.length === 0) return false;
    const initials = named.map((w) => w[0]).join('');
    if (terms(m[1]!).some((t) => claimTerms.has(t)) || acronyms.has(initials)) return false;
    another = true;
  }
  return another;
}
