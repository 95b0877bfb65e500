// Installing a large subscribed pack in Chromium with the built extension: how long from "Subscribe" to
// installed, how long until its claims are live, the browser's peak memory while it runs, and whether an open
// page and the popup stay responsive meanwhile. Then, with the pack installed, the service worker stopped before
// each of --wakes runs (as the browser stops it after 30 s without events), a seed page wakes it: how long from the
// worker's start until its claims were loaded (the stored index), and until the page's highlights.
// Run: npm run build && npm run bench:install [-- N] [-- --wakes 5] [-- --extension DIR]
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION, launch, noteHighlightsShown, ROOT, startServer, stopServiceWorker } from '../test/e2e/harness.mjs';

/** Refuses a bad argument as the other benchmarks do: one line, exit code 2, before a browser is started. */
const refuse = (message) => {
  console.error(message);
  process.exit(2);
};
const N = Number(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 100_000);
const wakesAt = process.argv.indexOf('--wakes');
const WAKES = wakesAt >= 0 ? Number(process.argv[wakesAt + 1]) : 5;
if (!Number.isInteger(N) || N < 1) refuse(`claims: a whole number of at least 1, not ${process.argv[2]}`);
const extensionAt = process.argv.indexOf('--extension');
const extension = extensionAt >= 0 ? process.argv[extensionAt + 1] : EXTENSION;
if (!Number.isInteger(WAKES) || WAKES < 0) refuse(`--wakes: a whole number, not ${process.argv[wakesAt + 1]}`);
if (!extension) refuse('--extension: the folder of a built extension');
if (!existsSync(join(extension, 'manifest.json'))) refuse(`no built extension at ${extension} (npm run build, or --extension DIR)`);
const dir = mkdtempSync(join(tmpdir(), 'claimlight-bench-install-'));
const run = (...args) => execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
run('scripts/ts-run.mjs', 'scripts/make-synthetic-pack.ts', String(N), join(dir, 'pack.json'));
run('bin/claimlight.mjs', 'pack', 'keygen', '--out-dir', join(dir, 'keys'));
run('bin/claimlight.mjs', 'pack', 'sign', join(dir, 'pack.json'), '--key', join(dir, 'keys', 'private.key'));
const body = readFileSync(join(dir, 'pack.json'));
const sig = readFileSync(join(dir, 'pack.json.sig'));

const packServer = createServer((req, res) => {
  const h = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'If-None-Match, If-Modified-Since', 'content-type': 'application/json' };
  if (req.method === 'OPTIONS') return res.writeHead(204, h).end();
  if (req.url === '/pack.json') return res.writeHead(200, h).end(body);
  if (req.url === '/pack.json.sig') return res.writeHead(200, h).end(sig);
  res.writeHead(404, h).end();
});
await new Promise((r) => packServer.listen(0, '127.0.0.1', r));
const packUrl = `http://127.0.0.1:${packServer.address().port}/pack.json`;
const pages = await startServer();
const browser = await launch({ timing: true, extension });

// Resident memory of every Chromium process of this browser (the profile directory names them).
function browserRssMB() {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('claimlight-profile-')) continue;
      const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
      if (m) kb += Number(m[1]);
    } catch {
      // the process ended
    }
  }
  return kb / 1024;
}

const page = await browser.context.newPage();
await page.goto(`${pages.origin}/fixture/city-news.html`);
// The page measures its own responsiveness: the longest gap between 10 ms timer ticks.
await page.evaluate(() => {
  window.__gaps = [];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    window.__gaps.push(now - last);
    last = now;
  }, 10);
});
const options = await browser.context.newPage();
await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
await options.waitForSelector('#sub-url');
const baseline = browserRssMB();
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, browserRssMB())), 100);

await options.fill('#sub-url', packUrl);
await options.fill('#sub-key', readFileSync(join(dir, 'keys', 'public.key'), 'utf8').trim());
const t0 = Date.now();
await options.getByRole('button', { name: 'Subscribe' }).click();

// While it installs: open the popup and time its first render.
await new Promise((r) => setTimeout(r, 500));
const popup = await browser.context.newPage();
const p0 = Date.now();
await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
await popup.waitForSelector('.empty, .claim-item, .count');
const popupMs = Date.now() - p0;
await popup.close();

await options.waitForSelector('section[aria-labelledby="sub-h"] .outcome', { timeout: 600_000 });
const installMs = Date.now() - t0;
const outcome = await options.locator('section[aria-labelledby="sub-h"] .outcome').innerText();
clearInterval(sampler);
const gaps = await page.evaluate(() => window.__gaps);
await page.bringToFront();
const maxGap = Math.max(...gaps);

console.log(`install of a ${N.toLocaleString('en')}-claim subscribed pack in Chromium (${(body.length / 1e6).toFixed(1)} MB of JSON)`);
console.log(`  subscribe -> installed and live: ${installMs} ms (${outcome.replace(/\s+/g, ' ').trim()})`);
console.log(`  browser memory: ${baseline.toFixed(0)} MB before, ${peak.toFixed(0)} MB at the peak (all Chromium processes, RSS)`);
console.log(`  open page meanwhile: longest gap between 10 ms timer ticks ${maxGap.toFixed(0)} ms over ${gaps.length} ticks`);
console.log(`  popup opened during the install: first render in ${popupMs} ms`);

// Waking: the page's timeline has the worker's start and its claims' load (see bench-timeline.mjs).
const wakes = [];
for (let run = 0; run < WAKES; run++) {
  const tab = await browser.context.newPage();
  const cdp = await tab.context().newCDPSession(tab);
  await stopServiceWorker(cdp);
  await noteHighlightsShown(tab);
  await tab.goto(`${pages.origin}/seed/lab-discussed?run=${run}`, { waitUntil: 'domcontentloaded' });
  await tab.waitForFunction(() => performance.getEntriesByName('claimlight:done').length > 0, null, { timeout: 30_000 });
  const t = await tab.evaluate(() => {
    const step = (name) => performance.getEntriesByName(`claimlight:${name}`)[0];
    const start = step('worker-start');
    const claims = step('worker-claims');
    const dcl = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;
    return start && claims ? { script: start.duration, claims: claims.startTime + claims.duration - start.startTime, shown: window.__shownAt ? window.__shownAt - dcl : null } : null;
  });
  await cdp.detach();
  await tab.close();
  if (!t) throw new Error('the page did not wake the service worker (no worker-start in its timeline)');
  wakes.push(t);
  console.log(`  woken by a seed page (${run + 1}/${WAKES}): script run ${t.script.toFixed(0)} ms, claims loaded ${t.claims.toFixed(0)} ms after the worker's start; highlights ${t.shown === null ? '-' : `${t.shown.toFixed(0)} ms`} after DOMContentLoaded`);
}
if (wakes.length) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`  waking, median of ${wakes.length}: claims loaded ${median(wakes.map((w) => w.claims)).toFixed(0)} ms after the worker's start (script run ${median(wakes.map((w) => w.script)).toFixed(0)} ms of it)`);
}
await browser.close();
await pages.close();
packServer.close();
