// Firefox ESR for the e2e suites: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the
// Firefox build installed as a temporary add-on under a fixed internal UUID (so that its pages have known addresses).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXT = join(ROOT, '.output', 'firefox-mv2');
export const GECKO_ID = 'claimlight@claimlight.org';
export const UUID = '6f0ac2a8-1b7e-4d7c-9c1e-2f3a4b5c6d7e';
export const available = existsSync(FIREFOX) && existsSync(join(EXT, 'manifest.json'));
export const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
export const POPUP = `moz-extension://${UUID}/popup.html`;

/** Polls `fn` in the page until it returns something truthy. */
export async function poll(page, fn, arg, timeout = 15_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const v = await page.evaluate(fn, arg).catch(() => undefined);
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${fn}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The highlighted texts, each as "tone:text". */
export const highlighted = (page) =>
  page.evaluate(() => {
    const out = [];
    for (const [k, h] of CSS.highlights) if (!k.startsWith('claimlight-flash')) for (const r of h) out.push(`${k.split('-')[1]}:${r.toString()}`);
    return out;
  });

/** Firefox with the extension installed, and extra preferences (language, theme, private browsing). */
export async function launchFirefox(prefs = {}) {
  const puppeteer = (await import('puppeteer-core')).default;
  const b = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }), ...prefs },
    args: ['--remote-allow-system-access'],
  });
  await b.installExtension(EXT);
  return b;
}

/** Runs privileged script in the browser's own (chrome) scope: puppeteer offers no API to allow private windows. */
export async function inChrome(b, expression) {
  const { result } = await b.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const reply = await b.connection.send('script.evaluate', { expression, target: { context: result.contexts[0].context }, awaitPromise: true });
  if (reply.result.type !== 'success') throw new Error(`chrome-scope script failed: ${JSON.stringify(reply.result).slice(0, 300)}`);
  return reply.result.result.value;
}

export const anyHighlight = () => [...CSS.highlights.values()].some((h) => h.size > 0);
