import { stemmer } from 'stemmer';

/**
 * The one text pipeline shared by indexing and querying: fold the text, join known multi-word names, split into
 * words, drop function words, stem. Claims and sentences must go through exactly this, or they stop meeting.
 */

/** Ending a marriage is divorcing: one term here, and no stopping for the relation (relation.ts). */
export const ENDING_A_MARRIAGE = /\bend(?:s|ed|ing)? (?:their|his|her|the|a) marriage\b/;

// Multi-word terms that news writes several ways; each is folded into one token before splitting.
const PHRASES: Array<[RegExp, string]> = [
  [/\bopen[\s-]?(?:sourced?|sourcing|weights?|weighted)\b/g, ' opensource '],
  [/\bclosed[\s-]?(?:source[ds]?|weights?)\b/g, ' closedsource '],
  // Opening a window, a door or the way to something is no opening of anything ("whose history opens a window into").
  [/\bopen(?:s|ed|ing)?(?: up)? (?=(?:(?:a|an|the|new|up|fresh|wide)\s+)*(?:windows?|doors?|way|path|floodgates|possibilit\w*|opportunit\w*|avenues?|can of worms)\b)/g, ' '],
  [/\b(?:a\.i\.|artificial intelligence)/g, ' ai '],
  [/\bsuper[\s-]intelligen(?=ce|t)/g, ' superintelligen'],
  [/\bu\.s\.(?:a\.)?/g, ' usa '],
  [/\bu\.k\./g, ' uk '],
  [/\b(?:covid|coronavirus|sars-cov-2)(?:-19)?\b/g, ' covid '],
  // Laying off staff, as news writes it: "laid off", "lay off", "layoffs", "job cuts".
  [/\b(?:(?:lay|lays|laying|laid)[\s-]off|layoffs?|jobs? cuts?)\b/g, ' layoff '],
  // Shutting something down, as news writes it: "shut down", "shutting down", "shutdown", "shut-down".
  [/\b(?:shut(?:s|ting)?[\s-]down|shutdowns?)\b/g, ' shutdown '],
  // A chief executive, however titled: "CEO", "chief executive", "chief executive officer".
  [/\bchief[\s-]executive(?:[\s-]officer)?s?\b/g, ' ceo '],
  // A prime minister, however titled: "Prime Minister", "PM" (not the "5 pm" of a clock).
  [/\bprime[\s-]minister\b|(?<!\d\s?)\bpm\b(?!\s?\d)/g, ' primeminister '],
  // Leaving a post: "stepping down" is resigning ("Toshiba CEO will step down" / "Kurumatani plans to resign").
  [/\b(?:step(?:s|ping|ped)?)[\s-]down\b/g, ' resign '],
  // A currency however written: "Rs 2,000", "₹2,000" and "2,000 rupees"; "$5" and "5 dollars"; "£5", "€5".
  [/(?:₹|\b(?:rs|inr)\.?)\s?(?=\d)/g, ' rupee '],
  [/\$\s?(?=\d)/g, ' dollar '],
  [/£\s?(?=\d)/g, ' pound '],
  [/€\s?(?=\d)/g, ' euro '],
  // Divorcing, as news writes it: "to end their marriage".
  [new RegExp(ENDING_A_MARRIAGE.source, 'g'), ' divorce '],
  // "crypto currency", "crypto-currencies": the one word news also writes.
  [/\bcrypto[\s-]currenc(?=y|ies)/g, ' cryptocurrenc'],
  // Being pregnant, as news writes it: "expecting a baby", "expecting twins", "expecting their second child".
  [/\bexpecting (?:a baby|twins|triplets|(?:a|their|her|his) (?:first |second |third |fourth )?(?:child|baby))\b/g, ' pregnant '],
  // An attack on computers, as news writes it: "cyber attack", "cyber-attack", "cyberattacks" (and see SYNONYMS:
  // hacked, breached).
  [/\bcyber[\s-]?attack(?:s|ed|ing)?\b/g, ' hack '],
  // Calling something off: "pulled the plug on the project" (and see SYNONYMS: scrapped, shelved, axed, ditched).
  [/\bpull(?:s|ed|ing)? the plug(?: on)?\b/g, ' cancel '],
  // Putting something off: "pushed back the release" (not "pushed back against the report"), "pushed to June".
  [/\bpush(?:es|ed|ing)?[\s-]back\b(?! (?:against|on|at|hard|from)\b)/g, ' delay '],
  [/\bpush(?:es|ed|ing)? (?=to (?:the )?(?:fall|autumn|spring|summer|winter|next|later|late|early|mid|january|february|march|april|may|june|july|august|september|october|november|december|\d{4})\b)/g, ' delay '],
];

