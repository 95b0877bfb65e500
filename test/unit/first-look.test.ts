// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstLook, SPA_SETTLE_MS, watchAddress, type ArticleStage, type Extension, type FirstRead } from '../../src/content/first-look';
import type { CStoBG, MatchReply } from '../../src/messaging/contract';
import { SETTINGS_KEY } from '../../src/settings';

const ARTICLE = `<article><h1>Meta and open models</h1>${Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i}: top members of the new lab reportedly discussed moving away from the company's open model, and a spokesperson said the position on open source remains unchanged for now.</p>`,
).join('')}</article>`;
const NOT_ARTICLE = '<h1>Search flights</h1><form><label>From</label><input><label>To</label><input><button>Search</button></form>';

/** A fake of the extension's API that records every touch, and the stage the gate hands over to. */
function fakeExtension(stored: Record<string, unknown> = {}) {
  const sent: CStoBG[] = [];
  const touches: string[] = [];
  const handed: FirstRead[] = [];
  const reply: MatchReply = { status: 'no-claims', matches: [] };
  const api: Extension & { runtime: { id?: string } } = {
    runtime: {
      id: 'claimlight-test',
      sendMessage: async (msg) => {
        sent.push(msg);
        return msg.type === 'cs/page' ? reply : null;
      },
      getURL: (path) => `chrome-extension://claimlight-test${path}`,
    },
    storage: { local: { get: async (keys) => Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]])) } },
  };
  const loaded: string[] = [];
  const env = {
    window: window as unknown as Window & typeof globalThis,
    document,
    extension: () => {
      touches.push('extension');
      return api;
    },
    loadArticle: async (runtime: Extension['runtime']): Promise<ArticleStage> => {
      loaded.push(runtime.getURL('/article.js'));
      return async (first) => void handed.push(first);
    },
  };
  return { env, api, sent, touches, handed, loaded, reply };
}

const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('the first look (every page)', () => {
  it('reports a page that is no article, loading nothing, and touches the extension only to say so', async () => {
    document.body.innerHTML = NOT_ARTICLE;
    const fake = fakeExtension();
    const stop = firstLook(fake.env);
    expect(fake.touches).toEqual([]);
    await settle();
    stop();
    expect(fake.sent).toEqual([{ type: 'cs/not-article', url: location.href }]);
    expect(fake.touches).toEqual(['extension']);
    expect(fake.loaded).toEqual([]);
  });

  it('sends an article to the background and hands the answer to the article stage', async () => {
    document.body.innerHTML = ARTICLE;
    const fake = fakeExtension({ [SETTINGS_KEY]: { highlight: 'contested' } });
    const stop = firstLook(fake.env);
    await settle();
    stop();
    expect(fake.loaded).toEqual(['chrome-extension://claimlight-test/article.js']);
    expect(fake.sent).toHaveLength(1);
    const page = fake.sent[0]!;
    expect(page.type).toBe('cs/page');
    expect(page.type === 'cs/page' && page.html).toContain('top members of the new lab');
    const [first] = fake.handed;
    expect(first?.settings).toEqual({ off: false, highlight: 'contested', timing: false });
    expect(first?.url).toBe(location.href);
    expect(await first?.sent?.reply).toBe(fake.reply);
    // The times the step measures are made of, in order.
    const [gateStart, gateEnd] = first!.gate;
    const [serializeStart, serializeEnd] = first!.sent!.serialize;
    expect([first!.started, gateStart, gateEnd, serializeStart, serializeEnd]).toEqual([first!.started, gateStart, gateEnd, serializeStart, serializeEnd].sort((a, b) => a - b));
  });

  it('does not send the page of a site the reader switched off, but still hands over (to start if switched on)', async () => {
    document.body.innerHTML = ARTICLE;
    const fake = fakeExtension({ [SETTINGS_KEY]: { disabledSites: [location.hostname] } });
    const stop = firstLook(fake.env);
    await settle();
    stop();
    expect(fake.sent).toEqual([]);
    expect(fake.handed).toHaveLength(1);
    expect(fake.handed[0]!.settings.off).toBe(true);
    expect(fake.handed[0]!.sent).toBeUndefined();
  });

  it('stops, sending nothing, once the extension is gone (updated or removed)', async () => {
    document.body.innerHTML = ARTICLE;
    const fake = fakeExtension();
    delete fake.api.runtime.id;
    firstLook(fake.env);
    await settle();
    expect(fake.sent).toEqual([]);
    expect(fake.loaded).toEqual([]);
  });

  it('reads a single-page site again once it moves from a page that is no article to an article', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    document.body.innerHTML = NOT_ARTICLE;
    const fake = fakeExtension();
    const stop = firstLook(fake.env);
    await vi.advanceTimersByTimeAsync(50);
    expect(fake.sent.map((m) => m.type)).toEqual(['cs/not-article']);
    history.pushState(null, '', '/story/meta-open-models');
    document.body.innerHTML = ARTICLE;
    // Seen within a second, read once the page has settled.
    await vi.advanceTimersByTimeAsync(1000 + SPA_SETTLE_MS + 50);
    stop();
    expect(fake.sent.map((m) => m.type)).toEqual(['cs/not-article', 'cs/page']);
    expect(fake.handed).toHaveLength(1);
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
