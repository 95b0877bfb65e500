// The whole reading loop in Debian's Chromium with the built extension: seed-story pages highlighted, the hover
// card, the badge, the popup's lists, the click that scrolls, the empty states. Screenshots go to
// test-results/screenshots/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accessibleBox, accessibleText, badgeOf, buttonTitleOf, clickAction, highlights, launch, markedBadge, rectOfHighlight, screenshot, startServer, tabIdOf, waitForHighlights } from './harness.mjs';
import { SEEDS } from './seeds.mjs';

let server;
let browser;
const pageErrors = [];

before(async () => {
  server = await startServer();
  browser = await launch({ timing: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path) {
  const page = await browser.context.newPage();
  // Saved pages throw errors of their own (their scripts are missing); ours would come from the extension's files.
  page.on('pageerror', (e) => {
    if (/chrome-extension:\/\//.test(e.stack ?? '')) pageErrors.push(`${path}: ${e.stack}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /chrome-extension:\/\/|claimlight/i.test(`${m.text()} ${m.location().url}`)) pageErrors.push(`${path}: ${m.text()}`);
  });
  await page.goto(`${server.origin}${path}`);
  return page;
}

/** A page with claims, once highlighted: its tab and the count on the toolbar button. */
async function openHighlighted(path) {
  const page = await open(path);
  await waitForHighlights(page);
  const tabId = await tabIdOf(browser.worker, page);
  const count = await markedBadge(browser.worker, tabId);
  return { page, tabId, count };
}

async function openPopup(tabId) {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}


describe('the seed story', () => {
  for (const [slug, expected] of Object.entries(SEEDS)) {
    it(`highlights the claims on "${slug}" and counts them on the badge`, async () => {
      const page = await open(`/seed/${slug}`);
      await waitForHighlights(page);
      const h = await highlights(page);
      for (const [fragment, tone] of expected) {
        const inTone = (h[`claimlight-${tone}`] ?? []).some((t) => t.includes(fragment));
        assert.ok(inTone, `"${fragment}" should be highlighted as ${tone}; got ${JSON.stringify(h, null, 1)}`);
      }
      // Found in the paragraphs the background named, without reading the whole page.
      const walks = await page.evaluate(() => ['anchor-index', 'anchor-index-page'].map((n) => performance.getEntriesByName(`claimlight:${n}`).length));
      assert.deepEqual(walks, [1, 0], 'one walk, of the paragraphs');
      const tabId = await tabIdOf(browser.worker, page);
      const badge = await markedBadge(browser.worker, tabId);
      const popup = await openPopup(tabId);
      await popup.waitForSelector('.claim-item');
      const listed = await popup.locator('.claim-item').count();
      assert.equal(badge, String(listed), 'the badge counts the claims the popup lists');
      assert.equal(await buttonTitleOf(browser.worker, tabId), `Claimlight: ${listed} known ${listed === 1 ? 'claim' : 'claims'} found on this page`);
      assert.ok(listed >= expected.length / 2);
      await page.bringToFront();
      await screenshot(page, `seed-${slug}`);
      await popup.close();
      await page.close();
    });
  }
});

describe('hover card and popup on the lab-discussed page', () => {
  let page;
  let tabId;
  before(async () => {
    page = await open('/seed/lab-discussed');
    await waitForHighlights(page);
    tabId = await tabIdOf(browser.worker, page);
  });
  after(() => page.close());

  it('shows the claim, the denial and the coverage when a denying sentence is hovered', async () => {
    const at = await rectOfHighlight(page, 'We plan to continue releasing');
    assert.ok(at, 'the denying sentence is highlighted');
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(400);
    const text = (await accessibleText(page)).join('\n');
    assert.match(text, /\[dialog\] Claimlight: known claim/);
    assert.match(text, /This page denies this claim/);
    assert.match(text, /Meta has stopped releasing open-source AI models\./);
    assert.match(text, /\d sources?\n? supports?/);
    assert.match(text, /\d\n? refutes?/);
    assert.match(text, /Meta spokesperson, to TechCrunch/);
    assert.match(text, /Data as of/);
    await screenshot(page, 'card-denies');
    // Moving away hides it again.
    await page.mouse.move(1200, 20);
    await page.waitForTimeout(600);
    assert.doesNotMatch((await accessibleText(page)).join('\n'), /This page denies this claim/);
  });

  it('never covers the sentence it explains, even in a short window', async () => {
    await page.setViewportSize({ width: 1280, height: 520 });
    try {
      // A sentence over two lines, pointed at on its first: the card must leave all of it readable.
      const lines = await page.evaluate(() => {
        for (const [name, h] of CSS.highlights) {
          if (name.startsWith('claimlight-flash')) continue;
          for (const r of h) {
            if (!r.toString().includes('We haven’t released everything')) continue;
            r.startContainer.parentElement.scrollIntoView({ block: 'center' });
            // The sentence's lines, and its paragraph: with no room above or below, the card goes beside the column.
            const { left, top, right, bottom } = r.startContainer.parentElement.closest('p').getBoundingClientRect();
            return [...[...r.getClientRects()].map(({ left, top, right, bottom }) => ({ left, top, right, bottom })), { left, top, right, bottom }];
          }
        }
      });
      assert.ok(lines.length > 2, 'the sentence takes more than one line');
      await page.mouse.move(lines[0].left + 20, (lines[0].top + lines[0].bottom) / 2);
      await page.waitForTimeout(400);
      const card = await accessibleBox(page, 'dialog');
      assert.ok(card, 'the card is shown');
      for (const line of lines) {
        const overlaps = card.left < line.right && line.left < card.right && card.top < line.bottom && line.top < card.bottom;
        assert.ok(!overlaps, `card ${JSON.stringify(card)} clear of the line ${JSON.stringify(line)}`);
      }
      assert.ok(card.top >= 0 && card.bottom <= 520 && card.left >= 0 && card.right <= 1280, 'inside the window');
      await screenshot(page, 'card-short-window');
    } finally {
      await page.mouse.move(1270, 10);
      await page.waitForTimeout(500);
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('lists each claim with the coverage that corroborates and contradicts the page', async () => {
    const popup = await openPopup(tabId);
    await popup.waitForSelector('.claim-item');
    const denied = popup.locator('.claim-item', { hasText: 'Meta has stopped releasing open-source AI models.' });
    await denied.locator('.toggle').click();
    assert.match(await denied.locator('.rel').innerText(), /This page denies this claim/);
    const corroborates = denied.locator('.group-corroborates');
    assert.match(await corroborates.innerText(), /Meta spokesperson, to TechCrunch/);
    assert.match(await denied.locator('.group-contradicts').innerText(), /Unattributed web article/);
    // Each item: outlet, date, headline linked to the source.
    const item = corroborates.locator('li', { hasText: 'Meta spokesperson' });
    assert.match(await item.locator('.cov-date').innerText(), /Jul 14, 2025/);
    assert.match(await item.locator('a').getAttribute('href'), /^https:\/\/techcrunch\.com\//);
    await screenshot(popup, 'popup-claims');
    await popup.close();
  });

  it('scrolls the page to a claim and flashes it when the claim is clicked in the popup', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopup(tabId);
    await popup.waitForSelector('.claim-item');
    await popup.locator('.claim-item', { hasText: 'Meta will keep training a mix of open and closed AI models.' }).locator('button.sentence').click();
    await page.bringToFront();
    await page.waitForFunction(() => window.scrollY > 300, null, { timeout: 5_000 });
    const flashing = await page.evaluate(() => [...CSS.highlights].filter(([k]) => k.startsWith('claimlight-flash')).flatMap(([, h]) => [...h].map((r) => r.toString())));
    assert.ok(flashing.some((t) => t.includes('mix of open and closed')), `flash on the sentence, got ${JSON.stringify(flashing)}`);
    await screenshot(page, 'revealed');
    await popup.close();
  });
});

describe('empty states', () => {
  it('says a page is not an article, with no badge and no highlight', async () => {
    const page = await open('/fixture/not-article.html');
    const tabId = await tabIdOf(browser.worker, page);
    // Such a page sends nothing: the background asks it, once the reader has clicked the toolbar button there.
    await page.waitForTimeout(600);
    assert.deepEqual(await browser.worker.evaluate((id) => chrome.storage.session.get(`report:${id}`), tabId), {});
    await clickAction(browser, page);
    const popup = await openPopup(tabId);
    await popup.waitForSelector('.empty-title:has-text("does not look like a news article")');
    assert.equal(await badgeOf(browser.worker, tabId), '');
    assert.deepEqual(Object.values(await highlights(page)).flat(), []);
    await screenshot(popup, 'popup-not-article');
    await popup.close();
    await page.close();
  });

  it('keeps the claims and the count through a move within the page once the toolbar button was clicked there', async () => {
    const { page, tabId, count } = await openHighlighted('/seed/lab-discussed');
    // The click lets the extension see the tab's address, and the browser then tells it of every move.
    await clickAction(browser, page);
    await page.evaluate(() => void (location.hash = '#footnote-1'));
    await page.waitForTimeout(500);
    assert.equal(await badgeOf(browser.worker, tabId), count);
    const popup = await openPopup(tabId);
    await popup.waitForSelector('.claim-item');
    await popup.close();
    await page.close();
  });

  it("does not show an article's claims for the page the tab loads after it, when that page cannot be asked", async () => {
    const { page, tabId } = await openHighlighted('/seed/lab-discussed');
    // A page no content script runs in, and the toolbar button not clicked there: the background cannot ask it.
    await page.goto('about:blank');
    assert.equal(await badgeOf(browser.worker, tabId), '', 'the browser clears the badge on a new document');
    const popup = await openPopup(tabId);
    await popup.waitForSelector('.empty-title:has-text("has not checked this page")', { timeout: 10_000 }).catch(async (e) => {
      throw new Error(`${e.message}; the popup said: ${await popup.locator('body').innerText()}`);
    });
    assert.equal(await popup.locator('.claim-item').count(), 0);
    await popup.close();
    await page.close();
  });

  it('says an article has no known claims, on the button too', async () => {
    const page = await open('/readability/wapo-1');
    const tabId = await tabIdOf(browser.worker, page);
    const popup = await openPopup(tabId);
    await popup.waitForSelector('.empty-title:has-text("No known claims")', { timeout: 15_000 });
    assert.equal(await badgeOf(browser.worker, tabId), '');
    assert.equal(await buttonTitleOf(browser.worker, tabId), 'Claimlight: No known claims on this page.');
    await screenshot(popup, 'popup-no-claims');
    await popup.close();
    // The tab loads a page no content script runs in, the button not clicked there: that the article before it had
    // no claims is not said of it (the badge was empty for both; the browser took the button's title away).
    await page.goto('about:blank');
    assert.equal(await buttonTitleOf(browser.worker, tabId), 'Claimlight');
    const after = await openPopup(tabId);
    await after.waitForSelector('.empty-title:has-text("has not checked this page")', { timeout: 10_000 }).catch(async (e) => {
      throw new Error(`${e.message}; the popup said: ${await after.locator('body').innerText()}`);
    });
    await after.close();
    await page.close();
  });

  it('stays off on a site the reader switched off, article or not, and comes back when switched on', async () => {
    const setSettings = (value) => browser.worker.evaluate((v) => chrome.storage.local.set({ settings: v }), value);
    await setSettings({ highlight: 'all', disabledSites: ['localhost'] });
    try {
      for (const path of ['/seed/lab-discussed', '/fixture/not-article.html']) {
        const page = await open(path);
        const tabId = await tabIdOf(browser.worker, page);
        await clickAction(browser, page);
        const popup = await openPopup(tabId);
        await popup.waitForSelector('.empty-title:has-text("Claimlight is off on this site")');
        assert.equal(await badgeOf(browser.worker, tabId), '');
        assert.deepEqual(Object.values(await highlights(page)).flat(), [], path);
        await popup.close();
        if (path.startsWith('/seed')) {
          // Switched on again on the options page: the open article is read without a reload.
          await setSettings({ highlight: 'all', disabledSites: [] });
          await waitForHighlights(page);
          assert.ok(Object.values(await highlights(page)).flat().some((t) => t.includes('Superintelligence Lab')));
          await setSettings({ highlight: 'all', disabledSites: ['localhost'] });
          await page.waitForFunction(() => [...CSS.highlights.values()].every((h) => h.size === 0), null, { timeout: 5_000 });
        }
        await page.close();
      }
    } finally {
      await browser.worker.evaluate(() => chrome.storage.local.remove('settings'));
    }
  });

  it('raised no error from the extension on any page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
