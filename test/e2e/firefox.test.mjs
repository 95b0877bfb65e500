// Claimlight in Firefox (Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi, with the Firefox
// build installed as a temporary add-on), where Firefox runs the background as a page, not a service worker: the
// seed pages and the badge, the popup's coverage and reveal, the story timeline, a wrong match remembered and
// cleared, the keyboard step, axe-core on the popup and options page, the strictest CSP, the empty state; a
// private window (allowed over Marionette, as a reader allows it in about:addons); then
// the popup on a dark system theme, and in German and Spanish. Skipped, with a note, where Firefox ESR or its
// language packs are not installed (.ci/run installs them).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS, startServer } from './harness.mjs';
import { SEEDS } from './seeds.mjs';
import { startCardServer } from './card-page.mjs';
import { allowPrivateAndOpenWindow, anyHighlight, available, AXE, clickAction, FIREFOX, highlighted, launchFirefox, poll, POPUP, setViewport, UUID } from './firefox-harness.mjs';

let server;
let browser;

async function openPopup() {
  // Without the "tabs" permission tabs cannot be told apart by URL: the article is the other tab.
  const popup = await browser.newPage();
  await popup.goto(POPUP, { waitUntil: [] });
  await poll(popup, () => document.readyState === 'complete');
  const tabId = await popup.evaluate(async () => {
    const self = await browser.tabs.getCurrent();
    const all = await browser.tabs.query({});
    return all.filter((t) => t.id !== self.id).at(-1).id;
  });
  await setViewport(popup, { width: 420, height: 600 });
  await popup.goto(`${POPUP}?tabId=${tabId}`, { waitUntil: [] });
  popup.tabId = tabId;
  return popup;
}


/** An article page of the test server, once its highlights are painted. */
async function openArticle(path) {
  const page = await browser.newPage();
  await page.goto(`${server.origin}${path}`);
  await poll(page, anyHighlight);
  return page;
}

/** The popup for the article tab, once it lists the claims. */
async function openListedPopup() {
  const popup = await openPopup();
  await poll(popup, () => document.querySelectorAll('.claim-item').length > 0);
  return popup;
}

/** Presses "Wrong match" on the popup's item for a sentence, and waits for the page to drop its highlight. */
async function markWrongFromPopup(popup, page, fragment) {
  await popup.evaluate((f) => {
    const item = [...document.querySelectorAll('.claim-item')].find((i) => i.textContent.includes(f));
    item.querySelector('button.wrong').click();
  }, fragment.slice(0, 30));
  await poll(page, (f) => {
    for (const h of CSS.highlights.values()) for (const r of h) if (r.toString().includes(f)) return false;
    return true;
  }, fragment);
}

