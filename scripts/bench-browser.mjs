// What Claimlight costs a reader, measured in Chromium with the built extension: for each saved page in
// ../shared/pages/readability, a 5,800-word article and a non-article page, several runs each, it prints
//   ours      main-thread time of the extension's content script in the page (its script evaluation in the
//             trace, and the CPU profiler's samples inside its functions, which catch its later callbacks)
//   long      long tasks (> 50 ms) caused by the extension (not long without its work), / those with any of its work
//   shown     time from DOMContentLoaded to highlights shown (pages with matches), in these traced runs: the trace and
//             its CPU profiler slow the page, so for the long article it is also taken in as many runs untraced
//   readab.   Readability alone on the same page, in the page (what the extension would cost if it parsed there)
//   ratio     ours / Readability alone, a figure that holds on a noisy machine
// and after them: popup first render and when its claims were painted (with the worker running, and when the popup
// wakes it), the first hover card on each of --runs pages, and the extension's memory (the
// background's JS heap after a garbage collection, and the private memory of the extension's processes).
// Run: npm run build && npm run bench:browser [-- --runs 3] [-- --throttle 4] [-- --pages 20] [-- --only breitbart,non-article]
//   [-- --extension DIR] (another build than .output/chrome-mv3)
//   [-- --long-tasks] (what of ours each long task held: our innermost functions by sampled ms; with
//   CLAIMLIGHT_NO_MINIFY=1 npx wxt build, they keep their names) [-- --functions] (the same over all our time, per page)
import { createServer } from 'node:http';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { firstCardMs, highlightedTab, launch, noteHighlightsShown, popupTimes, SHARED, timingAnnounced } from '../test/e2e/harness.mjs';
import { attribute, TRACE_CATEGORIES } from './trace-attribution.mjs';
import { longArticle, seedPage } from './seed-pages.mjs';

const arg = (name, dflt, least = 1) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < least) {
    console.error(`--${name}: a whole number of at least ${least}, not ${process.argv[i + 1]}`);
    process.exit(2);
  }
  return n;
};
const RUNS = arg('runs', 3);
const THROTTLE = arg('throttle', 1);
const LIMIT = arg('pages', Infinity, 0);

const pagesDir = join(SHARED, 'pages', 'readability');
const pages = new Map();
pages.set('long-article', longArticle());
pages.set('seed-lab-discussed', seedPage('lab-discussed'));
pages.set('non-article', readFileSync('test/fixtures/pages/not-article.html', 'utf8'));
// --only a,b: just these pages (by name), for a closer look at one.
const ONLY = process.argv.includes('--only') ? new Set(process.argv[process.argv.indexOf('--only') + 1].split(',')) : null;
for (const slug of readdirSync(pagesDir).sort().slice(0, ONLY ? Infinity : LIMIT)) {
  const f = join(pagesDir, slug, 'source.html');
  if (existsSync(f)) pages.set(slug, readFileSync(f, 'utf8'));
}
const unknown = [...(ONLY ?? [])].filter((name) => !pages.has(name));
if (unknown.length) {
  console.error(`--only: no page named ${unknown.join(', ')} (names: long-article, seed-lab-discussed, non-article, or a folder of ${pagesDir})`);
  process.exit(2);
}
const readabilitySrc = readFileSync('node_modules/@mozilla/readability/Readability.js', 'utf8');

