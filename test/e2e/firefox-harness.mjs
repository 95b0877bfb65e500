// Firefox ESR for the e2e suites: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the
// Firefox build installed as a temporary add-on under a fixed internal UUID (so that its pages have known addresses).
// DUMPIO=1 passes Firefox's own output through (the extension's background errors among it), for debugging.
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect, createServer } from 'node:net';
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

/**
 * Firefox with the extension installed, and extra preferences (language, theme). With `marionette`, it also listens
 * for Marionette on a free port of its own (see `allowPrivateAndOpenWindow`).
 */
export async function launchFirefox(prefs = {}, { marionette: withMarionette = false } = {}) {
  const puppeteer = (await import('puppeteer-core')).default;
  const marionettePort = withMarionette ? await freePort() : undefined;
  const b = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      ...(marionettePort ? { 'marionette.port': marionettePort } : {}),
      ...prefs,
    },
    args: ['--remote-allow-system-access', ...(marionettePort ? ['--marionette'] : [])],
    dumpio: !!process.env.DUMPIO,
  });
  b.marionettePort = marionettePort;
  await b.installExtension(EXT);
  return b;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Runs `work` in a Marionette session on a Firefox started with `{ marionette: true }`, and returns the browser to
 * drive from then on. WebDriver BiDi cannot do what the callers need, and Firefox 140.12 ESR no longer runs BiDi
 * scripts in the browser's own scope; Firefox allows one WebDriver session at a time, so puppeteer's BiDi session
 * ends for the Marionette one and a new BiDi session follows it, on the same browser (pages opened before are there
 * still, under new handles: `pages()`).
 */
async function throughMarionette(b, work) {
  const endpoint = b.wsEndpoint();
  const profile = b.profile ?? b.process()?.spawnargs.at(b.process().spawnargs.indexOf('--profile') + 1);
  await b.disconnect();
  const m = await marionette(b.marionettePort);
  try {
    await work(m);
  } finally {
    await m.close();
  }
  const puppeteer = (await import('puppeteer-core')).default;
  const again = await puppeteer.connect({ browserWSEndpoint: endpoint, protocol: 'webDriverBiDi' });
  again.marionettePort = b.marionettePort;
  again.profile = profile;
  // The launch's own clean-up went with its session: the profile goes when the browser does.
  const close = again.close.bind(again);
  again.close = async () => {
    await close();
    if (profile?.startsWith(tmpdir())) await rm(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  return again;
}

/**
 * What a reader does in about:addons ("Run in Private Windows: Allow"), then a private window (Marionette's
 * Addon:Install and WebDriver:NewWindow); returns the browser to drive from then on.
 */
export const allowPrivateAndOpenWindow = (b) =>
  throughMarionette(b, async (m) => {
    await m.send('Addon:Install', { path: EXT, temporary: true, allowPrivateBrowsing: true });
    await m.send('WebDriver:NewWindow', { type: 'window', private: true });
  });

/**
 * Clicks the extension's toolbar button on the selected tab, as a reader does, through the browser's own code for
 * the button (Marionette in the browser's scope): Firefox then lets the extension into that tab (activeTab) and
 * opens the popup's panel. Returns the browser to drive from then on; the tests open the popup as a page of its own.
 */
export const clickAction = (b) =>
  throughMarionette(b, async (m) => {
    await m.send('Marionette:SetContext', { value: 'chrome' });
    await m.send('WebDriver:ExecuteScript', {
      script: `
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = ExtensionParent.GlobalManager.getExtension(arguments[0]);
        ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
      `,
      args: [GECKO_ID],
    });
  });

/**
 * A Marionette session. Its wire format: each message is its JSON's length, a colon, and the JSON; a command is
 * [0, id, name, parameters], its reply [1, id, error, result].
 */
async function marionette(port) {
  // Marionette starts with the browser but may not listen yet when puppeteer's launch returns: a few tries.
  let socket;
  for (let attempt = 0; ; attempt++) {
    socket = connect(port, '127.0.0.1');
    try {
      await once(socket, 'connect');
      break;
    } catch (e) {
      socket.destroy();
      if (attempt === 20) throw new Error(`Marionette did not answer on port ${port}: ${e.message}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  let buffer = Buffer.alloc(0);
  const waiting = new Map();
  let greeted;
  const greeting = new Promise((r) => (greeted = r));
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length) return;
      const message = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString());
      buffer = buffer.subarray(colon + 1 + length);
      if (!Array.isArray(message)) greeted(message);
      else waiting.get(message[1])?.(message);
    }
  });
  await greeting;
  let id = 0;
  const send = (name, parameters = {}) =>
    new Promise((resolve, reject) => {
      const mine = ++id;
      waiting.set(mine, ([, , error, result]) => {
        waiting.delete(mine);
        if (error) reject(new Error(`Marionette ${name}: ${error.error}: ${error.message}`));
        else resolve(result);
      });
      const json = JSON.stringify([0, mine, name, parameters]);
      socket.write(`${Buffer.byteLength(json)}:${json}`);
    });
  await send('WebDriver:NewSession', { capabilities: {} });
  return {
    send,
    async close() {
      await send('WebDriver:DeleteSession').catch(() => {});
      socket.destroy();
    },
  };
}

/**
 * Sizes a page's viewport. puppeteer sends a screen-orientation override with the size, a command Firefox 140.12 ESR
 * does not know: the size itself is set by the command beside it, so that refusal alone is let pass, and the size
 * checked.
 */
export async function setViewport(page, size) {
  try {
    await page.setViewport(size);
  } catch (e) {
    if (!/setScreenOrientationOverride/.test(e.message)) throw e;
  }
  await poll(page, (s) => innerWidth === s.width && innerHeight === s.height, size, 5_000);
}

export const anyHighlight = () => [...CSS.highlights.values()].some((h) => h.size > 0);