describe('Firefox', { skip: available ? false : `Firefox ESR (${FIREFOX}) or the Firefox build is missing` }, () => {
  before(async () => {
    server = await startServer();
    browser = await launchFirefox();
    // The content script's step measures, off for readers, for the walk checks below.
    const page = await browser.newPage();
    await page.goto(POPUP, { waitUntil: [] });
    await poll(page, () => document.readyState === 'complete');
    await page.evaluate(() => browser.storage.local.set({ 'claimlight:timing': true }));
    await page.close();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    server = undefined;
  });

  it('highlights the seed story, asserting and denying', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/seed/lab-discussed`);
    const got = await poll(page, () => {
      const out = [];
      for (const [k, h] of CSS.highlights) if (h.size) out.push(k);
      return out.length ? out : null;
    });
    assert.ok(got.length > 0);
    const texts = await highlighted(page);
    assert.ok(texts.some((t) => t.startsWith('asserts:') && t.includes('Top members of Meta’s new Superintelligence Lab')), JSON.stringify(texts));
    assert.ok(texts.some((t) => t.startsWith('denies:') && t.includes('We plan to continue releasing')));
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'firefox-seed.png') });

    const popup = await openListedPopup();
    const body = await popup.evaluate(() => document.body.innerText);
    assert.match(body, /known claims found on this page/);
    assert.match(body, /This page denies this claim/);
    assert.match(body, /Meta spokesperson, to TechCrunch/);
    await popup.screenshot({ path: join(SHOTS, 'firefox-popup.png') });
    // The click that takes the reader to the sentence.
    await page.evaluate(() => window.scrollTo(0, 0));
    await popup.evaluate(() => {
      const item = [...document.querySelectorAll('.claim-item')].find((i) => i.textContent.includes('mix of open and closed'));
      item.querySelector('button.sentence').click();
    });
    await new Promise((r) => setTimeout(r, 500));
    const warn = await popup.evaluate(() => document.querySelector('.warn')?.textContent ?? '');
    assert.equal(warn, '', 'the page found the sentence');
    await page.bringToFront();
    await poll(page, () => window.scrollY > 300);
    await popup.close();
    await page.close();
  });

  for (const [slug, expected] of Object.entries(SEEDS)) {
    it(`highlights the claims on "${slug}" and counts them on the toolbar button`, async () => {
      const page = await openArticle(`/seed/${slug}`);
      const texts = await highlighted(page);
      for (const [fragment, tone] of expected) assert.ok(texts.some((t) => t.startsWith(`${tone}:`) && t.includes(fragment)), `"${fragment}" as ${tone}: ${JSON.stringify(texts)}`);
      // Found in the paragraphs the background named, without reading the whole page.
      const walks = await page.evaluate(() => ['anchor-index', 'anchor-index-page'].map((n) => performance.getEntriesByName(`claimlight:${n}`).length));
      assert.deepEqual(walks, [1, 0], 'one walk, of the paragraphs');
      const popup = await openListedPopup();
      const [badge, title, listed] = await popup.evaluate(
        async (id) => [await browser.browserAction.getBadgeText({ tabId: id }), await browser.browserAction.getTitle({ tabId: id }), document.querySelectorAll('.claim-item').length],
        popup.tabId,
      );
      assert.equal(badge, String(listed), 'the badge counts the claims the popup lists');
      assert.equal(title, `Claimlight: ${listed} known ${listed === 1 ? 'claim' : 'claims'} found on this page`);
      await popup.close();
      await page.close();
    });
  }

  it('exports a claim card as ClaimReview JSON-LD, copied and downloaded', async () => {
    const page = await openArticle(`/seed/lab-discussed`);
    const popup = await openListedPopup();
    // What the buttons hand to the clipboard and to the download, caught on their way out.
    const out = await popup.evaluate(async () => {
      const got = {};
      navigator.clipboard.writeText = async (text) => void (got.copied = text);
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        got.file = this.download;
        got.href = this.href;
      };
      const exporter = document.querySelector('.claim-item .export');
      const [copy, download] = exporter.querySelectorAll('button');
      copy.click();
      await new Promise((r) => setTimeout(r, 100));
      got.status = exporter.querySelector('[role="status"]').textContent;
      download.click();
      got.downloaded = await (await fetch(got.href)).text();
      HTMLAnchorElement.prototype.click = click;
      return got;
    });
    assert.equal(out.status, 'Copied.');
    assert.match(out.file, /^[a-z0-9-]+\.claimreview\.jsonld$/);
    assert.equal(out.downloaded, out.copied);
    const review = JSON.parse(out.copied);
    assert.equal(review['@context'], 'https://schema.org');
    assert.equal(review['@type'], 'ClaimReview');
    assert.ok(review.claimReviewed.length > 20, 'names the claim');
    await popup.close();
    await page.close();
  });

  it('shows how the story moved over time in the popup', async () => {
    const page = await openArticle(`/seed/lab-discussed`);
    const popup = await openListedPopup();
    const dates = await popup.evaluate(() => {
      const item = [...document.querySelectorAll('.claim-item')].find((i) => i.textContent.includes('Meta has stopped releasing open-source AI models.'));
      [...item.querySelectorAll('button')].find((b) => b.textContent.includes('How the story moved over time')).click();
      return new Promise((r) => setTimeout(() => {
        item.querySelector('.tl')?.scrollIntoView();
        r([...item.querySelectorAll('.tl-item .tl-date')].map((d) => d.textContent));
      }, 200));
    });
    assert.ok(dates.length >= 4, JSON.stringify(dates));
    const dated = dates.filter((d) => d !== 'undated').map((d) => Date.parse(d));
    assert.deepEqual(dated, [...dated].sort((a, b) => a - b), 'in date order');
    await popup.screenshot({ path: join(SHOTS, 'firefox-timeline.png') });
    await popup.close();
    await page.close();
  });

  it('moves between claims from the keyboard command, with the card focused', async () => {
    const page = await openArticle(`/seed/moving-to-closed`);
    const popup = await openPopup();
    await page.bringToFront();
    const step = (d) => popup.evaluate((id, direction) => browser.tabs.sendMessage(id, { type: 'bg/step', direction }), popup.tabId, d);
    assert.deepEqual(await step(1), { ok: true });
    // Our host on <html> holds the focus (the card inside its closed shadow root has it).
    await poll(page, () => document.activeElement?.parentElement === document.documentElement && document.activeElement.tagName === 'DIV');
    await page.keyboard.press('Escape');
    await poll(page, () => document.activeElement !== document.documentElement.lastElementChild || document.activeElement === document.body);
    await popup.close();
    await page.close();
  });

  it('hides a wrong match from the popup, remembers it across a reload, and lists it on the options page to clear', async () => {
    const page = await openArticle(`/seed/lab-discussed`);
    const fragment = 'Top members of Meta’s new Superintelligence Lab';
    assert.ok((await highlighted(page)).some((t) => t.includes(fragment)));
    const popup = await openListedPopup();
    await markWrongFromPopup(popup, page, fragment);
    await page.reload();
    await poll(page, anyHighlight);
    assert.ok(!(await highlighted(page)).some((t) => t.includes(fragment)), 'still hidden after a reload');
    const options = await browser.newPage();
    await options.goto(`moz-extension://${UUID}/options.html`, { waitUntil: [] });
    await poll(options, () => document.querySelector('section[aria-labelledby="corr-h"]')?.textContent.includes('1 correction.'));
    await options.evaluate(() => [...document.querySelectorAll('section[aria-labelledby="corr-h"] button')].find((b) => b.textContent === 'Clear all').click());
    await poll(options, () => document.querySelector('section[aria-labelledby="corr-h"]')?.textContent.includes('No corrections yet.'));
    await options.close();
    await popup.close();
    await page.close();
  });

  it('has no serious or critical axe-core violation in the popup, on the options page and in the card', async () => {
    const page = await openArticle(`/seed/lab-discussed`);
    const popup = await openListedPopup();
    const options = await browser.newPage();
    await options.goto(`moz-extension://${UUID}/options.html`, { waitUntil: [] });
    await poll(options, () => document.querySelectorAll('h2').length > 0);
    const cards = await startCardServer();
    const card = await browser.newPage();
    await card.goto(`${cards.origin}/`);
    await poll(card, () => window.__ready === true);
    const found = [];
    for (const [name, p] of [['popup', popup], ['options', options], ['card', card]]) {
      await p.evaluate(readFileSync(AXE, 'utf8'));
      const violations = await p.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}:${v.impact}`));
      console.log(`# axe-core in Firefox, ${name}: ${violations.length} violations${violations.length ? ` [${violations.join(', ')}]` : ''}`);
      found.push(...violations.filter((v) => /:(serious|critical)$/.test(v)).map((v) => `${name} ${v}`));
    }
    assert.deepEqual(found, []);
    await card.close();
    await cards.close();
    await options.close();
    await popup.close();
    await page.close();
  });

  it("highlights under the strictest Content-Security-Policy (default-src 'none')", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/seed/lab-discussed?csp`);
    await poll(page, () => [...CSS.highlights.values()].some((h) => h.size > 0));
    const texts = await highlighted(page);
    assert.ok(texts.some((t) => t.startsWith('denies:') && t.includes('We plan to continue releasing')), JSON.stringify(texts));
    // The card on hover: our one host element appears on <html>, with the card drawn inside its shadow root.
    const at = await page.evaluate(() => {
      for (const [k, h] of CSS.highlights) {
        if (!k.includes('denies')) continue;
        for (const r of h) {
          r.startContainer.parentElement.scrollIntoView({ block: 'center' });
          const box = r.getClientRects()[0];
          return { x: box.left + 10, y: box.top + box.height / 2 };
        }
      }
    });
    await page.mouse.move(at.x, at.y);
    await poll(page, () => document.documentElement.lastElementChild?.tagName === 'DIV');
    await new Promise((r) => setTimeout(r, 300));
    await page.screenshot({ path: join(SHOTS, 'firefox-csp-card.png') });
    await page.close();
  });

});

/**
 * A block of tests with a Firefox of its own (extra preferences, then `setup`), which its tests use as `browser`.
 * The suites run one after another, so the shared `browser` is this block's while its tests run.
 */
function describeWithFirefox(title, { prefs = {}, setup, skip, marionette: withMarionette } = {}, body) {
  describe(title, { skip: skip ?? (available ? false : 'Firefox ESR or the Firefox build is missing') }, () => {
    let own;
    before(async () => {
      server ??= await startServer();
      own = await launchFirefox(prefs, { marionette: withMarionette });
      own = (await setup?.(own)) ?? own;
      browser = own;
    });
    after(async () => {
      // (A test may have moved to another session on the same browser: `clickAction`.)
      await (browser ?? own)?.close();
      await server?.close();
      server = undefined;
    });
    body();
  });
}

describeWithFirefox('Firefox on a dark system theme', { prefs: { 'layout.css.prefers-color-scheme.content-override': 0 } }, () => {
  it('shows the popup dark', async () => {
    const page = await openArticle(`/seed/lab-discussed`);
    const popup = await openListedPopup();
    const [bg, fg] = await popup.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    const lum = (c) => c.match(/\d+/g).slice(0, 3).reduce((a, v) => a + Number(v), 0) / 3;
    assert.ok(lum(bg) < 60 && lum(fg) > 180, `dark background (${bg}) and light text (${fg})`);
    await popup.screenshot({ path: join(SHOTS, 'firefox-popup-dark.png') });
    await popup.close();
    await page.close();
  });
});

describeWithFirefox('Firefox, the toolbar button', { marionette: true }, () => {
  it('says when a page is not an article, once the toolbar button was clicked there', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/fixture/not-article.html`);
    await new Promise((r) => setTimeout(r, 1000));
    // Such a page sends nothing: the background asks it, which the click on the button allows.
    browser = await clickAction(browser);
    const popup = await openPopup();
    await poll(popup, () => document.querySelector('.empty-title')?.textContent.includes('does not look like a news article'));
    const [article] = (await browser.pages()).filter((p) => p.url().endsWith('/fixture/not-article.html'));
    assert.deepEqual(await highlighted(article), []);
    await popup.close();
  });
});