const server = createServer((req, res) => {
  const html = pages.get(decodeURIComponent(req.url.slice(1)));
  if (!html) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://localhost:${server.address().port}`;
// --extension DIR: another build than the one in .output (an older commit's, to compare on the same machine).
const EXTENSION_DIR = process.argv.includes('--extension') ? process.argv[process.argv.indexOf('--extension') + 1] : undefined;
const browser = await launch({ timing: true, ...(EXTENSION_DIR ? { extension: EXTENSION_DIR } : {}) });

/**
 * The content script's step measures (and its "done" mark) are on for the article pages, where the benchmark reads
 * them; a reader's pages never record them, so the non-article page, whose figure is all fixed cost, is measured as
 * a reader gets it.
 */
let timingOn = true;
async function setTiming(on) {
  if (on === timingOn) return;
  await browser.worker.evaluate((v) => chrome.storage.local.set({ 'claimlight:timing': v }), on);
  timingOn = on;
}

/**
 * Until the content script's pass is over: its "done" measure (`measured`, from timingAnnounced: the page is not
 * asked while it loads), or the background's report of a page no article.
 */
async function waitUntilDone(measured, url, since) {
  const deadline = Date.now() + 8000;
  while (Date.now() < deadline) {
    if (await measured(100)) return;
    const notArticle = await browser.worker.evaluate(async ([u, t]) => Object.values(await chrome.storage.session.get(null)).some((r) => r?.url === u && r.status === 'not-article' && r.at >= t), [url, since]);
    if (notArticle) return;
  }
}

async function measurePage(name) {
  const steps = name !== 'non-article';
  await setTiming(steps);
  const page = await browser.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await noteHighlightsShown(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  const measured = steps ? await timingAnnounced(page, 'claimlight:done') : null;
  const since = Date.now();
  // DOMContentLoaded, not load: some saved pages wait forever on resources this machine cannot reach.
  await page.goto(`${origin}/${encodeURIComponent(name)}`, { waitUntil: 'domcontentloaded', timeout: 15_000 }).catch(() => undefined);
  // Wait until the content script has finished: its paint measure, or the background's report of "no article/claims".
  // (A page that is no article records no measures, not knowing whether to: the background's report for it says
  // that it is done.)
  if (measured) await waitUntilDone(measured, `${origin}/${encodeURIComponent(name)}`, since);
  // And whatever follows the load event (a page that was no article at DOMContentLoaded gets one more look then).
  await page.waitForLoadState('load', { timeout: 5000 }).catch(() => undefined);
  await page.waitForTimeout(600);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const timing = await page.evaluate(() => ({
    dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0,
    shown: window.__shownAt ?? null,
    // A step made in slices (the serialisation) has one measure a slice: its time is their sum.
    steps: performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('claimlight:'))
      .reduce((sum, m) => ({ ...sum, [m.name.slice(11)]: (sum[m.name.slice(11)] ?? 0) + m.duration }), {}),
  }));
  const readability = await page.evaluate((src) => {
    const R = new Function(`${src}; return Readability;`)();
    const t0 = performance.now();
    new R(document.cloneNode(true)).parse();
    return performance.now() - t0;
  }, readabilitySrc);
  await cdp.detach();
  await page.close();
  const { ms, long, longWith, longTasks = [], functions = [] } = attribute(events);
  if (process.argv.includes('--long-tasks')) {
    for (const t of longTasks) {
      console.log(`  ${name}: a long task of ${t.ms.toFixed(1)} ms, ${t.ours.toFixed(1)} ms of it ours (at ${t.bursts.map(([s, d]) => `${s.toFixed(1)}+${d.toFixed(1)}`).join(', ')})`);
      for (const [fn, ms] of t.functions.slice(0, 8)) console.log(`      ${ms.toFixed(1).padStart(5)} ms  ${fn}`);
      console.log(`    in it: ${t.inside.map(([what, at, ms]) => `${what} ${at.toFixed(1)}+${ms.toFixed(1)}`).join(', ')}`);
    }
  }
  return { ms, long, longWith, shown: timing.shown ? timing.shown - timing.dcl : null, readability, steps: timing.steps, functions };
}

/** When the highlights showed after DOMContentLoaded, in a run with no trace taken (a reader's page is not traced). */
async function shownUntraced(name) {
  await setTiming(true);
  const page = await browser.context.newPage();
  await noteHighlightsShown(page);
  const measured = await timingAnnounced(page, 'claimlight:done');
  await page.goto(`${origin}/${encodeURIComponent(name)}`, { waitUntil: 'domcontentloaded', timeout: 15_000 });
  if (!(await measured(15_000))) throw new Error(`${name}: the content script did not finish within 15 s`);
  const shown = await page.evaluate(() => (window.__shownAt ? window.__shownAt - performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd : null));
  await page.close();
  return shown;
}

const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : null;
};
const sumOf = (...xs) => (xs.some((x) => x !== undefined) ? xs.reduce((a, x) => a + (x ?? 0), 0) : null);
const fmt = (x, d = 1) => (x === null ? '   -' : x.toFixed(d).padStart(6));

const measured = [...pages.keys()].filter((name) => !ONLY || ONLY.has(name));
console.log(`Claimlight in Chromium: ${measured.length} pages, ${RUNS} runs each${THROTTLE > 1 ? `, CPU throttled ${THROTTLE}x` : ''}`);
console.log(`${'page'.padEnd(38)}  ours ms  long/with  shown ms  readab. ms  ratio  (steps: gate/serialize/text/quotes/paint ms)`);
const rows = [];
for (const name of measured) {
  const runs = [];
  for (let r = 0; r < RUNS; r++) runs.push(await measurePage(name));
  const row = {
    name,
    ms: median(runs.map((x) => x.ms)),
    long: Math.max(...runs.map((x) => x.long)),
    longWith: Math.max(...runs.map((x) => x.longWith)),
    shown: median(runs.map((x) => x.shown)),
    readability: median(runs.map((x) => x.readability)),
    // text: the walk of the matched paragraphs, and of the whole page when they were not found there.
    steps: ['gate', 'serialize', 'text', 'anchor', 'paint'].map((s) => median(runs.map((x) => (s === 'text' ? sumOf(x.steps['anchor-index'], x.steps['anchor-index-page']) : (x.steps[s] ?? null))))),
  };
  row.ratio = row.readability > 0 ? row.ms / row.readability : null;
  rows.push(row);
  if (process.argv.includes('--functions')) {
    // Where our time went, averaged over the runs: each innermost function of ours by sampled ms.
    const by = new Map();
    for (const run of runs) for (const [fn, ms] of run.functions) by.set(fn, (by.get(fn) ?? 0) + ms / runs.length);
    for (const [fn, ms] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`      ${ms.toFixed(2).padStart(6)} ms  ${fn}`);
  }
  console.log(`${name.slice(0, 38).padEnd(38)} ${fmt(row.ms)}  ${`${row.long}/${row.longWith}`.padStart(9)}  ${fmt(row.shown, 0)}    ${fmt(row.readability)}   ${fmt(row.ratio, 2)}  (${row.steps.map((s) => (s === null ? '-' : s.toFixed(1))).join('/')})`);
}
const articles = rows.filter((r) => r.name !== 'non-article');
console.log('');
console.log(`medians over ${articles.length} article pages: ours ${fmt(median(articles.map((r) => r.ms)))} ms, Readability alone ${fmt(median(articles.map((r) => r.readability)))} ms, ratio ${fmt(median(articles.map((r) => r.ratio)), 2)}; long tasks caused by the extension: ${rows.reduce((a, r) => a + r.long, 0)} (with some of its work: ${rows.reduce((a, r) => a + r.longWith, 0)})`);
const long = rows.find((r) => r.name === 'long-article');
const non = rows.find((r) => r.name === 'non-article');
if (long) {
  const shown = [];
  for (let r = 0; r < RUNS; r++) shown.push(await shownUntraced('long-article'));
  console.log(`5,800-word article: ours ${fmt(long.ms)} ms, highlights ${fmt(median(shown), 0)} ms after DOMContentLoaded (median of ${RUNS} runs untraced; ${fmt(long.shown, 0).trim()} ms traced)`);
}
if (non) console.log(`non-article page: ours ${fmt(non.ms)} ms`);

// The popup (on the long article's tab) and the hover card.
await setTiming(true);
const { page, tabId } = await highlightedTab(browser, `${origin}/long-article`, "the popup's claims need a page with claims");
const popupFirst = [];
// When the claims list was painted, with the service worker running and with it stopped first (as Chrome stops it
// after 30 s without events: the popup opened on an article read for a minute wakes it).
const popupAnswer = { warm: [], cold: [] };
for (let r = 0; r < 2 * RUNS; r++) {
  const cold = r % 2 === 1;
  const { rendered, answer } = await popupTimes(browser, tabId, cold);
  if (!cold) popupFirst.push(rendered);
  popupAnswer[cold ? 'cold' : 'warm'].push(answer);
}
await page.close();
// The first card a page shows (its host, styles and fonts are made on first use), once per run, each on a page of
// its own.
const card = [];
for (let r = 0; r < RUNS; r++) {
  const tab = await browser.context.newPage();
  await tab.goto(`${origin}/long-article`, { waitUntil: 'domcontentloaded' });
  card.push(await firstCardMs(tab));
  await tab.close();
}
const heap = await backgroundHeap();
// Each extension process's own memory (private pages); RSS, which also counts the browser's shared libraries in
// every process that maps them, is printed beside it.
let privateMB = 0;
let rssMB = 0;
let processes = 0;
for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmd.includes('claimlight-profile-') || !cmd.includes('--extension-process')) continue;
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kB = (field) => Number(rollup.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))?.[1] ?? 0);
    privateMB += (kB('Private_Clean') + kB('Private_Dirty')) / 1024;
    rssMB += kB('Rss') / 1024;
    processes++;
  } catch {
    // gone
  }
}
console.log(`popup first render: ${fmt(median(popupFirst), 0)} ms (median of ${RUNS}); its claims painted ${fmt(median(popupAnswer.warm), 0)} ms, and ${fmt(median(popupAnswer.cold), 0)} ms when it woke the stopped worker; hover card render: ${fmt(median(card), 1)} ms (median of ${RUNS})`);
console.log(`extension's memory: background JS heap ${(heap / 1048576).toFixed(1)} MB after a garbage collection; ${processes} extension process${processes === 1 ? '' : 'es'} ${privateMB.toFixed(0)} MB private (${rssMB.toFixed(0)} MB RSS)`);
await browser.close();
server.close();

/** The background's JS heap in use, in bytes, after a full garbage collection (CDP on its service worker). */
async function backgroundHeap() {
  const cdp = await browser.context.browser().newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    if (!worker) throw new Error('no service worker of the extension');
    // A session on the worker, spoken to through the browser's (playwright-core gives no session on a worker).
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    let next = 0;
    const pending = new Map();
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const reply = JSON.parse(e.message);
      pending.get(reply.id)?.(reply);
    });
    const send = (method) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, (reply) => (reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve(reply.result)));
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(reject);
      });
    await send('HeapProfiler.collectGarbage');
    return (await send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach();
  }
}
