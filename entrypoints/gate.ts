import type { ArticleStage } from '../src/content/article-stage';
import type { ReaderStage } from '../src/content/controller';
import { firstLook, type Extension } from '../src/content/first-look';
import { loadStage } from '../src/content/handoff';
import { PAGE_LOOK_KEY, type LookState } from '../src/messaging/contract';

/**
 * The content script every page runs (declared in wxt.config.ts): the gate, the article stage (the read) only on a page
 * that looks like an article, and the reader stage only where claims were found. Not WXT's content-script entry, which
 * makes WXT's context on every page, nor the polyfill (`wxt/browser`): both read `runtime.id` as they load, and that
 * first touch makes the browser build the runtime's bindings, on every page. The few calls made here (runtime id,
 * getURL and sendMessage, storage.local.get and storage.onChanged) return promises or take listeners in Chrome and
 * Firefox alike, so the API is taken as WXT's own `@wxt-dev/browser` takes it, but only when it is needed. Measured
 * with `npm run bench:ab` on the page that is no article: the polyfill in this file cost 2 ms of its 7.
 */
export default defineUnlistedScript(() => {
  const global = globalThis as typeof globalThis & { browser?: Extension; chrome?: Extension; [PAGE_LOOK_KEY]?: LookState };
  // The look starts in a task of its own: with this file's compiling and evaluation, its first touches of the
  // isolated world (window, location, the navigation API) made one task of 50–67 ms at 4x CPU throttling on a slow
  // machine, a long task on every third page. (A timer: a page loading in a background tab may wait a second.)
  setTimeout(() => {
    firstLook({
      window,
      document,
      extension: () => global.browser ?? global.chrome,
      loadArticle: (runtime) => loadStage<ArticleStage>('article', runtime.getURL('/article.js')),
      loadReader: (runtime) => loadStage<ReaderStage>('reader', runtime.getURL('/reader.js')),
      // Read by the background's `scripting.executeScript` in this same world (entrypoints/background.ts, `askPage`).
      note: (look) => void (global[PAGE_LOOK_KEY] = look),
    });
  }, 0);
});