describeWithFirefox('Firefox private window', { setup: allowPrivateAndOpenWindow, marionette: true }, () => {
  it('highlights in a private window, and keeps a wrong match there out of storage on disk', async () => {
    const page = (await browser.pages()).at(-1);
    await page.goto(`${server.origin}/seed/lab-discussed`);
    await poll(page, anyHighlight);
    const fragment = 'Top members of Meta’s new Superintelligence Lab';
    assert.ok((await highlighted(page)).some((t) => t.includes(fragment)));
    const popup = await openListedPopup();
    const tabs = await popup.evaluate(async () => (await browser.tabs.query({})).map((t) => ({ id: t.id, incognito: t.incognito })));
    assert.equal(tabs.find((t) => t.id === popup.tabId)?.incognito, true, 'the article tab is in a private window');
    await markWrongFromPopup(popup, page, fragment);
    const stored = await popup.evaluate(async () => ({
      disk: (await browser.storage.local.get('corrections')).corrections ?? [],
      session: (await browser.storage.session.get('corrections')).corrections ?? [],
    }));
    assert.equal(stored.disk.length, 0, 'nothing written to storage.local');
    assert.equal(stored.session.length, 1, 'kept in session memory');
    await page.reload();
    await poll(page, anyHighlight);
    assert.ok(!(await highlighted(page)).some((t) => t.includes(fragment)), 'still hidden in this session');
    await page.screenshot({ path: join(SHOTS, 'firefox-private-window.png') });
    await popup.close();
  });
});