// Words that carry the same meaning for matching purposes, after stemming. Porter leaves nouns in -sion apart
// from their verbs (suspension/suspended: suspens/suspend), and adverbs in -ly apart from their adjectives.
const SYNONYMS: Record<string, string> = {
  suspens: 'suspend',
  decis: 'decid',
  conclus: 'conclud',
  permiss: 'permit',
  admiss: 'admit',
  omiss: 'omit',
  expans: 'expand',
  extens: 'extend',
  inclus: 'includ',
  exclus: 'exclud',
  divis: 'divid',
  provis: 'provid',
  collis: 'collid',
  explos: 'explod',
  invas: 'invad',
  persuas: 'persuad',
  intrus: 'intrud',
  revis: 'revis',
  acquisit: 'acquir', // "an acquisition", "to acquire"
  merger: 'merg', // "merger talks", "talks to merge"
  poorli: 'poor',
  openli: 'open',
  closur: 'close',
  rais: 'increas', // "raise the retirement age", "increase the retirement age"
  stai: 'remain', // "will stay proprietary", "will remain proprietary"
  laboratori: 'lab', // "the lab", as news shortens "the laboratory"
  shutter: 'close',
  postpon: 'delai',
  pregnanc: 'pregnant', // "pregnancy rumours"
  prohibit: 'ban', // "prohibited", "prohibition"
  outlaw: 'ban',
  govt: 'govern', // "govt", as headlines write "government"
  staff: 'worker',
  employe: 'worker',
  workforc: 'worker',
  proprietari: 'closedsource',
  closedsourc: 'closedsource', // the joined token's own stem: "closed-source" and "proprietary" must meet
  llama: 'llama',
  usa: 'usa',
  america: 'usa',
  american: 'usa',
  // A country and its adjective ("Indian government", "lockdown in India"), as "American" is the USA's.
  indian: 'india',
  chines: 'china',
  russian: 'russia',
  british: 'britain',
  french: 'franc',
  german: 'germani',
  japanes: 'japan',
  mexican: 'mexico',
  canadian: 'canada',
  australian: 'australia',
  italian: 'itali',
  spanish: 'spain',
  brazilian: 'brazil',
  isra: 'israel',
  iranian: 'iran',
  ukrainian: 'ukrain',
  pakistani: 'pakistan',
  nigerian: 'nigeria',
  korean: 'korea',
  filipino: 'philippin',
  irish: 'ireland',
  syrian: 'syria',
  egyptian: 'egypt',
  swedish: 'sweden',
  dutch: 'netherland',
  kenyan: 'kenya',
  african: 'africa',
  vaccin: 'vaccin',
  jab: 'vaccin',
  // Calling something off, however said: "cancelled", "scrapped", "shelved", "axed", "ditched", "pulled the plug on".
  scrap: 'cancel',
  shelv: 'cancel',
  ax: 'cancel',
  ditch: 'cancel',
  // Getting into someone's computers, however said: "hacked", "a hacker", "breached" (a data or security breach;
  // "breach of contract" is rarer in the news than either).
  hacker: 'hack',
  breach: 'hack',
  // Stealing, in its irregular forms: "stole", "stolen" (Porter leaves them apart from "steal").
  stole: 'steal',
  stolen: 'steal',
  // Dying, however said: "died", "dies", "dead", "death", "dying" (death hoaxes are a large share of fact-checks).
  dead: 'di',
  death: 'di',
  die: 'di',
  dy: 'di',
};

/** Bump when `terms` would turn some text into other terms: stored indexes are then rebuilt. */
export const NORMALISER_VERSION = 27;

