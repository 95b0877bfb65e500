import { looksLikeArticle } from '../extract/gate';
import { MAX_HTML_CHARS, type CStoBG, type MatchReply } from '../messaging/contract';
import { bodyOf } from '../util/dom';
import { nextTask } from '../util/tasks';
import type { Session, ShowMatches } from './controller';
import type { FirstRead } from './first-look';
import { pageHtml } from './page-html';
import type { PageSettings } from './page-settings';
import { clockOf, type Clock } from './timing';

/**
 * The article stage of the content script (`entrypoints/article.ts`), for pages that passed the gate
 * (`first-look.ts`): the answer for the page the gate sent, or, when the page is read again (a navigation within it,
 * the site switched back on), the gate, the settings and the sending done here. It carries no UI, no anchoring and
 * no messages of the UI; the reader stage (`controller.ts`, loaded by `reader`) runs only where claims were found.
 */

/** What the content script needs, passed in so that tests can give it a page of their own. */
export interface ContentEnv {
  window: Window & typeof globalThis;
  document: Document;
  send(msg: CStoBG): Promise<MatchReply | null>;
  /** Ends everything this run set up (the extension was updated or disabled, or the page navigated). */
  signal: AbortSignal;
  /**
   * The reader's settings, asked for only once the page looks like an article: reading them makes the browser build
   * its storage bindings, which every other page is spared. A page that is no article is reported as such, and the
   * background, which knows the settings, records it as switched off where the reader turned its site off.
   */
  settings(): Promise<PageSettings>;
  /** The first read of a page, begun by the gate (`first-look.ts`): the gate is not run again, nor the page sent. */
  first?: FirstRead | undefined;
  /** The browser's i18n, for the card's text (the reader stage has no API object of its own). */
  i18n: { getMessage(key: string, substitutions?: string[]): string; getUILanguage(): string };
  /** Loads the reader stage: anchoring, painting and the card. */
  reader(): Promise<ShowMatches>;
}

/** What a pass over the page found: whether its site is switched off, and the session if claims were shown. */
export interface ScanResult {
  off?: boolean;
  session?: Session | undefined;
}

/**
 * One pass over the page: the cheap gate (unless the first look ran it); reading (Readability) and matching in the
 * background; then, if claims were found, the reader stage anchors them on the live page and paints them.
 */
export async function runClaimlight(env: ContentEnv): Promise<ScanResult> {
  const clock = clockOf(env.window);
  const started = env.first?.started ?? env.window.performance.now();
  try {
    return await run(env, clock);
  } finally {
    // For the benchmark: this pass is over, whatever it found.
    clock.record('done', started, env.window.performance.now());
  }
}

async function run(env: ContentEnv, clock: Clock): Promise<ScanResult> {
  const { document: doc, window: win, signal } = env;
  const url = doc.location?.href ?? '';
  const { first } = env;
  let settings: PageSettings;
  if (first) {
    clock.record('gate', ...first.gate);
    settings = first.settings;
  } else {
    // Read again (a navigation within the page, or the reader switched the site back on): the gate in a task of
    // its own, as in the first look.
    await nextTask(win);
    if (signal.aborted) return {};
    if (!clock.measure('gate', () => !!bodyOf(doc) && looksLikeArticle(doc))) {
      await env.send({ type: 'cs/not-article', url });
      return {};
    }
    settings = await env.settings();
  }
  clock.decide(settings.timing);
  if (signal.aborted) return {};
  if (settings.off) {
    await env.send({ type: 'cs/site-off', url });
    return { off: true };
  }
  let sent: number;
  let reply: MatchReply | null;
  if (first?.sent) {
    clock.record('serialize', ...first.sent.serialize);
    sent = first.sent.serialize[1];
    reply = await first.sent.reply;
  } else {
    // The page's HTML goes to the background, which reads it (Readability) off this thread; reading outerHTML is
    // the one cost here, a native serialisation.
    const html = clock.measure('serialize', () => pageHtml(doc));
    if (!html || html.length > MAX_HTML_CHARS) {
      await env.send({ type: 'cs/not-article', url });
      return {};
    }
    sent = win.performance.now();
    reply = await env.send({ type: 'cs/page', url, html });
  }
  clock.record('background', sent, win.performance.now());
  if (reply?.timings) {
    clock.record('background-read', sent, sent + reply.timings.read);
    clock.record('background-match', sent, sent + reply.timings.match);
  }
  if (signal.aborted || !reply || reply.matches.length === 0 || !reply.quotes) return {};
  const loaded = win.performance.now();
  let show: ShowMatches;
  try {
    show = await env.reader();
  } catch (e) {
    // The claims are still counted on the toolbar button and listed in the popup; only the highlights are missing.
    console.warn('Claimlight could not load its highlighter:', e);
    return {};
  }
  clock.record('load-reader', loaded, win.performance.now());
  if (signal.aborted) return {};
  return { session: await show({ ...env, highlight: settings.highlight, timing: settings.timing }, reply) };
}
