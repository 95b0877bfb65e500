// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReaderStage, Session, StageEnv } from '../../src/content/controller';
import { firstLook, SPA_SETTLE_MS, watchAddress, type Extension } from '../../src/content/first-look';
import { PAGE_PART_CHARS, type CStoBG, type LookState, type MatchReply } from '../../src/messaging/contract';
import { pageHtml } from '../../src/content/page-html';
import { pageSettings } from '../../src/content/page-settings';
import { articleStage } from '../../src/content/article-stage';
import { SETTINGS_KEY } from '../../src/settings';

const ARTICLE = `<article><h1>Meta and open models</h1>${Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i}: top members of the new lab reportedly discussed moving away from the company's open model, and a spokesperson said the position on open source remains unchanged for now.</p>`,
).join('')}</article>`;
const NOT_ARTICLE = '<h1>Search flights</h1><form><label>From</label><input><label>To</label><input><button>Search</button></form>';

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

/**
 * A fake of the extension's API that records every touch, a background that answers with `reply`, and the reader
 * stage, which records what it was given to show and the highlight settings its session was asked to repaint with.
 */
function fakeExtension(stored: Record<string, unknown> = {}, reply: MatchReply = { status: 'no-claims', matches: [] }) {
  const sent: CStoBG[] = [];
  const touches: string[] = [];
  const shown: Array<{ env: StageEnv; reply: MatchReply }> = [];
  const repainted: string[] = [];
  const listeners = new Set<Listener>();
  const api: Extension & { runtime: { id?: string } } = {
    runtime: {
      id: 'claimlight-test',
      sendMessage: async (msg) => {
        sent.push(msg);
        if (msg.type !== 'cs/page') return null;
        // As the background does: a page from a site switched off is dropped unread.
        return pageSettings(stored, location.hostname).off ? { status: 'site-off', matches: [] } : reply;
      },
      getURL: (path) => `chrome-extension://claimlight-test${path}`,
    },
    storage: {
      local: { get: async (keys) => Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]])) },
      onChanged: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
    },
  };
  /** The stages loaded: the article stage (`articles`), the reader stage (`loaded`). */
  const articles: string[] = [];
  const loaded: string[] = [];
  /** What the look noted for the background to ask (`PAGE_LOOK_KEY`), in order. */
  const looks: LookState[] = [];
  const stage: ReaderStage = async (env, r) => {
    shown.push({ env, reply: r });
    return { setHighlight: (mode: string) => void repainted.push(mode) } as unknown as Session;
  };
  const env = {
    window: window as unknown as Window & typeof globalThis,
    document,
    extension: () => {
      touches.push('extension');
      return api;
    },
    loadArticle: async (runtime: Extension['runtime']) => {
      articles.push(runtime.getURL('/article.js'));
      return articleStage;
    },
    loadReader: async (runtime: Extension['runtime']) => {
      loaded.push(runtime.getURL('/reader.js'));
      return stage;
    },
    note: (look: LookState) => void looks.push(look),
  };
  /** The reader changes the settings on the options page. */
  const change = (settings: unknown) => {
    stored[SETTINGS_KEY] = settings;
    for (const l of listeners) l({ [SETTINGS_KEY]: { newValue: settings } }, 'local');
  };
  return { env, api, sent, touches, shown, repainted, articles, loaded, looks, listeners, change };
}

/** A reply with one claim found (its content is the reader stage's business, faked here). */
const WITH_CLAIMS = { status: 'claims', matches: [{ sentence: 1 }], quotes: { 1: { exact: 'x' } } } as unknown as MatchReply;

const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms));

