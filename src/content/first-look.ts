import { looksLikeArticle } from '../extract/gate';
import { articleAddress, type CStoBG, type LookState, type MatchReply } from '../messaging/contract';
import { SETTINGS_KEY } from '../settings';
import { bodyOf } from '../util/dom';
import { nextTask } from '../util/tasks';
import type { ArticleStage } from './article-stage';
import type { ReaderStage, Session } from './controller';

/**
 * The first stage of the content script, the one every page runs: does the page look like an article? If it does,
 * the article stage is loaded (`article-stage.ts`), the reader's settings are read and, unless the reader switched
 * the site off, the page's HTML goes to the background, which reads and matches it off this thread (`scan.ts`); only
 * where claims were found is the reader stage loaded (anchoring, painting, the card, the popup's commands). Either
 * way the page is watched for a move to another address (a single-page site swapping articles) and read again then,
 * and an article's page for the reader switching its site off or on.
 *
 * It touches the extension's APIs only on an article: the first touch of `runtime` makes the browser build its
 * bindings (the polyfill and WXT's content-script context, which touch it as they load, come with the reader stage).
 * A page that is no article costs this file's evaluation and the gate, and sends nothing: what the look found is
 * noted in the isolated world (`note`), where the background asks for it when the popup opens on a page it has no
 * report for. Only a page that was an article and became none (a single-page site) says so, to replace its report.
 * An article without claims costs the settings and one message more.
 */

/** How long a single-page site gets to render the new article after a navigation. */
export const SPA_SETTLE_MS = 800;
/** After the load event, how long a client-rendered page gets before the second look. */
const AFTER_LOAD_MS = 300;

type StorageChanges = Record<string, { newValue?: unknown }>;

/** What of the extension's API the first stage uses: in both browsers each returns a promise or takes a listener. */
export interface Extension {
  runtime: {
    id?: string | undefined;
    sendMessage(msg: CStoBG): Promise<unknown>;
    getURL(path: string): string;
  };
  storage: {
    local: { get(keys: string[]): Promise<Record<string, unknown>> };
    onChanged: {
      addListener(listener: (changes: StorageChanges, area: string) => void): void;
      removeListener(listener: (changes: StorageChanges, area: string) => void): void;
    };
  };
}

export interface FirstLookEnv {
  window: Window & typeof globalThis;
  document: Document;
  /**
   * The extension's API, or undefined once the extension is gone (updated, disabled or removed: this copy of the
   * script is then orphaned and stops). Asked for only when there is something to read, send or report.
   */
  extension(): Extension | undefined;
  /** Loads the article stage from the extension's files (`runtime.getURL('/article.js')`). */
  loadArticle(runtime: Extension['runtime']): Promise<ArticleStage>;
  /** Loads the reader stage from the extension's files (`runtime.getURL('/reader.js')`). */
  loadReader(runtime: Extension['runtime']): Promise<ReaderStage>;
  /** Keeps what the look found where the background can ask for it (`PAGE_LOOK_KEY` in the isolated world). */
  note(look: LookState): void;
}

