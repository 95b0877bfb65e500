// Shared by the end-to-end tests: a local page server, Debian's Chromium with the built extension loaded
// (playwright-core, no browser download), and ways to see what a reader sees.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { seedPage } from '../../scripts/seed-pages.mjs';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
export const SHOTS = join(ROOT, 'test-results', 'screenshots');
export const SHARED = resolve(process.env.CLAIMLIGHT_SHARED ?? join(ROOT, '..', 'shared'));
const FIXTURES = join(ROOT, 'test', 'fixtures', 'pages');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Serves /seed/<slug> (the seed story), /fixture/<name>.html (test/fixtures/pages), /readability/<slug>, and
 * /hostile/<name> when given those pages. Any of them with `?csp` comes with the strictest Content-Security-Policy.
 */
export async function startServer(hostile) {
  let pages;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let html;
    let m;
    if ((m = url.pathname.match(/^\/seed\/([\w-]+)$/))) html = seedPage(m[1]);
    else if ((m = url.pathname.match(/^\/fixture\/([\w-]+\.html)$/)) && existsSync(join(FIXTURES, m[1]))) html = readFileSync(join(FIXTURES, m[1]), 'utf8');
    else if ((m = url.pathname.match(/^\/hostile\/([\w-]+)$/)) && pages) html = pages[m[1]];
    else if ((m = url.pathname.match(/^\/readability\/([\w-]+)$/))) {
      const file = join(SHARED, 'pages', 'readability', m[1], 'source.html');
      if (existsSync(file)) html = readFileSync(file, 'utf8');
    }
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (url.searchParams.has('csp')) headers['content-security-policy'] = "default-src 'none'";
    res.writeHead(200, headers).end(html);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  const origin = `http://localhost:${port}`;
  if (hostile) pages = await hostile(origin);
  return { origin, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Chromium with the extension loaded, its service worker, and the extension id. `timing` turns on the content
 * script's User Timing measures ("claimlight:<step>", off for readers): for the benchmark and the walk checks.
 * `extension` loads another build than the one in .output (for comparing two builds).
 */
export async function launch({ lang, timing = false, extension = EXTENSION } = {}) {
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`no built extension at ${extension}: run npm run build first`);
  const profile = mkdtempSync(join(tmpdir(), 'claimlight-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions'],
    ...(lang && { locale: lang, env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` } }),
    args: [
      ...(lang ? [`--lang=${lang}`] : []),
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // CDP's Extensions domain, for `clickAction`.
      '--enable-unsafe-extension-debugging',
      // Only the test's own servers: a saved page's scripts and images from elsewhere fail at once instead of
      // waiting on a network this machine may not have (a page's DOMContentLoaded waits on its scripts).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (timing) await worker.evaluate(() => chrome.storage.local.set({ 'claimlight:timing': true }));
  const errors = [];
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, worker, extensionId, errors, close };
}

/**
 * The id of the tab a page is in. The extension has no "tabs" permission, so tabs cannot be told apart by URL:
 * the page is brought to the front and the active tab asked for.
 */
export async function tabIdOf(worker, page) {
  await page.bringToFront();
  const id = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  if (id === undefined) throw new Error('no active tab');
  return id;
}

/**
 * Clicks the extension's toolbar button on the page's tab, as a reader does (CDP's Extensions.triggerAction): the
 * browser then lets the extension into that tab (activeTab) and opens the popup. That popup is closed again here,
 * since the tests cannot drive it; they open the popup as a page of its own (popup.html?tabId=), which the grant
 * serves just as well.
 */
export async function clickAction(browser, page) {
  await page.bringToFront();
  const cdp = await browser.context.browser().newBrowserCDPSession();
  try {
    const { targetInfos: tabs } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = tabs.find((t) => t.url === page.url() && t.embedderData?.tabActive);
    if (!tab) throw new Error(`no active tab at ${page.url()}`);
    await cdp.send('Extensions.triggerAction', { id: browser.extensionId, targetId: tab.targetId });
    const popup = `chrome-extension://${browser.extensionId}/popup.html`;
    for (let i = 0; i < 50; i++) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const opened = targetInfos.find((t) => t.type === 'page' && t.url === popup);
      if (opened) return void (await cdp.send('Target.closeTarget', { targetId: opened.targetId }));
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the toolbar button opened no popup');
  } finally {
    await cdp.detach();
  }
}

export async function badgeOf(worker, tabId) {
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/**
 * The badge on a tab's toolbar button once it has one (or once it says `expected`): the background marks the button a
 * moment after the page's highlights (src/background/service.ts, `STORE_WAIT_MS`), as a reader would see it. Throws
 * after `timeout` ms, saying what the badge said.
 */
export async function markedBadge(worker, tabId, expected, timeout = 5_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const badge = await badgeOf(worker, tabId);
    if (expected === undefined ? badge !== '' : badge === expected) return badge;
    if (Date.now() > until) throw new Error(`the badge on tab ${tabId} said ${JSON.stringify(badge)} after ${timeout} ms${expected === undefined ? '' : `, not ${JSON.stringify(expected)}`}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The toolbar button's title on a tab, as its tooltip and a screen reader give it. */
export async function buttonTitleOf(worker, tabId) {
  return worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
}

/** Names of our highlights on the page and the text of each highlighted range, as the page's document holds them. */
export async function highlights(page) {
  return page.evaluate(() => {
    const out = {};
    for (const [name, h] of CSS.highlights) out[name.replace(/-[a-z0-9]+$/, '')] = [...h].map((r) => r.toString());
    return out;
  });
}

/**
 * For the benchmarks: from the page's next navigation, notes in the page's own world when highlights first appear
 * (`window.__shownAt`, performance.now()).
 */
export async function noteHighlightsShown(page) {
  await page.addInitScript(() => {
    const check = () => {
      for (const h of CSS.highlights.values()) if (h.size > 0) return void (window.__shownAt = performance.now());
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/**
 * For the benchmarks (a build launched with `timing`), called before the page's next navigation: a function that
 * waits up to `timeout` ms for the User Timing measure or mark `name` on that page (the content script's, or the
 * popup's), true once it was recorded. The page announces it (a PerformanceObserver calling a DevTools binding):
 * nothing asks the page while it loads. Playwright's `waitForFunction` and `evaluate` put Playwright's own script
 * into the page on first use (16 ms of its main thread here) and poll it every frame: asked that way right after
 * DOMContentLoaded, the long article's highlights came 60–80 ms later than without asking (`npm run bench:timeline`,
 * medians of 9 runs, twice).
 */
export async function timingAnnounced(page, name) {
  const cdp = await page.context().newCDPSession(page);
  const binding = `__claimlightBench_${Math.random().toString(36).slice(2)}`;
  let recorded = false;
  const waiting = new Set();
  cdp.on('Runtime.bindingCalled', (e) => {
    if (e.name !== binding) return;
    recorded = true;
    for (const wake of waiting) wake();
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: binding });
  await page.addInitScript(
    ([binding, name]) => {
      const announce = window[binding];
      new PerformanceObserver((list, observer) => {
        if (!list.getEntries().some((e) => e.name === name)) return;
        observer.disconnect();
        announce('');
      }).observe({ entryTypes: ['mark', 'measure'] });
    },
    [binding, name],
  );
  return (timeout) =>
    recorded
      ? Promise.resolve(true)
      : new Promise((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            resolve(true);
          };
          const timer = setTimeout(() => {
            waiting.delete(wake);
            resolve(false);
          }, timeout);
          waiting.add(wake);
        });
}

/** For the benchmarks: waits up to 10 s for any highlight on the page, or throws saying what needed one. */
async function untilHighlighted(page, need) {
  await page.waitForFunction(() => [...CSS.highlights.values()].some((h) => h.size > 0), null, { timeout: 10_000 }).catch(() => {
    throw new Error(`no highlights on ${page.url()} within 10 s: ${need}`);
  });
}

/**
 * For the benchmarks: opens `url` in a tab of its own, waits for its highlights (see `untilHighlighted`) and brings
 * it to the front, as a reader's tab is when they open the popup; returns the page and the tab's id.
 */
export async function highlightedTab(browser, url, need) {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 15_000 });
  await untilHighlighted(page, need);
  await page.bringToFront();
  const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  return { page, tabId };
}

/**
 * For the benchmarks (a build launched with `timing`): how long the first hover card on the page took to show, in ms
 * (its "claimlight:card" step), over its first highlight. The page settles after its highlights and after the scroll
 * to that one, so that the figure is the card's own.
 */
export async function firstCardMs(page) {
  await untilHighlighted(page, 'the first card needs a page with claims');
  await page.waitForTimeout(500);
  const at = await page.evaluate(() => {
    const [range] = [...CSS.highlights.values()].find((h) => h.size > 0);
    range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const box = range.getClientRects()[0];
    return { x: box.left + 5, y: box.top + box.height / 2 };
  });
  await page.waitForTimeout(200);
  // The page tells when the card's measure is recorded: polled, it would run a check every frame while the card shows.
  await page.evaluate(() => {
    window.__cardMs = new Promise((resolve) => {
      new PerformanceObserver((list, observer) => {
        const card = list.getEntries().find((e) => e.name === 'claimlight:card');
        if (!card) return;
        observer.disconnect();
        resolve(card.duration);
      }).observe({ type: 'measure' });
    });
  });
  await page.mouse.move(at.x, at.y);
  return page.evaluate(() => Promise.race([window.__cardMs, new Promise((resolve, reject) => setTimeout(() => reject(new Error('no hover card within 5 s')), 5_000))]));
}

/**
 * For the benchmarks (a build launched with `timing`): opens the popup on a tab, the service worker stopped first
 * with `cold` (as Chrome stops it after 30 s without events), and returns when the popup first showed something and
 * when its answer was painted (ms after it opened).
 */
export async function popupTimes(browser, tabId, cold = false) {
  const popup = await browser.context.newPage();
  try {
    if (cold) {
      const cdp = await popup.context().newCDPSession(popup);
      await stopServiceWorker(cdp);
      await cdp.detach();
    }
    // (Told by the popup when it has answered: asked, it would be polled while it renders, see timingAnnounced.)
    const answered = await timingAnnounced(popup, 'claimlight:popup-answer');
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`, { waitUntil: 'commit' });
    if (!(await answered(10_000))) throw new Error('the popup did not answer within 10 s');
    const [rendered, answer] = await popup.evaluate(() => ['rendered', 'answer'].map((m) => performance.getEntriesByName(`claimlight:popup-${m}`)[0].startTime));
    return { rendered, answer };
  } finally {
    await popup.close();
  }
}

/** Waits until the page has highlights (the content script answered), or throws. */
export async function waitForHighlights(page, timeout = 15_000) {
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('claimlight-asserts') || k.startsWith('claimlight-denies')) && [...CSS.highlights.values()].some((h) => h.size > 0), null, { timeout });
}

/** Viewport rectangle of the first line of a highlighted sentence containing `text`. */
export async function rectOfHighlight(page, text) {
  return page.evaluate((t) => {
    for (const [name, h] of CSS.highlights) {
      if (name.startsWith('claimlight-flash')) continue;
      for (const r of h) {
        if (r.toString().includes(t)) {
          r.startContainer.parentElement.scrollIntoView({ block: 'center' });
          const rect = r.getClientRects()[0];
          return { x: rect.left + Math.min(40, rect.width / 2), y: rect.top + rect.height / 2 };
        }
      }
    }
    return null;
  }, text);
}

/**
 * The text a screen reader would be given for the page, closed shadow roots included (the browser's accessibility
 * tree, through CDP): how the tests read the hover card, which the page itself cannot reach.
 */
export async function accessibleText(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && n.name?.value && (n.role?.value === 'StaticText' || n.role?.value === 'dialog' || n.role?.value === 'link'))
    .map((n) => `${n.role.value === 'StaticText' ? '' : `[${n.role.value}] `}${n.name.value}`);
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Clicks an element a person sees by its accessible role and name, wherever it is (closed shadow roots included):
 * found through the accessibility tree, clicked at the middle of its box.
 */
export async function clickAccessible(page, role, name) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const node = nodes.find((n) => !n.ignored && n.role?.value === role && (typeof name === 'string' ? n.name?.value === name : name.test(n.name?.value ?? '')));
    if (!node?.backendDOMNodeId) throw new Error(`no ${role} named ${name}`);
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId });
    const q = model.content;
    await page.mouse.click((q[0] + q[4]) / 2, (q[1] + q[5]) / 2);
  } finally {
    await cdp.detach();
  }
}

