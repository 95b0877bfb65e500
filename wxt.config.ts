import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * webextension-polyfill ships as a UMD file. Bundled as CommonJS, its export (in a browser that has its own
 * `browser` object, that object) is copied property by property when imported, and reading each property makes
 * Chrome build every API binding, on every page the content script runs in. As an ES module its export is used as
 * it is. The build fails if the file's wrapper ever changes, rather than quietly bundling it the old way.
 */
function polyfillAsModule(): Plugin {
  const file = /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/;
  const wrapper = /^\(function \(global, factory\) \{[\s\S]*?global\.browser = mod\.exports;\s*\}\s*\}\)\(/;
  return {
    name: 'claimlight:polyfill-as-module',
    enforce: 'pre',
    transform(code, id) {
      if (!file.test(id)) return undefined;
      if (!wrapper.test(code)) throw new Error(`${id}: unexpected UMD wrapper; update polyfillAsModule in wxt.config.ts`);
      return { code: `const module = { exports: {} };\n((global, factory) => factory(module))(${code.replace(wrapper, '')}\nexport default module.exports;\n`, map: null };
    },
  };
}

// WXT's srcDir stays at the repository root: `entrypoints/` is glue, `src/` is the engine.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sources zip for Firefox's review: the code and what builds it, not test output or the CLI's build.
  zip: { excludeSources: ['test-results/**', 'dist/**', 'public/_locales/**'] },
  vite: () => ({
    plugins: [polyfillAsModule(), preact()],
    // linkedom's CSS parser, which nothing of ours calls: see src/extract/no-style-sheets.ts.
    resolve: { alias: [{ find: /^cssomnom\/parse$/, replacement: fileURLToPath(new URL('src/extract/no-style-sheets.ts', import.meta.url)) }] },
    // CLAIMLIGHT_NO_MINIFY=1 keeps the bundles readable, for profiling where time goes.
    build: process.env.CLAIMLIGHT_NO_MINIFY ? { minify: false } : {},
  }),
  manifest: ({ browser }) => ({
    // Name, description and command labels in the browser's language (public/_locales, from src/ui/messages.ts).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: per-tab reports (session) and settings (local); unlimitedStorage: large packs in IndexedDB;
    // alarms: the periodic check of subscribed packs; activeTab and scripting: when the popup opens on a page that
    // sent no report (one that is no article sends nothing), the background asks the content script there what it
    // found (src/background/service.ts, `report`). Neither adds a warning at install.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'activeTab', 'scripting'],
    action: { default_title: 'Claimlight' },
    // The content script: its gate on every page, at DOMContentLoaded (so that highlights come soon after the text
    // does; a page whose article is rendered later by its scripts is looked at again once it has loaded), in top
    // frames only (articles are read there; frames are strangers' ads and embeds). Declared here rather than as a
    // WXT content script: see entrypoints/gate.ts.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['gate.js'], run_at: 'document_end', all_frames: false }],
    // Its later stages, imported by the first: the article stage where a page looks like an article, the reader stage
    // only where claims were found. Chrome gives them a per-session random address (use_dynamic_url), so a page cannot
    // probe for them; Firefox's address holds the per-install random UUID.
    web_accessible_resources: [{ resources: ['article.js', 'reader.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    commands: {
      'next-claim': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdNext__' },
      'previous-claim': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdPrevious__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'claimlight@claimlight.org',
              // 140: the first release that reads data_collection_permissions (and has Ed25519 in WebCrypto).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
