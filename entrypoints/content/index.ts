import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Session } from '../../src/content/controller';
import { loadReader } from '../../src/content/reader-handoff';
import { runClaimlight, type ContentEnv, type PageSettings } from '../../src/content/scan';
import { TIMING_KEY } from '../../src/content/timing';
import { parseUItoCS, type CStoBG, type MatchReply } from '../../src/messaging/contract';
import { parseSettings, SETTINGS_KEY, siteDisabled } from '../../src/settings';

/** How long a single-page site gets to render the new article after a navigation. */
const SPA_SETTLE_MS = 800;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // At DOMContentLoaded, so that highlights come soon after the text does; a page whose article is rendered
  // later by its scripts is read again once it has loaded (see start).
  runAt: 'document_end',
  // Top frames only: articles are read there, and frames are strangers' ads and embeds.
  allFrames: false,
  // WXT would also announce the script's start with window.postMessage, which tells every page's message listeners
  // the extension's id; its DOM event is enough to stop an older copy.
  noScriptStartedPostMessage: true,
  async main(ctx) {
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
    // The second stage (anchoring, painting, the card), loaded only where claims were found.
    const reader = () => loadReader(browser.runtime.getURL('/reader.js'));
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

    // Settings changed on the options page: repaint, stop, or start, without reloading the page. Listened for from
    // the first time the settings are read (on a page that looks like an article): storage is not touched before.
    let watching = false;
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
      const settings = parseSettings(changes[SETTINGS_KEY]!.newValue);
      const off = siteDisabled(settings, location.hostname);
      if (off && state.run) {
        stop();
        void send({ type: 'cs/site-off', url: location.href });
      } else if (!off && !state.run) void start();
      else state.session?.setHighlight(settings.highlight);
    };
    const settings = async (): Promise<PageSettings> => {
      const stored = await browser.storage.local.get([SETTINGS_KEY, TIMING_KEY]);
      if (!watching && !ctx.isInvalid) {
        watching = true;
        browser.storage.onChanged.addListener(onStorage);
      }
      const chosen = parseSettings(stored[SETTINGS_KEY]);
      return { off: siteDisabled(chosen, location.hostname), highlight: chosen.highlight, timing: stored[TIMING_KEY] === true };
    };

    const start = async () => {
      state.run = new AbortController();
      ctx.signal.addEventListener('abort', () => state.run?.abort(), { once: true });
      const env = { window, document, signal: state.run.signal, send, reader, i18n, settings };
      const early = document.readyState !== 'complete';
      const first = await runClaimlight({ ...env, quietIfNotArticle: early });
      // Switched off on this site: nothing runs until the reader switches it on again (onStorage starts it then).
      if (first.off) state.run = undefined;
      state.session = first.session;
      if (first.read || first.off || !early || !state.run) return;
      // Not an article yet at DOMContentLoaded: client-rendered pages fill in by the load event; one more look
      // then, unless the page has no more elements than it had (a live count: nothing new to read).
      const elements = document.getElementsByTagName('*');
      const seen = elements.length;
      // (The load event may have come while the first look waited for its turn.)
      if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      if (ctx.isInvalid || !state.run || state.run.signal.aborted) return;
      if (elements.length === seen) {
        await send({ type: 'cs/not-article', url: location.href });
        return;
      }
      const again = await runClaimlight(env);
      if (again.off) state.run = undefined;
      state.session = again.session;
    };
    const stop = () => {
      state.run?.abort();
      state.run = undefined;
      state.session = undefined;
    };

    // A single-page site swapping articles (pushState): the old highlights go, and once the new page has settled,
    // it is read again. Repeated navigations within the settle time cost one run.
    // WXT's event carries the new address as a URL object of this world; a page can send an event of the same name
    // but cannot hand us one of those. A move within the page (a link to #section) is not another article.
    const articleAddress = (u: URL) => u.href.replace(/#.*$/, '');
    let settle: ReturnType<typeof setTimeout> | undefined;
    let address = articleAddress(new URL(location.href));
    ctx.addEventListener(window, 'wxt:locationchange', (e) => {
      if (!(e.newUrl instanceof URL) || articleAddress(e.newUrl) === address) return;
      address = articleAddress(e.newUrl);
      stop();
      clearTimeout(settle);
      settle = setTimeout(() => {
        if (!ctx.isInvalid) void start();
      }, SPA_SETTLE_MS);
    });
    ctx.onInvalidated(() => {
      clearTimeout(settle);
      browser.runtime.onMessage.removeListener(onMessage);
      if (watching) browser.storage.onChanged.removeListener(onStorage);
    });

    await start();
  },
});
