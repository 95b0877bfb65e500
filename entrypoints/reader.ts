import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { showMatches, type ReaderEnv, type ReaderStage, type Session } from '../src/content/controller';
import { offerStage } from '../src/content/handoff';
import { parseUItoCS } from '../src/messaging/contract';

/**
 * The content script's reader stage (anchoring, painting, the card, the popup's and the commands' messages),
 * imported by the first stage (`entrypoints/gate.ts`) from the extension's files only on pages where claims were
 * found; see src/content/handoff.ts. WXT's content-script context and the polyfill come here rather than on every
 * page: both touch the extension's runtime as they load, and that first touch makes the browser build its bindings.
 */
export default defineUnlistedScript(() => {
  let ctx: ContentScriptContext | undefined;
  let current: Session | undefined;
  const show: ReaderStage = async (env, reply) => {
    ctx ??= context(() => current);
    if (ctx.isInvalid) return undefined;
    // The session ends when the first stage ends the read, or when this copy of the extension is gone.
    const signal = AbortSignal.any([env.signal, ctx.signal]);
    const session = await showMatches({ ...env, signal, i18n }, reply);
    if (session && !signal.aborted) {
      current = session;
      signal.addEventListener('abort', () => void (current === session && (current = undefined)), { once: true });
    }
    return session;
  };
  offerStage('reader', show);
});

// Read through, not taken at start: touching an API makes the browser build its bindings, and the card's text is
// wanted only once a card is shown.
const api = (): ReaderEnv['i18n'] => browser.i18n;
const i18n: ReaderEnv['i18n'] = { getMessage: (key, subs) => api().getMessage(key, subs), getUILanguage: () => api().getUILanguage() };

/** WXT's context for this copy of the content script, and the popup's and the commands' messages to the session. */
function context(session: () => Session | undefined): ContentScriptContext {
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

  const onMessage = (raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = parseUItoCS(raw);
    if (!msg) return undefined;
    const s = session();
    const ok = msg.type === 'ui/reveal' ? s?.reveal(msg.sentence) : msg.type === 'bg/hide' ? s?.hide(msg.sentence) : s?.step(msg.direction);
    return Promise.resolve({ ok: ok ?? false });
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    window.removeEventListener(started, guard, { capture: true });
    browser.runtime.onMessage.removeListener(onMessage);
  });
  return ctx;
}
