// Where the long article's time to highlights goes, one run at a time: for each run, when each of the content
// script's steps began and how long it took (its User Timing measures, and the background's own read and match times
// from its answer, placed where they ran; with worker-start, the service worker's start and script, when this page
// woke it), in ms from DOMContentLoaded, with the load event and the highlights shown. Then the median time
// to highlights over the runs but the first (the service worker's first page is a cold start).
// Compare builds by running it on each in turn, alternating (one browser at a time), e.g.
//   node scripts/bench-timeline.mjs --extension /tmp/a --throttle 4; node scripts/bench-timeline.mjs --extension /tmp/b --throttle 4
// With --cold, the extension's service worker is stopped before each run, as the browser stops it after 30 s without
// events (a reader who spent a minute on the last article): the page then wakes it, and its code runs for the first time.
// With --delay MS, the server answers after that long, as a site over the network does (the worker is still woken only
// as the page commits, not while it waits).
// Run: npm run build && npm run bench:timeline [-- --runs 8] [-- --throttle 4] [-- --extension DIR] [-- --cold] [-- --delay MS]
//   [-- --seed SLUG] (a seed page instead of the long article)
import { createServer } from 'node:http';
import { EXTENSION, launch, noteHighlightsShown, stopServiceWorker, timingAnnounced } from '../test/e2e/harness.mjs';
import { longArticle, seedPage, seedSlugs } from './seed-pages.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const number = (name, dflt, least) => {
  const n = Number(arg(name, dflt));
  if (!Number.isFinite(n) || n < least) throw new Error(`--${name}: a number of at least ${least}, not ${arg(name, dflt)}`);
  return n;
};
const RUNS = number('runs', 8, 2);
const THROTTLE = number('throttle', 1, 1);
const extension = arg('extension', EXTENSION);
const COLD = process.argv.includes('--cold');

// --seed SLUG: one of the seed story's pages (../shared/seeds) instead of the long article.
const SEED = arg('seed', null);
if (SEED && !seedSlugs().includes(SEED)) throw new Error(`--seed: no seed page ${SEED} (${seedSlugs().join(', ')})`);
const html = SEED ? seedPage(SEED) : longArticle();
// --delay: the server answers after this many ms, as a real site's answer takes its time over the network.
const DELAY = number('delay', 0, 0);
const server = createServer((req, res) => setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html), DELAY));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://localhost:${server.address().port}`;
const browser = await launch({ timing: true, extension });
await browser.worker.evaluate((key) => chrome.storage.local.set({ [key]: true }), 'claimlight:timing');

console.log(`${SEED ? `the seed page ${SEED}` : 'the long article'}, ${RUNS} runs${THROTTLE > 1 ? `, CPU throttled ${THROTTLE}x` : ''}${COLD ? ', service worker stopped before each' : ''}, ${extension}; ms from DOMContentLoaded: step start+duration`);
const shown = [];
for (let run = 0; run < RUNS; run++) {
  const page = await browser.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  if (COLD) await stopServiceWorker(cdp);
  if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await noteHighlightsShown(page);
  // Told when the content script is done, not asked while the page loads (see timingAnnounced).
  const done = await timingAnnounced(page, 'claimlight:done');
  await page.goto(`${origin}/run-${run}`, { waitUntil: 'domcontentloaded' });
  if (!(await done(15_000))) throw new Error(`run ${run}: the content script did not finish within 15 s`);
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const dcl = nav.domContentLoadedEventEnd;
    const steps = performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('claimlight:') && m.name !== 'claimlight:done')
      .map((m) => `${m.name.slice(11)} ${Math.round(m.startTime - dcl)}+${m.duration.toFixed(1)}`);
    return { load: nav.loadEventEnd ? Math.round(nav.loadEventEnd - dcl) : null, shown: window.__shownAt ? Math.round(window.__shownAt - dcl) : null, steps };
  });
  if (run > 0 && t.shown !== null) shown.push(t.shown);
  console.log(`run ${run}: shown ${t.shown ?? '-'}, load ${t.load ?? '-'}; ${t.steps.join(', ')}`);
  await cdp.detach();
  await page.close();
}
shown.sort((a, b) => a - b);
console.log(`highlights after DOMContentLoaded, median of runs 1-${RUNS - 1}: ${shown.length ? shown[Math.floor(shown.length / 2)] : '-'} ms (${shown.join(', ')})`);
await browser.close();
server.close();