// Debian's language packs for Firefox ESR (.ci/run installs them): the browser's UI language is the extension's.
const LANGPACK = (lang) => `/usr/lib/firefox-esr/browser/extensions/langpack-${lang}@firefox-esr.mozilla.org.xpi`;
for (const [lang, locale, expected] of [
  ['de', 'de', { count: /bekannte Behauptungen auf dieser Seite/, group: /Bestätigt diese Seite/i, relation: /Diese Seite (behauptet|bestreitet|deutet) das/ }],
  ['es', 'es-ES', { count: /afirmaciones conocidas en esta página/, group: /Confirma esta página/i, relation: /Esta página (sostiene|niega|sugiere) esta afirmación/ }],
]) {
  const ready = available && existsSync(LANGPACK(locale));
  describeWithFirefox(`Firefox in ${lang}`, { prefs: { 'intl.locale.requested': locale }, skip: ready ? false : `Firefox ESR's ${locale} language pack is not installed` }, () => {
    it(`shows the popup in ${lang}`, async () => {
      const page = await openArticle(`/seed/lab-discussed`);
      const popup = await openListedPopup();
      assert.equal((await popup.evaluate(() => browser.i18n.getUILanguage())).slice(0, 2), lang);
      const text = await popup.evaluate(() => document.body.innerText);
      assert.match(text, expected.count);
      assert.match(text, expected.group);
      assert.match(text, expected.relation);
      assert.doesNotMatch(text, /known claims found|Corroborates this page/i);
      await popup.screenshot({ path: join(SHOTS, `firefox-popup-${lang}.png`) });
      await popup.close();
      await page.close();
    });
  });
}
