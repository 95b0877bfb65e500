// The reading loop on the real saved pages in ../shared/pages/readability, with claims made of their own sentences
// (scripts/anchor-pack.ts): for test/e2e/real-pages.test.mjs and `npm run bench:anchor`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { badgeOf, highlights, ROOT, SHARED, tabIdOf } from './harness.mjs';

/** The pack of the pages' sentences and, per page, the sentences its claims are (every `every`th page of the list). */
export function anchorPack(every = 1) {
  const dir = mkdtempSync(join(tmpdir(), 'claimlight-anchor-'));
  try {
    const file = join(dir, 'anchor.json');
    const note = execFileSync(process.execPath, [join(ROOT, 'scripts', 'ts-run.mjs'), join(ROOT, 'scripts', 'anchor-pack.ts'), file, '--every', String(every)], {
      cwd: ROOT,
      env: { ...process.env, CLAIMLIGHT_SHARED: SHARED },
      encoding: 'utf8',
    });
    return { ...JSON.parse(readFileSync(file, 'utf8')), note: note.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Subscribes the browser's extension to `pack`, published by `publisher` (test/e2e/pack-server.mjs), on its options page. */
export async function subscribe(browser, publisher, pack) {
  publisher.publish(pack);
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.fill('#sub-url', publisher.url);
  await options.fill('#sub-key', publisher.publicKey);
  await options.getByRole('button', { name: 'Subscribe' }).click();
  await options.waitForSelector('.outcome.ok, .outcome.bad', { timeout: 30_000 });
  const outcome = await options.locator('.outcome').first().innerText();
  await options.close();
  if (!outcome.includes('Installed')) throw new Error(`subscribing failed: ${outcome}`);
}

/**
 * Opens a saved page in `page` and says, for each of its sentences, what the reader sees of it: `shown` (highlighted
 * exactly, whitespace aside), `other` (not, but a highlight begins or ends as it does: a range cut short or run on),
 * `found` (not, while the toolbar button counts claims on the page), `missed` (not, and no count: the page not read as
 * an article, or nothing matched).
 */
export async function look(browser, origin, page, slug, sentences) {
  await page.goto(`${origin}/readability/${slug}`, { waitUntil: 'domcontentloaded' });
  const tabId = await tabIdOf(browser.worker, page);
  // The button is marked a moment after the highlights; a page not read as an article never gets a count.
  const until = Date.now() + 8_000;
  let badge = '';
  while (Date.now() < until && !(badge = await badgeOf(browser.worker, tabId))) await page.waitForTimeout(100);
  const painted = Object.values(await highlights(page))
    .flat()
    .map((t) => t.replace(/\s+/g, ' ').trim());
  return verdicts(sentences, painted, badge);
}

/** What the reader sees of each sentence, given the painted ranges' texts and the button's count (if it was read). */
function verdicts(sentences, painted, badge) {
  return sentences.map((sentence) => {
    if (painted.includes(sentence)) return { sentence, kind: 'shown' };
    const near = painted.find((t) => t.startsWith(sentence.slice(0, 30)) || t.endsWith(sentence.slice(-30)));
    if (near) return { sentence, kind: 'other', detail: `painted: ${near.slice(0, 200)}` };
    if (badge) return { sentence, kind: 'found', detail: `badge ${badge}` };
    return { sentence, kind: 'missed' };
  });
}

/**
 * Firefox preferences for the saved pages: Firefox has no resolver rules like those Chromium's harness sets, and a
 * proxy that refuses every connection but the test's own servers' makes a saved page's remote scripts and images fail
 * at once instead of holding its load (the whole set: 51 s with it, 426 s without).
 */
export const REFUSE_REMOTE = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
};

/** The same subscription in Firefox (test/e2e/firefox-harness.mjs), through the options page's form. */
export async function subscribeFirefox(browser, publisher, pack, poll, uuid) {
  publisher.publish(pack);
  const options = await browser.newPage();
  await options.goto(`moz-extension://${uuid}/options.html`, { waitUntil: [] });
  await poll(options, () => !!document.querySelector('#sub-url'));
  await options.type('#sub-url', publisher.url);
  await options.type('#sub-key', publisher.publicKey);
  await options.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Subscribe').click());
  const outcome = await poll(options, () => document.querySelector('.outcome.ok, .outcome.bad')?.textContent, undefined, 30_000);
  await options.close();
  if (!outcome.includes('Installed')) throw new Error(`subscribing failed: ${outcome}`);
}

/** `look` in Firefox, where the toolbar button's count is not read: a sentence is `shown`, `other` or `missed`. */
export async function lookFirefox(page, origin, slug, sentences, poll) {
  // (Saved pages that move themselves on, by script or refresh, end the driver's wait for the load: it is not needed.)
  await page.goto(`${origin}/readability/${slug}`, { waitUntil: [] }).catch(() => {});
  await poll(page, () => document.readyState !== 'loading');
  const paintedNow = () =>
    page.evaluate(() => [...CSS.highlights].filter(([k]) => !k.startsWith('claimlight-flash')).flatMap(([, h]) => [...h].map((r) => r.toString().replace(/\s+/g, ' ').trim())));
  const until = Date.now() + 8_000;
  let painted = await paintedNow();
  while (Date.now() < until && !sentences.every((s) => painted.includes(s))) {
    await new Promise((r) => setTimeout(r, 150));
    painted = await paintedNow();
  }
  return verdicts(sentences, painted, undefined);
}
