// Compares two builds of the extension on one page: the extension's main-thread time in the page (as
// bench:browser counts it, scripts/trace-attribution.mjs), with both builds loaded in Chromiums of their own and the
// page opened in each in turn, in an order that changes every round (the second of two browsers at work reads slower).
// For changes smaller than the noise between separate runs of bench:browser. On a page with claims it also prints
// when the highlights showed (in the traced visits, with another browser at work: later than a reader sees them; for
// the time itself, npm run bench:timeline), and in all it counts the long tasks (over 50 ms) that hold work of ours.
// Run: node scripts/bench-ab.mjs DIR_A DIR_B [DIR_C ...] [--page non-article|long-article|<saved page>] [--runs 31] [--throttle 1]
//   e.g. build the old commit, copy .output/chrome-mv3 to /tmp/a; build the new one, copy it to /tmp/b. With more
//   than two builds, each is compared with the first. With --floor, one more: DIR_A with its content script replaced
//   by the least a script doing its job can cost (scripts/floor-gate.mjs: on an article, read, sent, anchored and
//   painted), which needs only DIR_A.
//   With --card, the first hover card instead (on the long article unless --page names another page with claims):
//   the time its showing took, as bench:browser measures it (the "claimlight:card" step). With --popup, when the
//   popup's claims were painted after it opened on that page's tab, as bench:browser measures it; with --cold too, the
//   service worker stopped before each opening.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { firstCardMs, highlightedTab, launch, noteHighlightsShown, popupTimes, SHARED } from '../test/e2e/harness.mjs';
import { longArticle } from './seed-pages.mjs';
import { attribute, TRACE_CATEGORIES } from './trace-attribution.mjs';
import { floorBuild } from './floor-gate.mjs';

const VALUED = new Set(['--page', '--runs', '--throttle']);
const dirs = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !VALUED.has(all[i - 1]));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const CARD = process.argv.includes('--card');
const POPUP = process.argv.includes('--popup');
const COLD = process.argv.includes('--cold');
const PAGE = arg('page', CARD || POPUP ? 'long-article' : 'non-article');
const whole = (name, dflt) => {
  const n = Number(arg(name, dflt));
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name}: a whole number of at least 1, not ${arg(name, dflt)}`);
    process.exit(2);
  }
  return n;
};
const RUNS = whole('runs', 31);
const THROTTLE = whole('throttle', 1);
const FLOOR = process.argv.includes('--floor');
// The floor's content script has no card, and answers none of the popup's messages.
if ((CARD || POPUP) && FLOOR) {
  console.error('--floor measures the content script alone: it cannot go with --card or --popup');
  process.exit(2);
}
if (CARD && POPUP) {
  console.error('--card and --popup: one at a time');
  process.exit(2);
}
if (FLOOR && dirs.length) dirs.push(floorBuild(dirs[0]));
const [dirA, dirB] = dirs;
if (!dirA || !dirB) {
  console.error('usage: node scripts/bench-ab.mjs DIR_A DIR_B [DIR_C ...] [--page NAME] [--runs N] [--throttle N] [--floor] [--card | --popup [--cold]]');
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
  // (Waited for through the browser's events: nothing asks the page while it loads, see timingAnnounced.)
  await page.waitForLoadState('load', { timeout: 5000 }).catch(() => undefined);
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

/** One visit for --card: the first card the page shows (its host, styles and fonts are made on first use). */
async function firstCard(browser, n) {
  const page = await browser.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(`${origin}/${n}`, { waitUntil: 'domcontentloaded', timeout: 15_000 });
  const ms = await firstCardMs(page);
  await cdp.detach();
  await page.close();
  return { ms, shown: null, long: 0, longWith: 0 };
}

/**
 * For --popup: the page opened once in each browser, its highlights waited for, and the tab's id; each visit then
 * opens the popup on it and takes when its claims were painted.
 */
async function popupTab(browser) {
  return (await highlightedTab(browser, `${origin}/${PAGE}`, "--popup: the popup's claims need a page with claims")).tabId;
}

const builds = [];
for (const dir of dirs) builds.push(await launch({ extension: dir, timing: CARD || POPUP }));
const popupTabs = POPUP ? await Promise.all(builds.map(popupTab)) : [];
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
    const v = POPUP ? { ms: (await popupTimes(builds[i], popupTabs[i], COLD)).answer, shown: null, long: 0, longWith: 0 } : await (CARD ? firstCard : visit)(builds[i], r);
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
const what = CARD ? 'first hover card on ' : POPUP ? `popup's claims painted${COLD ? ', waking the stopped worker,' : ''} on the tab of ` : '';
console.log(`${what}${PAGE}${THROTTLE > 1 ? ` at ${THROTTLE}x` : ''}, ${RUNS} rounds: ${lines.join('; ')}`);
if (shown.some((xs) => xs.length)) {
  const m = (xs) => (xs.length ? `${median(xs).toFixed(0)} ms (${xs.length} runs with highlights)` : 'none shown');
  console.log(`highlights after DOMContentLoaded (traced): ${shown.map((xs, i) => `${label(i)} ${m(xs)}`).join('; ')}`);
}
if (!CARD && !POPUP) console.log(`long tasks (over 50 ms) in all rounds, caused by us / with some of our work: ${long.map(([n, w], i) => `${label(i)} ${n} / ${w}`).join('; ')}`);
