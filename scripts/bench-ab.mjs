// Compares two builds of the extension on one page: the extension's main-thread time in the page (as
// bench:browser counts it, scripts/trace-attribution.mjs), with both builds loaded in Chromiums of their own and the
// page opened in each in turn, in an order that changes every round (the second of two browsers at work reads slower).
// For changes smaller than the noise between separate runs of bench:browser. On a page with claims it also prints
// when the highlights showed, and in all it counts the long tasks (over 50 ms) that hold work of ours.
// Run: node scripts/bench-ab.mjs DIR_A DIR_B [DIR_C ...] [--page non-article|long-article|<saved page>] [--runs 31] [--throttle 1]
//   e.g. build the old commit, copy .output/chrome-mv3 to /tmp/a; build the new one, copy it to /tmp/b. With more
//   than two builds, each is compared with the first. With --floor, one more: DIR_A with its content script replaced
//   by the least a script doing the gate's job can cost (scripts/floor-gate.mjs), which needs only DIR_A.
//   With --card, the first hover card instead (on the long article unless --page names another page with claims):
//   the time its showing took, as bench:browser measures it (the "claimlight:card" step).
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch, noteHighlightsShown, SHARED } from '../test/e2e/harness.mjs';
import { longArticle } from './seed-pages.mjs';
import { attribute, TRACE_CATEGORIES } from './trace-attribution.mjs';
import { floorBuild } from './floor-gate.mjs';

const VALUED = new Set(['--page', '--runs', '--throttle']);
const dirs = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !VALUED.has(all[i - 1]));
if (process.argv.includes('--floor') && dirs.length) dirs.push(floorBuild(dirs[0]));
const [dirA, dirB] = dirs;
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const CARD = process.argv.includes('--card');
const PAGE = arg('page', CARD ? 'long-article' : 'non-article');
const RUNS = Number(arg('runs', 31));
const THROTTLE = Number(arg('throttle', 1));
if (!dirA || !dirB) {
  console.error('usage: node scripts/bench-ab.mjs DIR_A DIR_B [DIR_C ...] [--page NAME] [--runs N] [--throttle N] [--floor] [--card]');
  process.exit(2);
}
const saved = join(SHARED, 'pages', 'readability', PAGE, 'source.html');
const html = PAGE === 'non-article' ? readFileSync('test/fixtures/pages/not-article.html', 'utf8') : PAGE === 'long-article' ? longArticle() : existsSync(saved) ? readFileSync(saved, 'utf8') : null;
if (html === null) {
  console.error(`--page: no page named ${PAGE} (non-article, long-article, or a folder of ${join(SHARED, 'pages', 'readability')})`);
  process.exit(2);
}

const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://localhost:${server.address().port}`;

/**
 * One visit: our main-thread time in the page, when highlights first showed after DOMContentLoaded (both in ms), and
 * how many of the page's long tasks held work of ours.
 */
async function visit(browser, n) {
  const page = await browser.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await noteHighlightsShown(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  // DOMContentLoaded, then the load event if it comes: some saved pages wait forever on resources this machine
  // cannot reach.
  await page.goto(`${origin}/${n}`, { waitUntil: 'domcontentloaded', timeout: 15_000 });
  await page.waitForFunction(() => document.readyState === 'complete', null, { timeout: 5000 }).catch(() => undefined);
  // Long enough for a page that is no article to be looked at again after load, and for an article's highlights.
  await page.waitForTimeout(PAGE === 'non-article' ? 900 : 2500 * Math.max(1, THROTTLE / 2));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const shown = await page.evaluate(() => (window.__shownAt ? window.__shownAt - performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd : null));
  await cdp.detach();
  await page.close();
  const { ms, long, longWith } = attribute(events);
  return { ms, shown, long, longWith };
}

/**
 * One visit for --card: the first card the page shows, over its first highlight, in ms (its host, styles and fonts
 * are made on first use; later cards take a few ms).
 */
async function firstCard(browser, n) {
  const page = await browser.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(`${origin}/${n}`, { waitUntil: 'domcontentloaded', timeout: 15_000 });
  await page.waitForFunction(() => [...CSS.highlights.values()].some((h) => h.size > 0), null, { timeout: 10_000 });
  await page.waitForTimeout(500);
  const at = await page.evaluate(() => {
    const [range] = [...CSS.highlights.values()].find((h) => h.size > 0);
    range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const box = range.getClientRects()[0];
    return { x: box.left + 5, y: box.top + box.height / 2 };
  });
  await page.waitForTimeout(200);
  await page.mouse.move(at.x, at.y);
  await page.waitForFunction(() => performance.getEntriesByName('claimlight:card').length > 0, null, { timeout: 5_000 });
  const ms = await page.evaluate(() => performance.getEntriesByName('claimlight:card')[0].duration);
  await cdp.detach();
  await page.close();
  return { ms, shown: null, long: 0, longWith: 0 };
}

const builds = [];
for (const dir of dirs) builds.push(await launch({ extension: dir, timing: CARD }));
const times = dirs.map(() => []);
const shown = dirs.map(() => []);
const long = dirs.map(() => [0, 0]);
for (let r = 0; r < RUNS; r++) {
  // Each round in another order (the second of two browsers at work reads slower): rotated, and every other cycle of
  // rotations reversed, so that each build comes in each place equally often. (Reversed every other round, as it
  // was until 2026-11-27, the rotation and the reversal cancelled for two builds: A came first in every round.)
  const order = dirs.map((_, i) => (i + r) % dirs.length);
  if (Math.floor(r / dirs.length) % 2 === 1) order.reverse();
  for (const i of order) {
    const v = await (CARD ? firstCard : visit)(builds[i], r);
    times[i].push(v.ms);
    long[i][0] += v.long;
    long[i][1] += v.longWith;
    if (v.shown !== null) shown[i].push(v.shown);
  }
}
await Promise.all(builds.map((b) => b.close()));
server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const label = (i) => String.fromCharCode(65 + i);
const lines = dirs.map((dir, i) => {
  const wins = i === 0 ? '' : `; below A in ${times[i].filter((t, k) => t < times[0][k]).length} of ${RUNS} rounds`;
  return `${label(i)} ${dir} median ${median(times[i]).toFixed(2)} ms (mean ${mean(times[i]).toFixed(2)})${wins}`;
});
console.log(`${CARD ? 'first hover card on ' : ''}${PAGE}${THROTTLE > 1 ? ` at ${THROTTLE}x` : ''}, ${RUNS} rounds: ${lines.join('; ')}`);
if (shown.some((xs) => xs.length)) {
  const m = (xs) => (xs.length ? `${median(xs).toFixed(0)} ms (${xs.length} runs with highlights)` : 'none shown');
  console.log(`highlights after DOMContentLoaded: ${shown.map((xs, i) => `${label(i)} ${m(xs)}`).join('; ')}`);
}
if (!CARD) console.log(`long tasks (over 50 ms) in all rounds, caused by us / with some of our work: ${long.map(([n, w], i) => `${label(i)} ${n} / ${w}`).join('; ')}`);
