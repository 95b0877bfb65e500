import { looksLikeArticle } from '../extract/gate';
import { MAX_HTML_CHARS, type CStoBG, type MatchReply } from '../messaging/contract';
import { bodyOf } from '../util/dom';
import { nextTask } from '../util/tasks';
import { pageHtml } from './page-html';
import { PAGE_SETTING_KEYS, pageSettings, type PageSettings } from './page-settings';

/**
 * The first stage of the content script, the one every page pays for: does the page look like an article? If it
 * does, the article stage is loaded (the answer, highlights, the popup's commands, the page read again after a
 * navigation) and, while it loads, the reader's settings are read and, unless the reader switched the site off, the
 * page's HTML goes to the background, which reads and matches it off this thread. A page that does not is reported
 * as such and watched for a move to another address (a single-page site swapping in an article).
 *
 * It touches the extension's APIs only on an article or to report: the first touch of `runtime` makes the browser
 * build its bindings, and the polyfill and WXT's content-script context (which touch it as they load) come with the
 * article stage. A page that is no article costs this file's evaluation, the gate and one message.
 */

/** How long a single-page site gets to render the new article after a navigation. */
export const SPA_SETTLE_MS = 800;
/** After the load event, how long a client-rendered page gets before the second look. */
const AFTER_LOAD_MS = 300;

/** A page that passed the gate, handed to the article stage. */
export interface FirstRead {
  /** When this look began (before it yielded), performance.now(): the start of the "done" measure. */
  started: number;
  /** The page's address when the gate ran (a single-page site may move on while the article stage loads). */
  url: string;
  /** When the gate ran (start, end; performance.now()): for the step measures. */
  gate: [number, number];
  settings: PageSettings;
  /** Unless the site is switched off: when the page was serialised, and the background's answer (sent right after). */
  sent?: { serialize: [number, number]; reply: Promise<MatchReply | null> } | undefined;
}

/** The article stage's entry: takes the answer for the page that just passed the gate, then looks after the page. */
export type ArticleStage = (first: FirstRead) => Promise<void>;

/** What of the extension's API the gate uses; each call returns a promise in Chrome and Firefox alike. */
export interface Extension {
  runtime: {
    id?: string | undefined;
    sendMessage(msg: CStoBG): Promise<unknown>;
    getURL(path: string): string;
  };
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
}

export interface FirstLookEnv {
  window: Window & typeof globalThis;
  document: Document;
  /**
   * The extension's API, or undefined once the extension is gone (updated, disabled or removed: this copy of the
   * script is then orphaned and stops). Asked for only when there is something to hand over or report.
   */
  extension(): Extension | undefined;
  /** Loads the article stage from the extension's files (`runtime.getURL('/article.js')`). */
  loadArticle(runtime: Extension['runtime']): Promise<ArticleStage>;
}

/** Starts the first look at the page; returns a function that stops it (for tests). */
export function firstLook(env: FirstLookEnv): () => void {
  const { window: win, document: doc } = env;
  let stopped = false;
  let settle: ReturnType<typeof setTimeout> | undefined;
  const unwatch = watchAddress(win, () => {
    clearTimeout(settle);
    settle = setTimeout(() => void look(false), SPA_SETTLE_MS);
  });
  const stop = () => {
    stopped = true;
    clearTimeout(settle);
    unwatch();
  };
  const live = () => {
    const api = env.extension();
    if (api?.runtime?.id) return api;
    stop();
    return undefined;
  };

  /** One look; `early` at DOMContentLoaded, when a page that is no article yet may become one by its load event. */
  const look = async (early: boolean): Promise<void> => {
    const started = win.performance.now();
    // The gate in a task of its own, not in the one that evaluated this script: at document_end that task may hold
    // the page's own work too, and the gate's few milliseconds could make it a long one.
    await nextTask(win);
    if (stopped) return;
    const gateStart = win.performance.now();
    const article = !!bodyOf(doc) && looksLikeArticle(doc);
    const gateEnd = win.performance.now();
    if (article) {
      const api = live();
      if (!api) return;
      // From here the article stage watches the page, and reads it again after a navigation.
      stop();
      const url = doc.location?.href ?? '';
      try {
        const stage = env.loadArticle(api.runtime);
        stage.catch(() => undefined);
        const settings = pageSettings(await api.storage.local.get(PAGE_SETTING_KEYS), win.location.hostname);
        let sent: FirstRead['sent'];
        const serializing = win.performance.now();
        const html = settings.off ? '' : pageHtml(doc);
        const serialized = win.performance.now();
        // (A page too large to send is left to the article stage, which reports it as no article.)
        if (html && html.length <= MAX_HTML_CHARS) {
          const reply = api.runtime.sendMessage({ type: 'cs/page', url, html }) as Promise<MatchReply | null>;
          // Taken by the article stage; if that fails to load, the answer goes unread.
          reply.catch(() => undefined);
          sent = { serialize: [serializing, serialized], reply };
        }
        const read = await stage;
        await read({ started, url, gate: [gateStart, gateEnd], settings, sent });
      } catch (e) {
        console.warn('Claimlight could not read this page:', e);
      }
      return;
    }
    if (early) {
      // Client-rendered pages fill in by the load event: one more look then, unless the page has no more elements
      // than it had (a live count: nothing new to read).
      const elements = doc.getElementsByTagName('*');
      const seen = elements.length;
      // (The load event may have come while this look waited for its turn.)
      if (doc.readyState !== 'complete') await new Promise((resolve) => win.addEventListener('load', resolve, { once: true }));
      await new Promise((resolve) => setTimeout(resolve, AFTER_LOAD_MS));
      if (stopped) return;
      if (elements.length !== seen) return look(false);
    }
    try {
      await live()?.runtime.sendMessage({ type: 'cs/not-article', url: doc.location?.href ?? '' });
    } catch {
      // The background is restarting or the extension is going: nothing to report to.
    }
  };

  void look(doc.readyState !== 'complete');
  return stop;
}

/** The page's address without its fragment: a move to #section is not another article. */
export const articleAddress = (href: string): string => href.replace(/#.*$/, '');

/**
 * Calls `moved` when the page's address changes to another article address (pushState, popstate). With the
 * Navigation API (Chromium), its trusted navigate events, which a page cannot forge; without it (Firefox), a poll
 * of the address every second, as WXT's content-script context does.
 */
export function watchAddress(win: Window & typeof globalThis, moved: () => void): () => void {
  let last = articleAddress(win.location.href);
  const check = (href: string) => {
    const next = articleAddress(href);
    if (next === last) return;
    last = next;
    moved();
  };
  type NavigateEvent = Event & { destination?: { url?: string } };
  const navigation = (win as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    const onNavigate = (e: Event) => {
      const url = (e as NavigateEvent).destination?.url;
      if (e.isTrusted && url) check(url);
    };
    navigation.addEventListener('navigate', onNavigate);
    return () => navigation.removeEventListener('navigate', onNavigate);
  }
  const poll = setInterval(() => check(win.location.href), 1000);
  return () => clearInterval(poll);
}
