/**
 * Sentences of an article with the text around them, so that each can be found again on the live page by quote
 * ({exact, prefix, suffix}) and read in context by the matcher.
 */

export interface Sentence {
  /** The sentence as it stands in the article, whitespace collapsed. */
  text: string;
  /** Up to CONTEXT_CHARS of article text just before it (across block boundaries). */
  prefix: string;
  /** Up to CONTEXT_CHARS of article text just after it. */
  suffix: string;
  /** Index of the block (paragraph, list item, heading) it stands in. */
  block: number;
}

export const CONTEXT_CHARS = 32;

// Elements that start a new run of text; a sentence never crosses one.
const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY DD DIV DL DT FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL BR'.split(
    ' ',
  ),
);

/** Whether an element of this tag name starts a block of text (a paragraph, a list item, a heading). */
export const isBlockTag = (tagName: string): boolean => BLOCK.has(tagName.toUpperCase());

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text of each block under root, in document order, whitespace collapsed, empty blocks and preformatted ones
 * left out. `firstNodes`, if given, receives the first text node of each block (with text in it), to find the block
 * again in the page.
 */
export function blockTexts(root: Element, firstNodes?: Text[]): string[] {
  const blocks: string[] = [];
  let current = '';
  let first: Text | undefined;
  const flush = () => {
    const t = collapseWhitespace(current);
    if (t) {
      blocks.push(t);
      firstNodes?.push(first!);
    }
    current = '';
    first = undefined;
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const v = child.nodeValue ?? '';
        if (!first && v.trim()) first = child as Text;
        current += v;
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        const block = BLOCK.has(tag);
        if (block) flush();
        // Preformatted text (code, a terminal's output, a table drawn in characters) holds no sentences to check.
        if (tag !== 'PRE') walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return blocks;
}

type Segment = { segment: string };
type SentenceSegmenter = { segment(text: string): Iterable<Segment> };

// One segmenter per language, made once: each block of an article is split with it, and making one (ICU's break
// iterator) cost more than the splitting.
const segmenters = new Map<string, SentenceSegmenter | undefined>();

function segmenterFor(lang: string): SentenceSegmenter | undefined {
  if (segmenters.has(lang)) return segmenters.get(lang);
  const Seg = (Intl as unknown as { Segmenter?: new (l: string, o: object) => SentenceSegmenter }).Segmenter;
  let seg: SentenceSegmenter | undefined;
  if (Seg) {
    try {
      seg = new Seg(lang, { granularity: 'sentence' });
    } catch {
      seg = new Seg('en', { granularity: 'sentence' });
    }
  }
  // (A page names its language as it likes: only so many are kept.)
  if (segmenters.size >= 16) segmenters.clear();
  segmenters.set(lang, seg);
  return seg;
}

// Where Intl.Segmenter is missing: end at . ! ? (and closing quotes) followed by a space and a capital or quote.
function splitByPunctuation(text: string): string[] {
  return text.split(/(?<=[.!?]["'\u201d\u2019)]*)\s+(?=["'\u201c\u2018(]?[\p{Lu}\d])/u);
}

// Words ending in a full stop that rarely end a sentence: titles, initials, months, "No. 3", "U.S.".
const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|St|Jr|Sr|Inc|Co|Corp|Ltd|vs|etc|e\.g|i\.e|No|Nos|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]|(?:[A-Z]\.){1,3}[A-Z])\.$/;

// The rest of a reference mark split after its opening bracket, and any marks after it: "353]", "12][13]",
// "citation needed]".
const REFERENCE_REST = /^([^[\]]{1,24}\](?:\[[^[\]]{1,24}\])*)\s*/;
const AFTER_A_MARK = /(?<=[.!?](?:\[[^[\]]{1,24}\])+)\s+(?=["'\u201c\u2018(]?\p{Lu})/u;

// Sources named in brackets after a sentence's end, before the next sentence: "…first. (axios.com) (about.fb.com)
// Muse Spark takes…". ICU reads the lower-case name as the start of the same sentence and runs on into the next; a
// capitalised one ("(Reuters) Muse…") it gives to the next.
// (A bracket that ends a sentence of its own, "(He passed.)", is no source.)
const CITED_END = /([.!?]["'\u201d\u2019]?)((?:\s+\([^()]{1,60}(?<![.!?])\))+)\s+(?=["'\u201c\u2018]?\p{Lu})/gu;
const ONLY_CITATIONS = /^(?:\([^()]{1,60}(?<![.!?])\)\s*)+$/;

// Cuts text after each run of such names, unless what ends before them is an abbreviation ("the U.S. (mostly) …").
function cutAfterCitations(text: string): string[] {
  if (!text.includes('(')) return [text];
  const pieces: string[] = [];
  let from = 0;
  for (const m of text.matchAll(CITED_END)) {
    const end = m.index + m[1]!.length;
    if (ABBREVIATION.test(text.slice(from, end))) continue;
    const cut = end + m[2]!.length;
    pieces.push(text.slice(from, cut));
    from = cut;
  }
  pieces.push(text.slice(from));
  return pieces;
}

/** Splits one block of text into sentences. */
export function splitSentences(text: string, lang = 'en'): string[] {
  const seg = segmenterFor(lang);
  const split = (t: string) => (seg ? [...seg.segment(t)].map((s) => s.segment) : splitByPunctuation(t));
  // ICU does not end a sentence at a reference mark that starts lower-case ("Ardern.[citation needed] Next…").
  const parts = cutAfterCitations(text)
    .flatMap(split)
    .flatMap((p) => p.split(AFTER_A_MARK));
  const out: string[] = [];
  for (const p of parts) {
    let s = p.trim();
    // ICU splits a reference mark after a full stop ("…tradition.[353] New Zealand…") inside its brackets: what
    // closes them belongs to the sentence before.
    const last = out.length - 1;
    const mark = out[last]?.endsWith('[') ? REFERENCE_REST.exec(s) : null;
    if (mark) {
      out[last] = out[last]! + mark[1]!;
      s = s.slice(mark[0].length);
    }
    if (!s) continue;
    // ICU splits after abbreviations such as "Sen." or initials; a piece that starts lower-case continues the last,
    // and sources named in brackets belong to the sentence they follow.
    const prev = out[out.length - 1];
    if (prev !== undefined && (/^[\p{Ll},;:)]/u.test(s) || ABBREVIATION.test(prev) || ONLY_CITATIONS.test(s))) out[out.length - 1] = `${prev} ${s}`;
    else out.push(s);
  }
  return out;
}

/** The sentences of the blocks, each with its quote context. */
export function sentencesOf(blocks: string[], lang = 'en'): Sentence[] {
  const flat: Array<{ text: string; block: number }> = [];
  blocks.forEach((b, block) => {
    for (const text of splitSentences(b, lang)) flat.push({ text, block });
  });
  return flat.map((s, i) => {
    let prefix = '';
    for (let j = i - 1; j >= 0 && prefix.length < CONTEXT_CHARS; j--) prefix = flat[j]!.text + ' ' + prefix;
    let suffix = '';
    for (let j = i + 1; j < flat.length && suffix.length < CONTEXT_CHARS; j++) suffix += ' ' + flat[j]!.text;
    return {
      text: s.text,
      block: s.block,
      prefix: prefix.trimEnd().slice(-CONTEXT_CHARS).trimStart(),
      suffix: suffix.trimStart().slice(0, CONTEXT_CHARS).trimEnd(),
    };
  });
}
