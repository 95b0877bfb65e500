// Real page structures in Firefox (Debian's Firefox ESR, the Firefox build): on a third of the saved pages, a pack whose
// claims are the pages' own sentences is subscribed to on the options page, and each sentence must be highlighted
// exactly, as test/e2e/real-pages.test.mjs asks of Chromium. Skipped, with a note, where Firefox ESR is missing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './harness.mjs';
import { available, FIREFOX, launchFirefox, poll, UUID } from './firefox-harness.mjs';
import { startPackServer } from './pack-server.mjs';
import { anchorPack, lookFirefox, REFUSE_REMOTE, subscribeFirefox } from './real-pages.mjs';

describe('real saved pages in Firefox', { skip: available ? false : `Firefox ESR (${FIREFOX}) or the Firefox build is missing` }, () => {
  let server;
  let publisher;
  let browser;
  let pages;

  before(async () => {
    const made = anchorPack(3);
    pages = made.pages;
    server = await startServer();
    publisher = await startPackServer();
    browser = await launchFirefox(REFUSE_REMOTE);
    await subscribeFirefox(browser, publisher, made.pack, poll, UUID);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await publisher?.close();
  });

  it('highlight each sentence a claim was taken from, exactly', async () => {
    const page = await browser.newPage();
    const wrong = [];
    for (const [slug, sentences] of Object.entries(pages)) {
      for (const v of await lookFirefox(page, server.origin, slug, sentences, poll)) {
        if (v.kind !== 'shown') wrong.push(`${slug}: ${v.kind}${v.detail ? ` (${v.detail})` : ''}: ${v.sentence}`);
      }
    }
    await page.close();
    assert.ok(Object.keys(pages).length >= 12, `only ${Object.keys(pages).length} pages`);
    assert.deepEqual(wrong, []);
  });
});
