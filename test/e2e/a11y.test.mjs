// Accessibility, checked with axe-core in the real browser: the popup, the options page, and the hover card (the
// card's own component and styles, rendered into an open shadow root on a test page, since axe cannot see into
// the closed one the extension uses). No serious or critical violation is allowed; all findings are printed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startCardServer } from './card-page.mjs';
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
  cardServer = await startCardServer();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await cardServer?.close();
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
    await page.goto(`${cardServer.origin}/`);
    await page.waitForFunction(() => window.__ready === true);
    const bad = await axe(page, 'hover card');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), []);
    await page.close();
  });
});