/** An article read and its claims shown (fake timers), then the single-page site moves to `path`, showing `html`. */
async function showThenMove(path: string, html?: string) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  document.body.innerHTML = ARTICLE;
  const fake = fakeExtension({}, WITH_CLAIMS);
  const stop = firstLook(fake.env);
  await vi.advanceTimersByTimeAsync(50);
  await vi.waitFor(() => expect(fake.shown).toHaveLength(1));
  history.pushState(null, '', path);
  if (html !== undefined) document.body.innerHTML = html;
  return { fake, stop };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('the first stage (every page)', () => {
  it('notes a page that is no article for the background to ask, touching the extension not at all', async () => {
    document.body.innerHTML = NOT_ARTICLE;
    const fake = fakeExtension();
    const stop = firstLook(fake.env);
    await settle();
    stop();
    expect(fake.looks).toEqual(['looking', 'not-article']);
    expect(fake.touches).toEqual([]);
    expect(fake.sent).toEqual([]);
    expect(fake.articles).toEqual([]);
    expect(fake.loaded).toEqual([]);
  });

  it('looks again after the load event at a page that was no article at DOMContentLoaded and has grown since', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    document.body.innerHTML = NOT_ARTICLE;
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    try {
      const fake = fakeExtension();
      const stop = firstLook(fake.env);
      await vi.advanceTimersByTimeAsync(50);
      // Meanwhile the popup may ask: no article, for now.
      await vi.waitFor(() => expect(fake.looks).toEqual(['looking', 'not-article']));
      // The page's scripts render the article, then the load event comes.
      document.body.innerHTML = ARTICLE;
      Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
      window.dispatchEvent(new Event('load'));
      await vi.advanceTimersByTimeAsync(400);
      await vi.waitFor(() => expect(fake.sent.map((m) => m.type)).toEqual(['cs/page']));
      expect(fake.looks).toEqual(['looking', 'not-article', 'looking', 'article']);
      stop();
    } finally {
      delete (document as { readyState?: unknown }).readyState;
    }
  });

  it('notes a read that failed (the background did not answer), so that the popup can say to reload', async () => {
    document.body.innerHTML = ARTICLE;
    const fake = fakeExtension();
    fake.api.runtime.sendMessage = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stop = firstLook(fake.env);
    await vi.waitFor(() => expect(fake.looks).toEqual(['looking', 'article', 'failed']));
    expect(warn).toHaveBeenCalledWith('Claimlight could not read this page:', expect.any(Error));
    warn.mockRestore();
    stop();
  });

  it('loads the article stage and sends an article to the background, and loads no reader stage where no claims were found', async () => {
    document.body.innerHTML = ARTICLE;
    const fake = fakeExtension();
    const stop = firstLook(fake.env);
    await settle();
    stop();
    expect(fake.articles).toEqual(['chrome-extension://claimlight-test/article.js']);
    expect(fake.sent).toHaveLength(1);
    const page = fake.sent[0]!;
    expect(page.type).toBe('cs/page');
    expect(page.type === 'cs/page' && page.html).toContain('top members of the new lab');
    expect(fake.loaded).toEqual([]);
  });

  it('sends a page larger than one message in parts that make up the whole page', async () => {
    document.body.innerHTML = ARTICLE + `<ul>${Array.from({ length: 6000 }, (_, i) => `<li>Related story number ${i}</li>`).join('')}</ul>`;
    const whole = pageHtml(document);
    expect(whole.length).toBeGreaterThan(2 * PAGE_PART_CHARS);
    const fake = fakeExtension();
    const stop = firstLook(fake.env);
    await vi.waitFor(() => expect(fake.sent.at(-1)?.type).toBe('cs/page'));
    stop();
    const parts = fake.sent.slice(0, -1);
    const last = fake.sent.at(-1)!;
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.every((m) => m.type === 'cs/page-part' && m.part.length <= PAGE_PART_CHARS && m.read === (last.type === 'cs/page' && last.read))).toBe(true);
    expect(last.type === 'cs/page' && last.parts).toBe(parts.length + 1);
    expect([...parts.map((m) => (m.type === 'cs/page-part' ? m.part : '')), last.type === 'cs/page' ? last.html : ''].join('')).toBe(whole);
  });

  it('loads the reader stage where claims were found and hands it the answer and the settings', async () => {
    document.body.innerHTML = ARTICLE;
    const fake = fakeExtension({ [SETTINGS_KEY]: { highlight: 'contested' } }, WITH_CLAIMS);
    const stop = firstLook(fake.env);
    await settle();
    expect(fake.loaded).toEqual(['chrome-extension://claimlight-test/reader.js']);
    expect(fake.shown).toHaveLength(1);
    const [{ env, reply }] = fake.shown as [(typeof fake.shown)[0]];
    expect(reply).toBe(WITH_CLAIMS);
    expect(env.highlight).toBe('contested');
    expect(env.signal.aborted).toBe(false);
    // A change of the highlight setting repaints; stopping ends the session.
    fake.change({ highlight: 'none' });
    expect(fake.repainted).toEqual(['none']);
    stop();
    expect(env.signal.aborted).toBe(true);
    expect(fake.listeners.size).toBe(0);
  });

  it('ends what it showed and says so when the reader switches the site off, and reads the page once it is switched on', async () => {
    document.body.innerHTML = ARTICLE;
    const fake = fakeExtension({}, WITH_CLAIMS);
    const stop = firstLook(fake.env);
    await settle();
    const first = fake.shown[0]!.env;
    fake.change({ disabledSites: [location.hostname] });
    expect(first.signal.aborted).toBe(true);
    await settle();
    expect(fake.sent.map((m) => m.type)).toEqual(['cs/page', 'cs/site-off']);
    fake.change({ disabledSites: [] });
    await settle();
    stop();
    expect(fake.sent.map((m) => m.type)).toEqual(['cs/page', 'cs/site-off', 'cs/page']);
    expect(fake.shown).toHaveLength(2);
  });

  it('shows nothing on a site the reader switched off, whose page the background drops, and reads it once switched on', async () => {
    document.body.innerHTML = ARTICLE;
    const fake = fakeExtension({ [SETTINGS_KEY]: { disabledSites: [location.hostname] } }, { status: 'claims', matches: [], quotes: {} });
    // As while a page loads: the browser answers the settings only after the page has gone.
    const { get } = fake.api.storage.local;
    fake.api.storage.local.get = async (keys) => {
      await vi.waitFor(() => expect(fake.sent.some((m) => m.type === 'cs/page')).toBe(true), { interval: 1 });
      return get(keys);
    };
    const stop = firstLook(fake.env);
    await settle();
    // The page went before its settings came (as while a page loads, when the browser holds back their answer).
    expect(fake.sent.map((m) => m.type)).toEqual(['cs/page']);
    expect(fake.loaded).toEqual([]);
    // Another setting changing reads nothing; the site switched on does.
    fake.change({ disabledSites: [location.hostname], highlight: 'contested' });
    await settle();
    expect(fake.sent.map((m) => m.type)).toEqual(['cs/page']);
    fake.change({ disabledSites: [] });
    await settle();
    stop();
    expect(fake.sent.map((m) => m.type)).toEqual(['cs/page', 'cs/page']);
  });

  it('does not send the page of a site switched off when the settings come before the page is ready to go', async () => {
    // A long page, serialised in slices (the clock runs fast here), between which the settings come.
    document.body.innerHTML = ARTICLE.repeat(80);
    let clock = 0;
    vi.spyOn(window.performance, 'now').mockImplementation(() => (clock += 5));
    const fake = fakeExtension({ [SETTINGS_KEY]: { disabledSites: [location.hostname] } });
    const stop = firstLook(fake.env);
    await settle();
    stop();
    expect(fake.sent.map((m) => m.type)).toEqual(['cs/site-off']);
  });

  it('stops, sending nothing, once the extension is gone (updated or removed)', async () => {
    document.body.innerHTML = ARTICLE;
    const fake = fakeExtension();
    delete fake.api.runtime.id;
    firstLook(fake.env);
    await settle();
    expect(fake.sent).toEqual([]);
    expect(fake.loaded).toEqual([]);
    expect(fake.listeners.size).toBe(0);
  });

  it('reads a single-page site again once it moves from a page that is no article to an article', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    document.body.innerHTML = NOT_ARTICLE;
    const fake = fakeExtension();
    const stop = firstLook(fake.env);
    await vi.advanceTimersByTimeAsync(50);
    expect(fake.looks).toEqual(['looking', 'not-article']);
    history.pushState(null, '', '/story/meta-open-models');
    document.body.innerHTML = ARTICLE;
    // Seen within a second, read once the page has settled.
    await vi.advanceTimersByTimeAsync(1000 + SPA_SETTLE_MS + 50);
    // (Its steps wait for tasks of their own, which the fake timers do not run: waitFor lets them.)
    await vi.waitFor(() => expect(fake.sent.map((m) => m.type)).toEqual(['cs/page']));
    expect(fake.looks).toEqual(['looking', 'not-article', 'looking', 'article']);
    stop();
  });

  it('says so when a single-page site moves from an article to a page that is no article, replacing its report', async () => {
    const { fake, stop } = await showThenMove('/search?q=flights', NOT_ARTICLE);
    await vi.advanceTimersByTimeAsync(1000 + SPA_SETTLE_MS + 50);
    await vi.waitFor(() => expect(fake.sent.map((m) => m.type)).toEqual(['cs/page', 'cs/not-article']));
    expect(fake.shown[0]!.env.signal.aborted).toBe(true);
    expect(fake.looks.at(-1)).toBe('not-article');
    stop();
  });

  it('ends the highlights of an article when the site moves to another, and reads that one', async () => {
    const { fake, stop } = await showThenMove('/story/another-one');
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.shown[0]!.env.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(SPA_SETTLE_MS + 50);
    await vi.waitFor(() => expect(fake.shown).toHaveLength(2));
    stop();
    expect(fake.sent.map((m) => m.type)).toEqual(['cs/page', 'cs/page']);
    expect(fake.loaded).toHaveLength(2);
  });
});

describe('watching the address', () => {
  it('ignores navigate events that the page made up', () => {
    const navigation = new EventTarget();
    const win = { location: { href: 'https://news.example/a' }, navigation } as unknown as Window & typeof globalThis;
    const moved = vi.fn();
    const unwatch = watchAddress(win, moved);
    navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url: 'https://news.example/b' } }));
    expect(moved).not.toHaveBeenCalled();
    unwatch();
  });

  it('does not count a move to a fragment of the same page', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const moved = vi.fn();
    const unwatch = watchAddress(window as unknown as Window & typeof globalThis, moved);
    history.pushState(null, '', '#section-2');
    await vi.advanceTimersByTimeAsync(1100);
    expect(moved).not.toHaveBeenCalled();
    history.pushState(null, '', '/another-story');
    await vi.advanceTimersByTimeAsync(1100);
    expect(moved).toHaveBeenCalledTimes(1);
    unwatch();
  });
});
