// The reading loop in Firefox (Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi, with the
// Firefox build installed as a temporary add-on): highlights on the seed pages, the badge's report in the popup,
// the coverage lists, the reveal, the empty state. Firefox runs the background as a page, not a service worker.
// Skipped, with a note, where Firefox ESR is not installed (.ci/run installs it).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SHOTS, startServer } from './harness.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXT = join(ROOT, '.output', 'firefox-mv2');
const GECKO_ID = 'claimlight@claimlight.org';
const UUID = '6f0ac2a8-1b7e-4d7c-9c1e-2f3a4b5c6d7e';
const available = existsSync(FIREFOX) && existsSync(join(EXT, 'manifest.json'));

let server;
let browser;

async function poll(page, fn, arg, timeout = 15_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const v = await page.evaluate(fn, arg).catch(() => undefined);
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${fn}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const highlighted = (page) =>
  page.evaluate(() => {
    const out = [];
    for (const [k, h] of CSS.highlights) if (!k.startsWith('claimlight-flash')) for (const r of h) out.push(`${k.split('-')[1]}:${r.toString()}`);
    return out;
  });

async function openPopup() {
  // Without the "tabs" permission tabs cannot be told apart by URL: the article is the other tab.
  const popup = await browser.newPage();
  await popup.goto(`moz-extension://${UUID}/popup.html`, { waitUntil: [] });
  await poll(popup, () => document.readyState === 'complete');
  const tabId = await popup.evaluate(async () => {
    const self = await browser.tabs.getCurrent();
    const all = await browser.tabs.query({});
    return all.filter((t) => t.id !== self.id).at(-1).id;
  });
  await popup.goto(`moz-extension://${UUID}/popup.html?tabId=${tabId}`, { waitUntil: [] });
  return popup;
}

describe('Firefox', { skip: available ? false : `Firefox ESR (${FIREFOX}) or the Firefox build is missing` }, () => {
  before(async () => {
    const puppeteer = (await import('puppeteer-core')).default;
    server = await startServer();
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
      args: ['--remote-allow-system-access'],
    });
    await browser.installExtension(EXT);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
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

    const popup = await openPopup();
    await poll(popup, () => document.querySelectorAll('.claim-item').length > 0);
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

  it('says when a page is not an article', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/fixture/not-article.html`);
    await new Promise((r) => setTimeout(r, 1000));
    const popup = await openPopup();
    await poll(popup, () => document.querySelector('.empty-title')?.textContent.includes('does not look like a news article'));
    assert.deepEqual(await highlighted(page), []);
    await popup.close();
    await page.close();
  });
});
