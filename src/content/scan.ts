import { looksLikeArticle } from '../extract/gate';
import { MAX_HTML_CHARS, type CStoBG, type MatchReply } from '../messaging/contract';
import { bodyOf, protoCall, protoGet, rootOf } from '../util/dom';
import { nextTask } from '../util/tasks';
import type { HighlightMode, Session, ShowMatches } from './controller';
import { clockOf, type Clock } from './timing';

/**
 * The first stage of the content script, the one every page pays for: the cheap gate, the page's HTML to the
 * background, the answer. It is kept small (no UI, no anchoring, no messages of the UI) because it runs on every
 * page the reader opens; the second stage (`controller.ts`, loaded by `reader`) runs only where claims were found.
 */

/** The reader's choices, as they bear on this page. */
export interface PageSettings {
  /** The reader turned Claimlight off on this site. */
  off: boolean;
  /** Which matches to paint (the reader's setting); all are reported either way. */
  highlight: HighlightMode;
  /** Record each step's time as a User Timing measure (`timing.ts`), which the page can read: for the benchmark. */
  timing: boolean;
}

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
  /** Do not report "not an article" (the caller will look again once the page has loaded). */
  quietIfNotArticle?: boolean;
  /** The browser's i18n, for the card's text (the second stage has no API object of its own). */
  i18n: { getMessage(key: string, substitutions?: string[]): string; getUILanguage(): string };
  /** Loads the second stage: anchoring, painting and the card. */
  reader(): Promise<ShowMatches>;
}

/** What of the head the background reads: the title, the metadata, the base address and the JSON-LD. */
const HEAD_KEPT = 'title, meta, base, link[rel~="canonical"], script[type="application/ld+json"]';

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The page's HTML for the background to read: the root's attributes (its language), the head cut down to what is
 * read there (a news page's head is mostly inline CSS and script: 546 of Breitbart's 854 kB, which Readability
 * would only throw away), and the body whole. Serialising and sending are main-thread work in the page, paid by the
 * kilobyte.
 */
export function pageHtml(doc: Document): string {
  const root = rootOf(doc);
  if (!root) return '';
  const head = protoGet<HTMLHeadElement | null>(doc, 'head');
  const body = bodyOf(doc);
  if (!head || !body || protoGet<Node | null>(body, 'parentNode') !== root) return protoGet<string>(root, 'outerHTML') ?? '';
  const attributes = protoGet<NamedNodeMap>(root, 'attributes')!;
  let open = '<html';
  for (let i = 0; i < attributes.length; i++) open += ` ${attributes[i]!.name}="${escapeAttr(attributes[i]!.value)}"`;
  const kept = protoCall<NodeListOf<Element>>(head, 'querySelectorAll', HEAD_KEPT);
  let inHead = '';
  for (let i = 0; i < kept.length; i++) inHead += protoGet<string>(kept[i]!, 'outerHTML') ?? '';
  return `${open}><head>${inHead}</head>${protoGet<string>(body, 'outerHTML') ?? ''}</html>`;
}

/**
 * What a pass over the page found: whether it was read as an article (or found switched off on its site), and the
 * session if claims were shown.
 */
export interface ScanResult {
  read: boolean;
  off?: boolean;
  session?: Session | undefined;
}

/**
 * One pass over the page: the cheap gate here; reading (Readability) and matching in the background; then, if
 * claims were found, the second stage anchors them on the live page and paints them.
 */
export async function runClaimlight(env: ContentEnv): Promise<ScanResult> {
  const clock = clockOf(env.window);
  const started = env.window.performance.now();
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
  // The gate in a task of its own, not in the one that evaluated this script: at document_end that task may hold
  // the page's own work too, and the gate's few milliseconds could make it a long one.
  await nextTask(win);
  if (signal.aborted) return { read: true };
  const gate = clock.measure('gate', () => !!bodyOf(doc) && looksLikeArticle(doc));
  if (!gate) {
    if (!env.quietIfNotArticle) await env.send({ type: 'cs/not-article', url });
    return { read: false };
  }
  const settings = await env.settings();
  clock.decide(settings.timing);
  if (signal.aborted) return { read: true };
  if (settings.off) {
    await env.send({ type: 'cs/site-off', url });
    return { read: false, off: true };
  }
  // The page's HTML goes to the background, which reads it (Readability) off this thread; reading outerHTML is the
  // one cost here, a native serialisation.
  const html = clock.measure('serialize', () => pageHtml(doc));
  if (!html || html.length > MAX_HTML_CHARS) {
    await env.send({ type: 'cs/not-article', url });
    return { read: true };
  }
  const sent = win.performance.now();
  const reply = await env.send({ type: 'cs/page', url, html });
  clock.record('background', sent, win.performance.now());
  if (reply?.timings) {
    clock.record('background-read', sent, sent + reply.timings.read);
    clock.record('background-match', sent, sent + reply.timings.match);
  }
  if (signal.aborted || !reply || reply.matches.length === 0 || !reply.quotes) return { read: true };
  const loaded = win.performance.now();
  let show: ShowMatches;
  try {
    show = await env.reader();
  } catch (e) {
    // The claims are still counted on the toolbar button and listed in the popup; only the highlights are missing.
    console.warn('Claimlight could not load its highlighter:', e);
    return { read: true };
  }
  clock.record('load-reader', loaded, win.performance.now());
  if (signal.aborted) return { read: true };
  return { read: true, session: await show({ ...env, highlight: settings.highlight, timing: settings.timing }, reply) };
}
