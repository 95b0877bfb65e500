// Installing a large subscribed pack in Chromium with the built extension: how long from "Subscribe" to
// installed, how long until its claims are live, the browser's peak memory while it runs, and whether an open
// page and the popup stay responsive meanwhile. Run: npm run build && npm run bench:install [-- N]
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, ROOT, startServer } from '../test/e2e/harness.mjs';

const N = Number(process.argv[2] ?? 100_000);
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
const browser = await launch();

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
await browser.close();
await pages.close();
packServer.close();
