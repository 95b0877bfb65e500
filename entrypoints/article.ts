import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Session, ShowMatches } from '../src/content/controller';
import { articleAddress, SPA_SETTLE_MS, watchAddress, type ArticleStage, type FirstRead } from '../src/content/first-look';
import { loadStage, offerStage } from '../src/content/handoff';
import { PAGE_SETTING_KEYS, pageSettings } from '../src/content/page-settings';
import { runClaimlight, type ContentEnv } from '../src/content/scan';
import { parseUItoCS, type CStoBG, type MatchReply } from '../src/messaging/contract';
import { SETTINGS_KEY } from '../src/settings';

/**
 * The content script's article stage, loaded by the gate (`entrypoints/gate.ts`) on a page that looks like an
 * article, which it has sent to the background: it takes the answer, loads the reader stage where claims were
 * found, answers the popup and the commands, and reads the page again after a navigation within it or when the
 * reader switches the site back on. WXT's content-script context is made here rather than on every page: it
 * touches the extension's runtime as it loads, and that first touch makes the browser build its bindings.
 */
export default defineUnlistedScript(() => {
  offerStage('article', readArticle satisfies ArticleStage);
});

async function readArticle(first: FirstRead): Promise<void> {
  // (Its options are a content-script definition's; the context reads only this one. WXT would also announce the
  // script's start with window.postMessage, which tells every page's message listeners the extension's id; its DOM
  // event is enough to stop an older copy.)
  const ctx = new ContentScriptContext('content', { matches: [], noScriptStartedPostMessage: true });

  // WXT stops this script when a newer copy announces itself with a DOM event, which a page can forge to switch
  // Claimlight off on itself. While this copy is still connected to the extension there is no newer copy (an
  // update or reload disconnects the old one first), so the announcement is stopped before WXT hears it. (The
  // event's name is WXT's, private in its types; the hostile-page tests fail if it ever changes.)
  const started = ContentScriptContext['SCRIPT_STARTED_MESSAGE_TYPE'];
  const guard = (e: Event) => {
    if (browser.runtime?.id) e.stopImmediatePropagation();
  };
  window.addEventListener(started, guard, { capture: true });
  ctx.onInvalidated(() => window.removeEventListener(started, guard, { capture: true }));

  const state: { session?: Session; run?: AbortController } = {};
  const send = (msg: CStoBG) => browser.runtime.sendMessage(msg) as Promise<MatchReply | null>;
  // The reader stage (anchoring, painting, the card), loaded only where claims were found.
  const reader = () => loadStage<ShowMatches>('reader', browser.runtime.getURL('/reader.js'));
  // Read through, not taken at start: touching an API makes the browser build its bindings, and only pages with
  // claims show text.
  const api = (): ContentEnv['i18n'] => browser.i18n;
  const i18n: ContentEnv['i18n'] = { getMessage: (key, subs) => api().getMessage(key, subs), getUILanguage: () => api().getUILanguage() };

  const onMessage = (raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = parseUItoCS(raw);
    if (!msg) return undefined;
    const s = state.session;
    const ok = msg.type === 'ui/reveal' ? s?.reveal(msg.sentence) : msg.type === 'bg/hide' ? s?.hide(msg.sentence) : s?.step(msg.direction);
    return Promise.resolve({ ok: ok ?? false });
  };
  browser.runtime.onMessage.addListener(onMessage);

  // Settings changed on the options page: repaint, stop, or start, without reloading the page.
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const { off, highlight } = pageSettings({ [SETTINGS_KEY]: changes[SETTINGS_KEY]!.newValue }, location.hostname);
    if (off && state.run) {
      stop();
      void send({ type: 'cs/site-off', url: location.href });
    } else if (!off && !state.run) void start();
    else state.session?.setHighlight(highlight);
  };
  browser.storage.onChanged.addListener(onStorage);
  const settings = async () => pageSettings(await browser.storage.local.get(PAGE_SETTING_KEYS), location.hostname);

  const start = async (first?: FirstRead) => {
    const run = new AbortController();
    state.run = run;
    ctx.signal.addEventListener('abort', () => run.abort(), { once: true });
    const result = await runClaimlight({ window, document, signal: run.signal, send, reader, i18n, settings, first });
    // Switched off on this site: nothing runs until the reader switches it on again (onStorage starts it then).
    if (result.off && state.run === run) state.run = undefined;
    if (state.run === run) state.session = result.session;
  };
  const stop = () => {
    state.run?.abort();
    state.run = undefined;
    state.session = undefined;
  };

  // A single-page site swapping articles (pushState): the old highlights go, and once the new page has settled,
  // it is read again. Repeated navigations within the settle time cost one run.
  let settle: ReturnType<typeof setTimeout> | undefined;
  const moved = () => {
    stop();
    clearTimeout(settle);
    settle = setTimeout(() => {
      if (!ctx.isInvalid) void start();
    }, SPA_SETTLE_MS);
  };
  const unwatch = watchAddress(window, moved);
  ctx.onInvalidated(() => {
    unwatch();
    clearTimeout(settle);
    stop();
    browser.runtime.onMessage.removeListener(onMessage);
    browser.storage.onChanged.removeListener(onStorage);
  });

  // The site moved on while this stage loaded: the answer is for a page no longer shown.
  if (articleAddress(location.href) !== articleAddress(first.url)) moved();
  else await start(first);
}
