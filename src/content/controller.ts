import { buildTextIndex } from '../anchor/text-index';
import { matchQuote, rangeOf } from '../anchor/match-quote';
import { createHighlightPainter, createOverlayPainter, type Painter } from '../anchor/highlight';
import { looksLikeArticle } from '../extract/gate';
import type { MatchView } from '../claims/views';
import { MAX_HTML_CHARS, type CStoBG, type MatchReply } from '../messaging/contract';
import { createCardHost, type CardHost } from './card-host';
import type { CardActions } from '../ui/Card';
import { bodyOf, protoGet, rootOf } from '../util/dom';

/** What the content script needs, passed in so that tests can give it a page of their own. */
export interface ContentEnv {
  window: Window & typeof globalThis;
  document: Document;
  send(msg: CStoBG): Promise<MatchReply | null>;
  /** Ends everything this run set up (the extension was updated or disabled, or the page navigated). */
  signal: AbortSignal;
  /** Which matches to paint (the reader's setting); all are reported either way. */
  highlight?: HighlightMode;
  /** Do not report "not an article" (the caller will look again once the page has loaded). */
  quietIfNotArticle?: boolean;
}

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
 * Runs one synchronous step of ours and records its duration as a User Timing measure ("claimlight:<step>"), so
 * that `npm run bench:browser` can say where the page's main-thread time goes. Costs a few microseconds.
 */
function record(win: Window, step: string, start: number, end: number): void {
  try {
    win.performance.measure(`claimlight:${step}`, { start, end });
  } catch {
    // User Timing unavailable: the measure is only for the benchmark.
  }
}

function measure<T>(win: Window, step: string, work: () => T): T {
  const t0 = win.performance.now();
  try {
    return work();
  } finally {
    record(win, step, t0, win.performance.now());
  }
}

/**
 * One pass over the page: the cheap gate here; reading (Readability) and matching in the background; then the
 * answers anchored on the live page by quote, painted, and a card on hover. Returns undefined when there is
 * nothing to show.
 */
export async function runClaimlight(env: ContentEnv): Promise<Session | undefined> {
  const started = env.window.performance.now();
  try {
    return await run(env);
  } finally {
    // For the benchmark: this pass is over, whatever it found.
    record(env.window, 'done', started, env.window.performance.now());
  }
}

async function run(env: ContentEnv): Promise<Session | undefined> {
  const { document: doc, window: win, signal } = env;
  const url = doc.location?.href ?? '';
  const gate = measure(win, 'gate', () => !!bodyOf(doc) && looksLikeArticle(doc));
  if (!gate) {
    if (!env.quietIfNotArticle) await env.send({ type: 'cs/not-article', url });
    return undefined;
  }
  // The page's HTML goes to the background, which reads it (Readability) off this thread; reading outerHTML is the
  // one cost here, a native serialisation.
  const html = measure(win, 'serialize', () => (rootOf(doc) ? (protoGet<string>(rootOf(doc)!, 'outerHTML') ?? '') : ''));
  if (!html || html.length > MAX_HTML_CHARS) {
    await env.send({ type: 'cs/not-article', url });
    return undefined;
  }
  const sent = win.performance.now();
  const reply = await env.send({ type: 'cs/page', url, html });
  record(win, 'background', sent, win.performance.now());
  if (reply?.timings) {
    record(win, 'background-read', sent, sent + reply.timings.read);
    record(win, 'background-match', sent, sent + reply.timings.match);
  }
  if (signal.aborted || !reply || reply.matches.length === 0 || !reply.quotes) return undefined;

  const host = createCardHost(doc);
  const quotes = reply.quotes;
  const anchored: Anchored[] = measure(win, 'anchor', () => {
    const index = measure(win, 'anchor-index', () => buildTextIndex(bodyOf(doc)!));
    const out: Anchored[] = [];
    for (const match of reply.matches) {
      const quote = quotes[match.sentence];
      if (!quote) continue;
      const found = matchQuote(index, quote);
      const range = found && rangeOf(index, found, doc);
      if (range) out.push({ match, range });
    }
    return out;
  });

  const suffix = Math.random().toString(36).slice(2, 8);
  const painter: Painter = createHighlightPainter(win, doc, suffix) ?? createOverlayPainter(win, host.layer);
  let mode: HighlightMode = env.highlight ?? 'all';
  const visible = () => anchored.filter((a) => shown(a.match, mode));
  const paint = (next: HighlightMode) => {
    mode = next;
    painter.paint(visible().map((a) => ({ range: a.range, tone: a.match.relation })));
  };
  measure(win, 'paint', () => paint(mode));

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
  const session = hover(win, host, painter, anchored, actions);

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
    host.show(a.match, line, actions(a), true);
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
function hover(win: Window, host: CardHost, painter: Painter, anchored: Anchored[], actions: (a: Anchored) => CardActions): { destroy(): void } {
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
      measure(win, 'card', () => host.show(a.match, line, actions(a)));
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