/** The viewport box of the first node of a role in the accessibility tree (closed shadow roots included), or null. */
export async function accessibleBox(page, role) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const node = nodes.find((n) => !n.ignored && n.role?.value === role && n.backendDOMNodeId);
    if (!node) return null;
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId });
    const q = model.border;
    return { left: q[0], top: q[1], right: q[4], bottom: q[5] };
  } finally {
    await cdp.detach();
  }
}

/** Whether the accessibility tree has a focused node of this role. */
export async function focusedRole(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    // The document itself counts as focused when the page has focus: the focused node is the innermost one.
    return nodes.filter((n) => n.properties?.some((p) => p.name === 'focused' && p.value?.value === true)).at(-1)?.role?.value;
  } finally {
    await cdp.detach();
  }
}

/** Stops the extension's service worker (every worker of the browser: there is only ours) and waits until it has. */
export async function stopServiceWorker(cdp) {
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise((resolve) => {
    const seen = (e) => {
      if (e.versions.some((v) => v.runningStatus === 'stopped') && !e.versions.some((v) => v.runningStatus !== 'stopped')) {
        cdp.off('ServiceWorker.workerVersionUpdated', seen);
        resolve();
      }
    };
    cdp.on('ServiceWorker.workerVersionUpdated', seen);
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([stopped, new Promise((r) => setTimeout(r, 2_000))]);
  await cdp.send('ServiceWorker.disable');
}
