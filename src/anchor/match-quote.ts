import { locate, type TextIndex } from './text-index';
import { createRange } from '../util/dom';

/**
 * A passage to find again, by its text and what surrounds it (as Hypothesis's TextQuoteSelector), each with its
 * whitespace collapsed to single spaces, as the article's sentences are: the text index is collapsed the same way.
 */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1: 1 for the only occurrence or one whose context matches; lower when the context disagrees. */
  confidence: number;
}

/** Below this, nothing is highlighted: a wrong highlight costs more trust than a missing one. */
export const CONFIDENCE_FLOOR = 0.5;

// How many characters two strings share at the end (for prefixes) or start (for suffixes).
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Finds the quote's exact text in the index (`within` a span of it, where the sentence's paragraph is known).
 * Several occurrences are told apart by their context; a sentence too short to be distinctive needs its context to
 * agree, unless its paragraph is known. Only exact text is anchored: a near miss is not our sentence.
 */
export function matchQuote(index: TextIndex, quote: TextQuote, within?: [number, number]): QuoteMatch | null {
  // Trimmed only: collapsing whitespace here again was a third of this step's time on a page's first run.
  const exact = quote.exact.trim();
  if (!exact) return null;
  const prefix = quote.prefix.trim();
  const suffix = quote.suffix.trim();
  let best: QuoteMatch | null = null;
  let from = within?.[0] ?? 0;
  let count = 0;
  for (;;) {
    const at = index.text.indexOf(exact, from);
    if (at < 0 || (within && at + exact.length > within[1])) break;
    count++;
    from = at + 1;
    const before = index.text.slice(Math.max(0, at - prefix.length - 1), at).trimEnd();
    const after = index.text.slice(at + exact.length, at + exact.length + suffix.length + 1).trimStart();
    const agree =
      prefix.length + suffix.length === 0
        ? 1
        : (commonSuffix(before, prefix) + commonPrefix(after, suffix)) / (prefix.length + suffix.length);
    const candidate = { start: at, end: at + exact.length, confidence: agree };
    if (!best || candidate.confidence > best.confidence) best = candidate;
  }
  if (!best) return null;
  // A single occurrence of a real sentence is ours even if the page around it differs (ads, captions); so is the one
  // occurrence in the paragraph the sentence is known to stand in (its context may lie outside what was read).
  if (count === 1 && (exact.length >= 40 || within)) best.confidence = Math.max(best.confidence, 1);
  else if (count === 1) best.confidence = Math.max(best.confidence, 0.6);
  return best.confidence >= CONFIDENCE_FLOOR ? best : null;
}

/** Turns a match back into a DOM Range on the live page. */
export function rangeOf(index: TextIndex, match: QuoteMatch, doc: Document): Range | null {
  const start = locate(index, match.start);
  // The end is just after the last character: locate that character and step past it.
  const last = locate(index, match.end - 1);
  if (!start || !last) return null;
  const range = createRange(doc);
  range.setStart(start.node, start.offset);
  range.setEnd(last.node, Math.min(last.offset + 1, last.node.length));
  return range;
}
