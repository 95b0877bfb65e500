// Real page structures: on a third of the saved pages in ../shared/pages/readability, a pack whose claims are the
// pages' own sentences (the first, middle and last that could be claims) is subscribed to, and each page is opened as
// a reader would: every one of those sentences must be highlighted exactly, no more and no less of it. The whole set
// is `npm run bench:anchor`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot, startServer } from './harness.mjs';
import { startPackServer } from './pack-server.mjs';
import { anchorPack, look, subscribe } from './real-pages.mjs';

let server;
let publisher;
let browser;
const { pack, pages } = anchorPack(3);

before(async () => {
  server = await startServer();
  publisher = await startPackServer();
  browser = await launch();
  await subscribe(browser, publisher, pack);
});
after(async () => {
  await browser?.close();
  await server?.close();
  await publisher?.close();
});

describe('real saved pages', () => {
  it('are a fair sample: a dozen or more, with sentences from their beginnings, middles and ends', () => {
    assert.ok(Object.keys(pages).length >= 12, `only ${Object.keys(pages).length} pages`);
    assert.ok(pack.claims.length >= 30, `only ${pack.claims.length} sentences`);
  });

  it('highlight each sentence a claim was taken from, exactly', async () => {
    const page = await browser.context.newPage();
    const wrong = [];
    for (const [slug, sentences] of Object.entries(pages)) {
      for (const v of await look(browser, server.origin, page, slug, sentences)) {
        if (v.kind !== 'shown') wrong.push(`${slug}: ${v.kind}${v.detail ? ` (${v.detail})` : ''}: ${v.sentence}`);
      }
    }
    // What a reader of one of them sees: the highlighted sentence from the middle of a news article.
    const news = pages['nytimes-2'] ? 'nytimes-2' : Object.keys(pages)[0];
    await page.goto(`${server.origin}/readability/${news}`);
    await page.waitForFunction((t) => [...CSS.highlights.values()].some((h) => [...h].some((r) => r.toString().replace(/\s+/g, ' ').trim() === t)), pages[news][1] ?? pages[news][0]);
    await page.evaluate((t) => {
      for (const h of CSS.highlights.values()) for (const r of h) if (r.toString().replace(/\s+/g, ' ').trim() === t) r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    }, pages[news][1] ?? pages[news][0]);
    await screenshot(page, 'real-page');
    await page.close();
    assert.deepEqual(wrong, []);
  });
});
