import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { blockTexts, sentencesOf, type Sentence } from './sentences';

/** What Readability found on a page, and its sentences. */
export interface Article {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** The article's language (BCP 47) as the page declares it; "en" when it does not. */
  lang: string;
  /** Word count of the article text. */
  words: number;
  sentences: Sentence[];
}

/**
 * The cheap gate: does this page look like an article at all? Readability's own heuristic, which only reads
 * paragraph lengths, so that non-article pages (search, feeds, apps) cost next to nothing.
 */
export function looksLikeArticle(doc: Document): boolean {
  return isProbablyReaderable(doc, { minContentLength: 140, minScore: 20 });
}

function wordCount(blocks: string[]): number {
  let n = 0;
  for (const b of blocks) n += b.split(/\s+/).filter(Boolean).length;
  return n;
}

/**
 * Runs Readability on a copy of the document (Readability rewrites what it reads, and the live page is not ours to
 * change) and splits the article into sentences. Null when Readability finds no article.
 */
export function extractArticle(doc: Document): Article | null {
  const copy = doc.cloneNode(true) as Document;
  const parsed = new Readability<Element>(copy, { serializer: (node) => node as Element }).parse();
  if (!parsed?.content) return null;
  const blocks = blockTexts(parsed.content);
  if (blocks.length === 0) return null;
  const lang = (parsed.lang || doc.documentElement?.getAttribute('lang') || 'en').trim() || 'en';
  return {
    title: (parsed.title ?? '').trim(),
    byline: parsed.byline?.trim() || null,
    siteName: parsed.siteName?.trim() || null,
    lang,
    words: wordCount(blocks),
    sentences: sentencesOf(blocks, lang),
  };
}
