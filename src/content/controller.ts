import { buildTextIndex, insideSkipped, type TextIndex } from '../anchor/text-index';
import { matchQuote, rangeOf } from '../anchor/match-quote';
import { createHighlightPainter, createOverlayPainter, type Painter } from '../anchor/highlight';
import type { MatchView } from '../claims/views';
import type { MatchReply, Quote } from '../messaging/contract';
import type { PageSettings } from './page-settings';
import type { ContentEnv } from './scan';
import { clockOf, type Clock } from './timing';
import { createCardHost, type CardAnchor, type CardHost } from './card-host';
import type { CardActions } from '../ui/Card';
import { bodyOf, elementAt } from '../util/dom';
import { nextTask, SLICE_MS } from '../util/tasks';
import { useMessages } from '../ui/i18n';

export type HighlightMode = 'all' | 'contested' | 'none';

/** Whether a match is painted under a highlight setting: contested claims have coverage both ways. */
export function shown(match: MatchView, mode: HighlightMode): boolean {
  if (mode === 'none') return false;
  if (mode === 'contested') return match.claim.supports > 0 && match.claim.refutes > 0;
  return true;
}

/** A matched sentence found again on the live page. */
export interface Anchored {
  match: MatchView;
  range: Range;
}

export interface Session {
  anchored: Anchored[];
  /** Removes a sentence's highlight (the reader called it a wrong match). */
  hide(sentence: number): boolean;
  /** Moves to the next (1) or previous (-1) highlighted claim, and opens its card with keyboard focus. */
  step(direction: 1 | -1): boolean;
  /** Repaints under another highlight setting. */
  setHighlight(mode: HighlightMode): void;
  /** Scrolls to a sentence (by its index in what was sent) and flashes it; false if it is not on the page. */
  reveal(sentence: number): boolean;
  destroy(): void;
}

const HIDE_DELAY_MS = 250;

/**
 * A card's place: near the line the reader points at, clear of the whole sentence, and, beside it, clear of the
 * paragraph's column too (the sentence's nearest block), so that it covers no line's end.
 */