/** Starts looking after the page; returns a function that stops it, and ends what it showed (for tests). */
export function firstLook(env: FirstLookEnv): () => void {
  const { window: win, document: doc } = env;
  let stopped = false;
  let settle: ReturnType<typeof setTimeout> | undefined;
  /** The read of the article on show (ended by a navigation or the site switched off), and what it showed. */
  let reading: AbortController | undefined;
  let session: Session | undefined;
  /** The article's site was found switched off: read it once the reader switches it on. */
  let off = false;
  /** The article stage, once loaded; then the settings listener is added, and where (`listening`). */
  let stage: ArticleStage | undefined;
  let listening: Extension | undefined;

  const endRead = () => {
    reading?.abort();
    reading = undefined;
    session = undefined;
  };
  const unwatch = watchAddress(win, () => {
    endRead();
    clearTimeout(settle);
    settle = setTimeout(() => void look(false), SPA_SETTLE_MS);
  });
  const stop = () => {
    stopped = true;
    clearTimeout(settle);
    unwatch();
    endRead();
    listening?.storage.onChanged.removeListener(onStorage);
  };
  const live = () => {
    const api = env.extension();
    if (api?.runtime?.id) return api;
    stop();
    return undefined;
  };

  // Settings changed on the options page: repaint, stop, or read, without reloading the page.
  const onStorage = (changes: StorageChanges, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes) || stopped || !stage) return;
    const api = live();
    if (!api) return;
    const now = stage.settingsOf({ [SETTINGS_KEY]: changes[SETTINGS_KEY]!.newValue }, win.location.hostname);
    if (now.off && reading) {
      endRead();
      off = true;
      api.runtime.sendMessage({ type: 'cs/site-off', url: doc.location?.href ?? '' }).catch(() => undefined);
    } else if (!now.off && off) {
      off = false;
      void look(false);
    } else session?.setHighlight(now.highlight);
  };

  /** One look; `early` at DOMContentLoaded, when a page that is no article yet may become one by its load event. */
  const look = async (early: boolean): Promise<void> => {
    const started = win.performance.now();
    env.note('looking');
    // Every look runs in a task of its own, so the gate does not yield first: the first look from gate.ts's timer
    // (not in the task that evaluated the script, which at document_end may hold the page's own work), later ones
    // from timers and the storage event.
    const gateStart = win.performance.now();
    const article = !!bodyOf(doc) && looksLikeArticle(doc);
    const gateEnd = win.performance.now();
    if (article) {
      env.note('article');
      // The extension's API in a task of its own too: its first touch builds the runtime's bindings (12 ms at 4x
      // CPU throttling on Breitbart), which with the gate made one long task.
      await nextTask(win);
      if (stopped) return;
      const api = live();
      if (!api) return;
      endRead();
      const read = new AbortController();
      reading = read;
      off = false;
      try {
        // (The article stage's code is read and compiled off this thread as it arrives.)
        const article = (stage ??= await env.loadArticle(api.runtime));
        if (read.signal.aborted) return;
        if (!listening) {
          api.storage.onChanged.addListener(onStorage);
          listening = api;
        }
        const found = await article.read(
          {
            window: win,
            document: doc,
            signal: read.signal,
            send: (msg) => api.runtime.sendMessage(msg) as Promise<MatchReply | null>,
            settings: async () => article.settingsOf(await api.storage.local.get(article.settingKeys), win.location.hostname),
            reader: () => env.loadReader(api.runtime),
          },
          { started, gate: [gateStart, gateEnd] },
        );
        if (reading !== read) return;
        if (found.off) {
          reading = undefined;
          off = true;
        }
        session = found.session;
      } catch (e) {
        console.warn('Claimlight could not read this page:', e);
        if (reading === read) env.note('failed');
      }
      return;
    }
    // No article, for now: a page whose load event is slow in coming (or never comes) is not left "being read".
    env.note('not-article');
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
    // A page that was read as an article before (a single-page site that moved) has a report to replace; the API's
    // bindings are built by then.
    if (!listening) return;
    try {
      await live()?.runtime.sendMessage({ type: 'cs/not-article', url: doc.location?.href ?? '' });
    } catch {
      // The background is restarting or the extension is going: nothing to report to.
    }
  };

  void look(doc.readyState !== 'complete');
  return stop;
}

/**
 * Calls `moved` when the page's address changes to another article address (pushState, popstate). With the
 * Navigation API (Chromium), its trusted navigate events, which a page cannot forge; without it (Firefox), a poll
 * of the address every second, as WXT's content-script context does.
 */
export function watchAddress(win: Window & typeof globalThis, moved: () => void): () => void {
  let last: string | undefined;
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
      if (!e.isTrusted || !url) return;
      // The address is read at the first move, not as the page opens (most never move): a navigate event comes
      // before the document leaves its address.
      last ??= articleAddress(win.location.href);
      check(url);
    };
    navigation.addEventListener('navigate', onNavigate);
    return () => navigation.removeEventListener('navigate', onNavigate);
  }
  last = articleAddress(win.location.href);
  const poll = setInterval(() => check(win.location.href), 1000);
  return () => clearInterval(poll);
}