// Links written without a scheme, as posts carry them (pic.twitter.com/abc, bit.ly/xyz).
const BARE_LINK = /\b(?:[a-z0-9-]+\.)+(?:com|org|net|ly|gl|co|gov|edu|io|be|me|us|uk|tv|news)\/\S*/g;

/**
 * A handle or hashtag written in camel case names its words: "#HunterBiden" is "Hunter Biden", and "@LeoDiCaprio"
 * also spells "DiCaprio"; each adjacent pair is joined as well, so that names written as one word still meet.
 */
function spellOutTag(tag: string): string {
  const words = tag.slice(1).split(/(?<=[a-z])(?=[A-Z])|_+/).filter(Boolean);
  if (words.length < 2) return tag.slice(1);
  const pairs = words.slice(1).map((w, i) => words[i]! + w);
  return `${words.join(' ')} ${pairs.join(' ')}`;
}

export const STOPWORDS = new Set(
  `a about above after again against all also am an and any are aren as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have having he
  her here hers herself him himself his how i if in into is it its itself just let me more most my myself of off
  on once only or other our ours ourselves out over own same she should so some such than that the their theirs
  them themselves then there these they this those through to too under until up very was we were what when where
  which while whilst who whom why will with would you your yours yourself yourselves s t d ll m re ve
  said says say saying told according reportedly report reports reported via per rt http https www com co
  one two may might must shall also even still yet ever every many much another`.split(/\s+/),
);

