// The hover card as the extension ships it (its component and styles, with a match from the real engine), on a test
// page in an open shadow root: axe-core cannot see into the closed one the extension uses. Served by the a11y
// suites of both browsers.
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { ROOT } from './harness.mjs';

/** Serves the card page on 127.0.0.1; resolves to { origin, close() }. */
export async function startCardServer() {
  const bundle = await build({
    stdin: {
      contents: `
        import { h, render } from 'preact';
        import { Card } from './src/ui/Card';
        import { CARD_CSS } from './src/ui/theme';
        import { ClaimBase } from './src/claims/claim-base';
        import { BUNDLED_PACKS } from './src/packs/bundled';
        import { validatePack } from './src/packs/validate';
        import { useMessages } from './src/ui/i18n';
        import { messagesIn } from './src/ui/messages';
        useMessages(messagesIn('en'), 'en');
        const packs = BUNDLED_PACKS.map((p) => validatePack(p).value);
        new ClaimBase(packs).matchSentences([{ text: 'A Meta spokesperson clarified that the company’s official position on open-source AI remains “unchanged.”' }, { text: 'They stated, “We plan to continue releasing leading open source models.' }]).then((matches) => {
          const host = document.getElementById('host');
          const root = host.attachShadow({ mode: 'open' });
          const style = document.createElement('style');
          style.textContent = CARD_CSS;
          const pop = document.createElement('div');
          root.append(style, pop);
          render(h(Card, { match: matches[matches.length - 1], onWrong() {}, onClose() {} }), pop);
          window.__ready = true;
        });`,
      resolveDir: ROOT,
      loader: 'tsx',
    },
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.json': 'json' },
    logLevel: 'silent',
  });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Card</title></head><body><main><h1>Card check</h1><div id="host"></div></main><script>${bundle.outputFiles[0].text.replace(/<\/script/g, '<\\/script')}</script></body></html>`;
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}