function anchorOf(win: Window, range: Range, line: DOMRect): CardAnchor {
  const whole = range.getBoundingClientRect();
  const common = range.commonAncestorContainer;
  let block = common.nodeType === 1 ? (common as Element) : common.parentElement;
  while (block && win.getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
  const column = block?.getBoundingClientRect() ?? whole;
  return {
    line: { left: line.left, top: line.top },
    box: {
      left: Math.min(whole.left, line.left, column.left),
      top: Math.min(whole.top, line.top),
      right: Math.max(whole.right, line.right, column.right),
      bottom: Math.max(whole.bottom, line.bottom),
    },
  };
}

/** Document order of two paths from the same root: an ancestor's path comes first, as a prefix of its descendants'. */
function comparePaths(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Whether the element at `inner` stands inside (or is) the one at `outer`. */
const isWithin = (inner: number[], outer: number[]) => outer.length <= inner.length && outer.every((v, i) => inner[i] === v);

/**
 * The paragraphs the background found the quotes in (at their paths): the outermost of them in document order, and
 * for each quote the one it stands in; worked out on the paths, so that the page is asked only for the elements.
 * Null if any quote comes without a path or a path leads nowhere we would read: then the whole page is searched.
 */
function paragraphsOf(body: Element, quotes: Quote[]): { roots: Element[]; rootOf: Map<Quote, number> } | null {
  if (!quotes.every((q) => Array.isArray(q.path))) return null;
  const sorted = [...quotes].sort((a, b) => comparePaths(a.path!, b.path!));
  const roots: Element[] = [];
  const rootOf = new Map<Quote, number>();
  let outer: number[] | undefined;
  for (const q of sorted) {
    const path = q.path!;
    if (!outer || !isWithin(path, outer)) {
      const el = elementAt(body, path);
      if (!el || insideSkipped(el)) return null;
      roots.push(el);
      outer = path;
    }
    rootOf.set(q, roots.length - 1);
  }
  return { roots, rootOf };
}

/** What the reader stage is given by the first stage, which read the page (`scan.ts`). */
export type StageEnv = Pick<ContentEnv, 'window' | 'document' | 'send' | 'signal'> & Partial<Pick<PageSettings, 'highlight' | 'timing'>>;

/** What showing the matches needs: the first stage's part, and the browser's i18n for the card's text. */
export type ReaderEnv = StageEnv & {
  i18n: { getMessage(key: string, substitutions?: string[]): string; getUILanguage(): string };
};

/** The reader stage's entry (`entrypoints/reader.ts`): shows the matches of a reply; the session ends with the signal. */
export type ReaderStage = (env: StageEnv, reply: MatchReply) => Promise<Session | undefined>;

/**
 * The matched sentences found again on the live page by quote, painted, and a card on hover: the reader stage of the
 * content script, loaded only on pages where claims were found.
 */
export async function showMatches(env: ReaderEnv, reply: MatchReply): Promise<Session | undefined> {
  const { document: doc, window: win, signal } = env;
  const url = doc.location?.href ?? '';
  if (!reply.quotes) return undefined;
  useMessages((key, subs) => env.i18n.getMessage(key, subs), () => env.i18n.getUILanguage());
  const clock = clockOf(win, env.timing);

  // Reading the page's text, finding the sentences in it and painting them each get a task of their own, apart from
  // this stage's loading too, so that none of them makes a long task on a slow machine.
  await nextTask(win);
  if (signal.aborted) return undefined;
  const quotes = reply.quotes;
  const wanted = reply.matches.filter((m) => quotes[m.sentence]);
  // The sentences found in the text, in slices: on the long article at 4x CPU throttling its 50 sentences took one
  // task of about 60 ms. A range found before a turn follows the page's changes after it, as any range does.
  const anchor = async (index: TextIndex, spanOf: (q: Quote) => [number, number] | undefined = () => undefined) => {
    const out: Anchored[] = [];
    let start = win.performance.now();
    for (const match of wanted) {
      const quote = quotes[match.sentence]!;
      const found = matchQuote(index, quote, spanOf(quote));
      const range = found && rangeOf(index, found, doc);
      if (range) out.push({ match, range });
      const now = win.performance.now();
      if (now - start < SLICE_MS) continue;
      clock.record('anchor', start, now);
      await nextTask(win);
      if (signal.aborted) return undefined;
      start = win.performance.now();
    }
    clock.record('anchor', start, win.performance.now());
    return out;
  };
  // First only the paragraphs the sentences were found in (a few dozen nodes instead of the whole page), each
  // sentence in its own; the whole page if the page has changed since it was sent, or a paragraph was not known.
  const body = bodyOf(doc)!;
  const paragraphs = paragraphsOf(body, wanted.map((m) => quotes[m.sentence]!));
  let anchored: Anchored[] = [];
  if (paragraphs) {
    // (Each step in a task of its own: on the long article, its 50 matched sentences in 38 paragraphs, finding their
    // paragraphs, reading them and finding the sentences in them made one task of 56 ms at 4x CPU throttling.)
    await nextTask(win);
    if (signal.aborted) return undefined;
    const index = clock.measure('anchor-index', () => buildTextIndex(paragraphs.roots));
    await nextTask(win);
    if (signal.aborted) return undefined;
    const found = await anchor(index, (q) => index.spans?.[paragraphs.rootOf.get(q)!]);
    if (!found) return undefined;
    anchored = found;
  }
  if (anchored.length < wanted.length) {
    await nextTask(win);
    if (signal.aborted) return undefined;
    const index = clock.measure('anchor-index-page', () => buildTextIndex(body));
    await nextTask(win);
    if (signal.aborted) return undefined;
    const found = await anchor(index);
    if (!found) return undefined;
    anchored = found;
  }
  // Painting (our sheet, the highlights) in a task of its own too.
  await nextTask(win);
  if (signal.aborted) return undefined;
  const host = createCardHost(doc);

  const suffix = Math.random().toString(36).slice(2, 8);
  const painter: Painter = createHighlightPainter(win, doc, suffix) ?? createOverlayPainter(win, host.layer);
  let mode: HighlightMode = env.highlight ?? 'all';
  const visible = () => anchored.filter((a) => shown(a.match, mode));
  const paint = (next: HighlightMode) => {
    mode = next;
    painter.paint(visible().map((a) => ({ range: a.range, tone: a.match.hedged ? 'suggests' : a.match.relation })));
  };
  clock.measure('paint', () => paint(mode));

  /** Removes a sentence's highlight (a wrong match); true if it was there. */
  const hide = (sentence: number) => {
    const at = anchored.findIndex((a) => a.match.sentence === sentence);
    if (at < 0) return false;
    anchored.splice(at, 1);
    host.hide();
    paint(mode);
    return true;
  };
  const actions = (a: Anchored): CardActions => ({
    onWrong: () => {
      hide(a.match.sentence);
      void env.send({ type: 'cs/wrong-match', url, sentence: a.match.sentence });
    },
    onClose: () => host.hide(),
  });
  const session = hover(win, clock, host, painter, anchored, actions);

  // Keyboard: the next or previous highlighted claim in reading order, its card opened and focused.
  let current = -1;
  const step = (direction: 1 | -1) => {
    const list = visible().sort((x, y) => x.range.compareBoundaryPoints(0 /* START_TO_START */, y.range));
    if (!list.length) return false;
    current = (current + direction + list.length) % list.length;
    const a = list[current]!;
    a.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    painter.flash(a.range);
    const line = a.range.getClientRects()[0] ?? a.range.getBoundingClientRect();
    host.show(a.match, anchorOf(win, a.range, line), actions(a), true);
    return true;
  };

  const destroy = () => {
    session.destroy();
    painter.destroy();
    host.destroy();
  };
  signal.addEventListener('abort', destroy, { once: true });

  return {
    anchored,
    setHighlight: paint,
    hide,
    step,
    reveal(sentence) {
      const a = anchored.find((x) => x.match.sentence === sentence);
      if (!a) return false;
      const el = a.range.startContainer.parentElement;
      // A smooth scroll only where someone is watching it: not for readers who asked for less motion, and not in a
      // tab that is hidden (Firefox does not advance a smooth scroll there, so the page would never move).
      const still = win.document.hidden || !!win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      el?.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
      painter.flash(a.range);
      return true;
    },
    destroy,
  };
}

/** Shows the card while the pointer is over a highlighted sentence or over the card itself. */
function hover(win: Window, clock: Clock, host: CardHost, painter: Painter, anchored: Anchored[], actions: (a: Anchored) => CardActions): { destroy(): void } {
  let frame = 0;
  let last: { x: number; y: number } | undefined;
  let shown: Range | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    frame = 0;
    if (!last) return;
    const { x, y } = last;
    if (host.contains(x, y)) {
      clearTimeout(hideTimer);
      return;
    }
    const range = painter.rangeAt(x, y);
    if (range && range !== shown) {
      const a = anchored.find((i) => i.range === range)!;
      clearTimeout(hideTimer);
      shown = range;
      const rects = [...range.getClientRects()];
      const line = rects.find((r) => y >= r.top && y <= r.bottom) ?? range.getBoundingClientRect();
      clock.measure('card', () => host.show(a.match, anchorOf(win, range, line), actions(a)));
    } else if (!range && shown) {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(() => {
        shown = undefined;
        host.hide();
      }, HIDE_DELAY_MS);
    } else if (range) {
      clearTimeout(hideTimer);
    }
  };
  const onMove = (e: PointerEvent) => {
    last = { x: e.clientX, y: e.clientY };
    if (!frame) frame = win.requestAnimationFrame(check);
  };
  const onScroll = () => {
    if (shown) {
      shown = undefined;
      host.hide();
    }
  };
  win.addEventListener('pointermove', onMove, { passive: true });
  win.addEventListener('scroll', onScroll, { passive: true });
  return {
    destroy() {
      clearTimeout(hideTimer);
      if (frame) win.cancelAnimationFrame(frame);
      win.removeEventListener('pointermove', onMove);
      win.removeEventListener('scroll', onScroll);
    },
  };
}