/** Lower-cased, accent-free, with typographic quotes and dashes made plain. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

// British spellings, written the American way before stemming: the stemmer keeps "favour" and "favor", "organise" and
// "organize", "centre" and "center" apart. Each list names the words it is for: "-our" is no ending of "hour" or
// "tour", nor "-ise" of "promise" or "exercise".
const BRITISH_SPELLINGS: Array<[RegExp, string]> = [
  [/^(favo|behavio|colo|hono|labo|neighbo|rumo|humo|harbo|flavo|endeavo|savo|savio|vigo|valo|armo|parlo|odo|tumo|clamo|cando|splendo|rigo|fervo|ardo|demeano)ur/, '$1r'],
  [
    /(organ|recogn|real|critic|apolog|author|privat|monet|priorit|legal|maxim|minim|optim|capital|final|normal|standard|summar|util|mobil|modern|central|character|categor|civil|colon|commercial|criminal|custom|digit|hospital|immun|local|memor|national|neutral|penal|polar|public|radical|rational|special|stabil|steril|subsid|sympath|symbol|terror|theor|vandal|visual|weapon|global|industrial|liberal|militar|emphas|jeopard|harmon|human|equal|fertil|legitim|material|moral|random|scrutin|social|urban|victim|sanit|euthan|fantas|dramat|energ|formal|general|mechan|natural|personal|popular|regular|scandal|sensational|synthes|hypothes|stigmat|traumat|marginal|politic|incentiv|plagiar|sensit|sexual|trivial|item|vapor|computer|revolution|patron|agon|galvan|mesmer|ostrac)is(e|ed|es|ing|er|ers|ation|ations|ational|able)$/,
    '$1iz$2',
  ],
  [/(anal|paral|catal|electrol)ys(e|ed|es|ing|er|ers)$/, '$1yz$2'],
  [/(cent|theat|met|lit|fib|calib|sab|somb|lust|spect|meag)r(e|es|ed)$/, '$1er$2'],
  [/(defen|offen|licen|preten)ce(s)?$/, '$1se$2'],
  [/^practis(e|ed|es|ing)$/, 'practic$1'],
  [/^focuss(ed|es|ing)$/, 'focus$1'],
];
// "ae" and "oe" of Greek and Latin words, mostly medicine's: "paediatric", "haemorrhage", "foetus".
const BRITISH_DIGRAPH = /paed|haem|anaem|anaesth|aemia|^oestr|^oesoph|^foet|gynaec|oedema|manoeuv|diarrhoea/;
const BRITISH_WORDS: Record<string, string> = {
  programme: 'program',
  programmes: 'programs',
  grey: 'gray',
  sceptic: 'skeptic',
  sceptical: 'skeptical',
  scepticism: 'skepticism',
  mould: 'mold',
  aluminium: 'aluminum',
  ageing: 'aging',
  judgement: 'judgment',
  acknowledgement: 'acknowledgment',
  jewellery: 'jewelry',
  learnt: 'learned',
  amongst: 'among',
};

function americanSpelling(word: string): string {
  if (Object.hasOwn(BRITISH_WORDS, word)) return BRITISH_WORDS[word]!;
  for (const [re, to] of BRITISH_SPELLINGS) if (re.test(word)) return word.replace(re, to);
  return word.replace(BRITISH_DIGRAPH, (m) => m.replace(/ae|oe/, 'e'));
}

const stemCache = new Map<string, string>();

function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\d/.test(word) ? word : stemmer(americanSpelling(word));
    // (Own properties only: "constructor" is a word, not the tables' inherited Object function.)
    if (Object.hasOwn(SYNONYMS, s)) s = SYNONYMS[s]!;
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

// "X", the site that was Twitter, is a word of one letter, which the splitting below drops: it is read as "Twitter", as
// news writes both ("X, formerly Twitter"). Not in a name of several capitalised words ("Malcolm X", "Generation X",
// "X Factor"; "Musk's X" is the site), nor in "X-ray" or "3 x 4".
const X_THE_SITE = /(?<=^|[^\p{L}\p{N}'\u2019-])X(?=$|[^\p{L}\p{N}-])/gu;
function xTheSite(x: string, at: number, text: string): string {
  const before = /(\S+)\s*$/u.exec(text.slice(0, at))?.[1] ?? '';
  const after = /^\s*(\S+)/u.exec(text.slice(at + 1))?.[1] ?? '';
  const named = (w: string) => /^\p{Lu}/u.test(w) && !/['\u2019]s$/u.test(w);
  return named(before.replace(/[^\p{L}'\u2019]+$/u, '')) || named(after.replace(/^[^\p{L}]+/u, '')) ? x : 'Twitter';
}

// The terms of texts read before. Matching an article reads the same texts many times over (a claim's phrasing for
// each sentence that may state it, the words of both for the relation and the shared words): on the long article,
// 1,226 calls for 397 texts, and `terms` was a third of the match's time. Cleared when full, like the stems'.
const termsCache = new Map<string, readonly string[]>();
const TERMS_CACHE_MAX = 4096;
const TERMS_CACHE_CHARS = 1000;

/** The words of a text, in order: each folded, stemmed, without function words. Keeps repeats. */
export function terms(text: string): readonly string[] {
  let out = termsCache.get(text);
  if (out === undefined) {
    out = Object.freeze(termsOf(text));
    if (text.length <= TERMS_CACHE_CHARS) {
      if (termsCache.size >= TERMS_CACHE_MAX) termsCache.clear();
      termsCache.set(text, out);
    }
  }
  return out;
}

/** Forgets the texts read so far: for benchmarks, which must read an article's sentences as a new page's. */
export function forgetTerms(): void {
  termsCache.clear();
}

function termsOf(text: string): string[] {
  // (Posts carry "&amp;" for "&", escaped once too often; decoded, it is no word, and "AMP" the company stays one.)
  let t = foldText(text.replace(/&amp;/gi, '&').replace(/[#@][A-Za-z]\w*/g, spellOutTag).replace(X_THE_SITE, xTheSite))
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(BARE_LINK, ' ')
    .replace(/(\w)'s\b/g, '$1')
    // Names of initials joined by an ampersand are one word ("AT&T", "H&M", "P&G"): split, both letters would drop.
    .replace(/\b([a-z]{1,2})&([a-z]{1,2})\b/g, '$1$2')
    .replace(/(\d),(\d{3})\b/g, '$1$2');
  for (const [re, to] of PHRASES) t = t.replace(re, to);
  const out: string[] = [];
  for (const w of t.split(/[^\p{L}\p{N}]+/u)) {
    if (w.length === 0 || STOPWORDS.has(w)) continue;
    if (w.length === 1 && !/\d/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** The distinct words of a text (see `terms`). */
export function termSet(text: string): Set<string> {
  return new Set(terms(text));
}
