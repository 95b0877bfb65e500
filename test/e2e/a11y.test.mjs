// Accessibility, checked with axe-core in the real browser: the popup, the options page, and the hover card (the
// card's own component and styles, rendered into an open shadow root on a test page, since axe cannot see into
// the closed one the extension uses). No serious or critical violation is allowed; all findings are printed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { launch, ROOT, screenshot, startServer, tabIdOf, waitForHighlights } from './harness.mjs';
import { join } from 'node:path';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let server;
let browser;
let cardServer;
const summary = [];

before(async () => {
  server = await startServer();
  browser = await launch();
  // The card component as the extension ships it, with a match from the real engine, in an open shadow root.
  const bundle = await build({
    stdin: {
      contents: `
        import { h, render } from 'preact';
        import { Card } from './src/ui/Card';
        import { CARD_CSS } from './src/ui/theme';
        import { ClaimBase } from './src/claims/claim-base';
        import { BUNDLED_PACKS } from './src/packs/bundled';
        import { validatePack } from './src/packs/validate';
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
  cardServer = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise((r) => cardServer.listen(0, '127.0.0.1', r));
});
after(async () => {
  await browser?.close();
  await server?.close();
  cardServer?.close();
  console.log(`# axe-core: ${summary.join('; ')}`);
});

async function axe(page, name, context) {
  await page.evaluate(AXE);
  const result = await page.evaluate((ctx) => window.axe.run(ctx ?? document, { resultTypes: ['violations'] }), context);
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  summary.push(`${name}: ${result.violations.length} violations (${bad.length} serious or critical)${result.violations.length ? ` [${result.violations.map((v) => `${v.id}:${v.impact}`).join(', ')}]` : ''}`);
  return bad;
}

describe('accessibility (axe-core)', () => {
  it('the popup, light and dark, has no serious or critical violation', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/seed/lab-discussed`);
    await waitForHighlights(page);
    const tabId = await tabIdOf(browser.worker, page);
    for (const scheme of ['light', 'dark']) {
      const popup = await browser.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 420, height: 600 });
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
      await popup.waitForSelector('.claim-item');
      await popup.locator('.tl-toggle').first().click();
      const bad = await axe(popup, `popup (${scheme})`);
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), []);
      await popup.close();
    }
    await page.close();
  });

  it('the options page has no serious or critical violation', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('table.packs');
    const bad = await axe(options, 'options page');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), []);
    await screenshot(options, 'options');
    await options.close();
  });

  it('the hover card has no serious or critical violation', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${cardServer.address().port}/`);
    await page.waitForFunction(() => window.__ready === true);
    const bad = await axe(page, 'hover card');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), []);
    await page.close();
  });
});
