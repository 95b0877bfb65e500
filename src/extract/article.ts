import { Readability } from '@mozilla/readability';
import { blockTexts, isBlockTag, sentencesOf, type Sentence } from './sentences';
import { bodyOf, protoCall, rootOf, unclobber } from '../util/dom';
import { STOPWORDS } from '../match/normalize';

/** Pages with more elements than this are not parsed: a 1.5 MB page has about 30,000. */
export const MAX_ELEMENTS = 60_000;
/** At most this many sentences of an article are matched. */
export const MAX_SENTENCES = 5_000;

/** What Readability found on a page, and its sentences. */
export interface Article {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** When the article was published, as the page says (usually ISO 8601); null when it does not. */
  published: string | null;
  /** The article's language (BCP 47) as the page declares it; "en" when it does not. */
  lang: string;
  /** Word count of the article text. */
  words: number;
  sentences: Sentence[];
  /**
   * With `anchors`: where each block (by `Sentence.block`) stood in the page, as indices among element children
   * from <body> down to the paragraph, list item or heading holding its first text; null where that is not known.
   */
  anchors?: Array<number[] | null>;
}

/** Paths deeper than this are not given: the page is then searched whole. */
const MAX_PATH = 100;

/**
 * Where the body's nodes stand before Readability moves them: each node's parent, and each element's index among
 * its parent's element children; and each text by its content (null if it stands in more than one place), because
 * Readability, when its first try finds too little, rebuilds the body from its HTML and tries again: those nodes
 * are new, their texts are not. One pass, without recursion (a page may nest deeper than the stack).
 */
function positions(body: Element): { parent: Map<Node, Element>; index: Map<Element, number>; byText: Map<string, Text | null> } {
  const parent = new Map<Node, Element>();
  const index = new Map<Element, number>();
  const byText = new Map<string, Text | null>();
  const stack: Element[] = [body];
  while (stack.length) {
    const el = stack.pop()!;
    let i = 0;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      parent.set(child, el);
      if (child.nodeType === 1) {
        index.set(child as Element, i++);
        stack.push(child as Element);
      } else if (child.nodeType === 3) {
        const v = child.nodeValue ?? '';
        if (v.trim()) byText.set(v, byText.has(v) ? null : (child as Text));
      }
    }
  }
  return { parent, index, byText };
}

/** The path from the body to the nearest block around a text node, as it stood; null if it did not stand there. */
function pathOf(text: Text, body: Element, { parent, index, byText }: ReturnType<typeof positions>): number[] | null {
  const original = parent.has(text) ? text : byText.get(text.nodeValue ?? '');
  let el = original ? parent.get(original) : undefined;
  while (el && el !== body && !isBlockTag(el.tagName)) el = parent.get(el);
  const path: number[] = [];
  for (let e = el; e !== body; e = parent.get(e)) {
    const i = e && index.get(e);
    if (!e || i === undefined || path.length === MAX_PATH) return null;
    path.push(i);
  }
  return path.reverse();
}

/**
 * The article's language: as the page declares it, unless the text plainly is not English where the page says
 * English (or says nothing): mostly non-Latin letters, or too few of the commonest English words. Then 'und', so
 * that the matcher, which reads English only, stays silent rather than guess.
 */
export function articleLanguage(declared: string, blocks: string[]): string {
  const lang = declared.trim() || 'en';
  if (!/^en\b/i.test(lang)) return lang;
  const text = blocks.join(' ').slice(0, 20_000);
  const { letters, latin } = countLetters(text);
  if (letters > 200 && latin / letters < 0.6) return 'und';
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length > 100 && words.filter((w) => STOPWORDS.has(w)).length / words.length < 0.15) return 'und';
  return lang;
}

const LETTER = /\p{L}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * The letters of a text, and those of the Latin script. ASCII letters are counted by their codes and only the others
 * tested by their Unicode properties: matching every letter with /\p{L}/gu made an array of 20,000 strings, twice,
 * 8 ms of a 20 ms read of the long article.
 */
function countLetters(text: string): { letters: number; latin: number } {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32; // (ASCII letters in lower case)
    if (c >= 97 && c <= 122) {
      letters++;
      latin++;
      continue;
    }
    if (text.charCodeAt(i) < 128) continue;
    const point = text.codePointAt(i)!;
    const char = String.fromCodePoint(point);
    if (point > 0xffff) i++;
    if (LETTER.test(char)) {
      letters++;
      if (LATIN_LETTER.test(char)) latin++;
    }
  }
  return { letters, latin };
}

function wordCount(blocks: string[]): number {
  let n = 0;
  for (const b of blocks) n += b.split(/\s+/).filter(Boolean).length;
  return n;
}

export { looksLikeArticle } from './gate';

/**
 * Runs Readability on a copy of the document (Readability rewrites what it reads, and the live page is not ours to
 * change) and splits the article into sentences. Null when Readability finds no article.
 */
export function extractArticle(doc: Document, options: { inPlace?: boolean; anchors?: boolean } = {}): Article | null {
  // Readability rewrites what it reads: a live page is read through a copy; a document of our own, in place.
  const copy = options.inPlace ? doc : protoCall<Document>(doc, 'cloneNode', true);
  unclobber(copy);
  const body = options.anchors ? bodyOf(copy) : null;
  const before = body && positions(body);
  let parsed;
  try {
    parsed = new Readability<Element>(copy, { serializer: (node) => node as Element, maxElemsToParse: MAX_ELEMENTS }).parse();
  } catch {
    // Too large to parse (Readability's own limit), or markup it cannot read: not an article we can show.
    return null;
  }
  if (!parsed?.content) return null;
  const firstNodes: Text[] = [];
  const blocks = blockTexts(parsed.content, firstNodes);
  if (blocks.length === 0) return null;
  const lang = articleLanguage(parsed.lang || rootOf(doc)?.getAttribute('lang') || '', blocks);
  return {
    title: (parsed.title ?? '').trim(),
    byline: parsed.byline?.trim() || null,
    siteName: parsed.siteName?.trim() || null,
    published: parsed.publishedTime?.trim() || null,
    lang,
    words: wordCount(blocks),
    sentences: sentencesOf(blocks, lang).slice(0, MAX_SENTENCES),
    ...(body && before ? { anchors: firstNodes.map((t) => pathOf(t, body, before)) } : {}),
  };
}
