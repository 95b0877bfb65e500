import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BackgroundService, type BackgroundEnv, type ButtonMark } from '../../src/background/service';
import type { PageLook, TabReport } from '../../src/messaging/contract';
import { MAX_PAGE_PARTS, PAGE_PART_CHARS, parseCStoBG, parsePageLook, parseUItoBG, parseUItoCS } from '../../src/messaging/contract';
import { partsOf } from '../../src/content/scan';
import { seedPage } from '../../scripts/seed-pages.mjs';
import { BUNDLED_PACKS } from '../../src/packs/bundled';
import { openClaimDb } from '../../src/store/db';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { CARD_SOURCES, cardCoverage } from '../../src/claims/views';
import { dbWith } from './helpers';

let n = 0;
function env(overrides: Partial<BackgroundEnv> = {}) {
  const badges = new Map<number, string>();
  // What each tab's button says of its page (its title); gone once the tab loads another document.
  const titles = new Map<number, ButtonMark>();
  const saved = new Map<number, TabReport>();
  const logs: string[] = [];
  const e: BackgroundEnv = {
    openDb: () => openClaimDb(`bg-${++n}`),
    bundled: BUNDLED_PACKS,
    markButton: async (tab, mark) => {
      badges.set(tab, mark?.claims ? String(mark.claims) : '');
      if (mark) titles.set(tab, mark);
      else titles.delete(tab);
    },
    buttonMarked: async (tab) => titles.has(tab),
    saveReport: async (tab, r) => void (r ? saved.set(tab, r) : saved.delete(tab)),
    loadReport: async (tab) => saved.get(tab),
    log: (m) => logs.push(m),
    // (The report is stored and the button marked in the task after the answer, not STORE_WAIT_MS later.)
    storeWait: 0,
    ...overrides,
  };
  return { e, badges, titles, saved, logs };
}

const article = { title: 'Meta AI’s Astonishing Shift', byline: null, siteName: 'BitcoinWorld', lang: 'en', words: 900 };
const sentences = [
  'Top members of Meta’s new Superintelligence Lab have reportedly discussed moving away from the company’s powerful open-source AI model , Behemoth.',
  'The weather was fine.',
  'A Meta spokesperson clarified that the company’s official position on open-source AI remains “unchanged.”',
  'They stated, “We plan to continue releasing leading open source models.',
];

describe('background service', () => {
  it('matches what a content script sends, counts claims on the badge and keeps the report for the popup', async () => {
    const { e, badges } = env();
    const bg = new BackgroundService(e);
    const reply = await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/a', article, sentences }, 7);
    expect(reply!.status).toBe('claims');
    expect(reply!.matches.map((m) => [m.sentence, m.claim.claimId, m.relation])).toEqual([
      [0, 'msl-discussed-closed-behemoth', 'asserts'],
      [2, 'meta-position-unchanged', 'asserts'],
      [3, 'meta-stopped-releasing-open-models', 'denies'],
    ]);
    // The report is stored and the button marked just after the page has its answer.
    expect(badges.get(7)).toBeUndefined();
    await bg.stored(7);
    expect(badges.get(7)).toBe('3');
    const ui = await bg.report(7);
    expect(ui.state).toBe('ready');
    if (ui.state === 'ready') expect(ui.report.matches).toHaveLength(3);
  });

  it('sends the page only the coverage each card lists, and keeps all of it for the popup', async () => {
    const bg = new BackgroundService(env().e);
    const reply = await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/a', article, sentences }, 7);
    const ui = await bg.report(7);
    if (ui.state !== 'ready') throw new Error(ui.state);
    for (const [i, sent] of reply!.matches.entries()) {
      const whole = ui.report.matches[i]!;
      const all = whole.claim.coverage.length;
      expect(all).toBe(whole.claim.supports + whole.claim.refutes + whole.claim.mixed);
      // The denying sentence's card lists contradicting coverage first: for it, the coverage that supports the claim.
      expect(sent.claim.coverage).toEqual(cardCoverage(whole).map((c) => c.item));
      expect(sent.claim.coverage).toHaveLength(Math.min(all, CARD_SOURCES));
      expect({ ...sent.claim, coverage: [] }).toEqual({ ...whole.claim, coverage: [] });
    }
    const denying = reply!.matches.find((m) => m.relation === 'denies')!;
    expect(denying.claim.coverage[0]!.stance).toBe('supports');
    expect(ui.report.matches.some((m) => m.claim.coverage.length > CARD_SOURCES)).toBe(true);
  });

  it('answers the page before its report is stored and its button marked; the popup waits for both', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const { e, titles } = env();
    const mark = e.markButton;
    // The browser's action calls are slow to come back: the button is marked only once they are released.
    e.markButton = async (tab, m) => {
      await held;
      await mark(tab, m);
    };
    const bg = new BackgroundService(e);
    const reply = await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/a', article, sentences }, 7);
    expect(reply!.matches).toHaveLength(3);
    expect(titles.has(7)).toBe(false);
    // The popup opens now, on a page it cannot ask: the button's mark decides whether the report is this page's.
    const ui = bg.report(7);
    await new Promise((r) => setTimeout(r, 10));
    release();
    expect((await ui).state).toBe('ready');
    expect(titles.get(7)?.claims).toBe(3);
  });

  it('stores the report and marks the button only once the page has had time to show its highlights', async () => {
    const { e, badges, saved } = env({ storeWait: 60 });
    const bg = new BackgroundService(e);
    await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/a', article, sentences }, 7);
    // Not in the task after the answer, as before: only once the wait is over.
    await new Promise((r) => setTimeout(r, 0));
    expect(badges.has(7)).toBe(false);
    expect(saved.has(7)).toBe(false);
    await bg.stored(7);
    expect(badges.get(7)).toBe('3');
    expect(saved.get(7)?.matches).toHaveLength(3);
  });

  it('stores a waiting report and marks the button at once when the popup asks for it', async () => {
    // A wait longer than the test may take: the popup's question must not sit it out.
    const { e, badges } = env({ storeWait: 60_000 });
    const bg = new BackgroundService(e);
    await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/b', article, sentences: sentences.slice(0, 1) }, 7);
    expect(badges.has(7)).toBe(false);
    const ui = await bg.report(7);
    expect(ui.state === 'ready' && ui.report.url).toBe('https://x.test/b');
    expect(badges.get(7)).toBe('1');
  });

  it('does not mark the button of a tab that moved on between the answer and the storing of its report', async () => {
    const { e, badges, saved } = env();
    const bg = new BackgroundService(e);
    await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/a', article, sentences }, 7);
    await bg.tabNavigated(7, 'https://x.test/b');
    await bg.stored(7);
    expect(badges.get(7)).toBe('');
    expect(saved.has(7)).toBe(false);
    expect(await bg.report(7)).toEqual({ state: 'none' });
  });

  it('still answers the page when its report cannot be stored, and says why in the log', async () => {
    const { e, logs } = env({ saveReport: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) });
    const bg = new BackgroundService(e);
    const reply = await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/a', article, sentences }, 7);
    expect(reply!.matches).toHaveLength(3);
    await bg.stored(7);
    await new Promise((r) => setTimeout(r, 0));
    expect(logs).toContain('could not store the report of tab 7: QUOTA_BYTES quota exceeded');
    // The report is still the popup's for as long as this worker lives.
    const ui = await bg.report(7);
    expect(ui.state).toBe('ready');
  });

  it('clears the badge and the report when the tab loads another page, not on a move within it, and reports nothing for unknown tabs', async () => {
    const { e, badges, titles } = env();
    const bg = new BackgroundService(e);
    await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/a', article, sentences }, 3);
    await bg.stored(3);
    // A move within the page keeps them.
    await bg.tabNavigated(3, 'https://x.test/a#comments');
    expect(badges.get(3)).toBe('3');
    expect((await bg.report(3)).state).toBe('ready');
    await bg.tabNavigated(3, 'https://x.test/b');
    expect(badges.get(3)).toBe('');
    expect(titles.has(3)).toBe(false);
    expect(await bg.report(3)).toEqual({ state: 'none' });
  });

  it('records pages that are not articles and articles in other languages, without a badge', async () => {
    const { e, badges } = env();
    const bg = new BackgroundService(e);
    await bg.ready;
    await bg.fromContentScript({ type: 'cs/not-article', url: 'https://x.test/' }, 1);
    const fr = await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/fr', article: { ...article, lang: 'fr' }, sentences }, 2);
    expect(fr).toMatchObject({ status: 'unsupported-language', matches: [] });
    await bg.stored(2);
    expect(badges.get(1)).toBe('');
    expect(badges.get(2)).toBe('');
    const r = await bg.report(1);
    expect(r.state === 'ready' && r.report.status).toBe('not-article');
  });

  it('records a page that is no article, on a site the reader switched off, as switched off', async () => {
    const { e } = env({ settings: async () => ({ ...DEFAULT_SETTINGS, disabledSites: ['news.test'] }) });
    const bg = new BackgroundService(e);
    await bg.ready;
    await bg.fromContentScript({ type: 'cs/not-article', url: 'https://www.news.test/search' }, 1);
    await bg.fromContentScript({ type: 'cs/not-article', url: 'https://other.test/search' }, 2);
    const status = async (tab: number) => {
      const r = await bg.report(tab);
      return r.state === 'ready' && r.report.status;
    };
    expect(await status(1)).toBe('site-off');
    expect(await status(2)).toBe('not-article');
  });

  it('asks the page on show when it has no report of it: a page that is no article, one still read, an earlier report', async () => {
    const pages = new Map<number, PageLook & { private: boolean }>();
    const { e, badges } = env({
      askPage: async (tab) => pages.get(tab),
      settings: async () => ({ ...DEFAULT_SETTINGS, disabledSites: ['off.test'] }),
    });
    const bg = new BackgroundService(e);
    await bg.ready;
    const shown = async (tab: number) => {
      const r = await bg.report(tab);
      return r.state === 'ready' ? [r.report.status, r.report.url, r.report.private ?? false] : r.state;
    };
    // No content script to ask (a page open before the extension was installed, or no access to the tab).
    expect(await shown(1)).toBe('none');
    pages.set(1, { look: 'not-article', url: 'https://x.test/search', private: false });
    expect(await shown(1)).toEqual(['not-article', 'https://x.test/search', false]);
    pages.set(2, { look: 'not-article', url: 'https://www.off.test/', private: true });
    expect(await shown(2)).toEqual(['site-off', 'https://www.off.test/', true]);
    // An article being read, then its report; the tab moves on to a page that is no article (Chrome says nothing of
    // that to an extension without the tabs permission), and the report of the article is not shown for it.
    pages.set(3, { look: 'article', url: 'https://x.test/a', private: false });
    expect(await shown(3)).toBe('reading');
    pages.set(3, { look: 'failed', url: 'https://x.test/a', private: false });
    expect(await shown(3)).toBe('none');
    await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/a', article, sentences }, 3);
    expect(await shown(3)).toEqual(['claims', 'https://x.test/a', false]);
    pages.set(3, { look: 'looking', url: 'https://x.test/a#comments', private: false });
    expect(await shown(3)).toEqual(['claims', 'https://x.test/a', false]);
    pages.set(3, { look: 'not-article', url: 'https://x.test/', private: false });
    expect(await shown(3)).toEqual(['not-article', 'https://x.test/', false]);
    expect(badges.get(3)).toBe('');
  });

  it('does not show a report for the page after it that cannot be asked: the browser took the button\'s marks away', async () => {
    const { e, titles } = env();
    const bg = new BackgroundService({ ...e, askPage: async () => undefined });
    await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/a', article, sentences }, 3);
    await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/b', article, sentences: ['The weather was fine.'] }, 4);
    await Promise.all([bg.stored(3), bg.stored(4)]);
    expect(titles.get(3)).toEqual({ status: 'claims', claims: 3 });
    expect(titles.get(4)).toEqual({ status: 'no-claims', claims: 0 });
    expect((await bg.report(3)).state).toBe('ready');
    expect((await bg.report(4)).state).toBe('ready');
    // Both tabs load a browser page (a PDF, a chrome:// page): the browser clears their buttons' badge and title, and
    // nobody tells the background. A report without claims had no badge to lose; it has lost its title.
    titles.clear();
    expect(await bg.report(3)).toEqual({ state: 'none' });
    expect(await bg.report(4)).toEqual({ state: 'none' });
  });

  it('waits a little for the claims to load before it answers the popup, as when the popup woke the worker', async () => {
    const { e } = env();
    const bg = new BackgroundService({ ...e, openDb: () => new Promise((resolve) => setTimeout(() => resolve(e.openDb()), 100)) });
    // Not "loading" (the popup would ask again 600 ms later): the answer once they are loaded.
    expect(await bg.report(1)).toEqual({ state: 'none' });
  });

  it('says the database is loading until it is, then works on bundled data if IndexedDB fails', async () => {
    let fail: (e: Error) => void = () => undefined;
    const { e, logs } = env({ reportWait: 20, openDb: () => new Promise((_, reject) => (fail = reject)) });
    const bg = new BackgroundService(e);
    expect(await bg.report(1)).toEqual({ state: 'loading' });
    fail(new Error('QuotaExceededError'));
    const base = await bg.ready;
    expect(base.size).toBeGreaterThanOrEqual(12);
    expect(logs[0]).toMatch(/using bundled packs only: QuotaExceededError/);
  });
});

describe('message contract', () => {
  it('reads a page sent in parts as the whole page, and nothing of a read whose parts did not all come', async () => {
    const { e, badges } = env({ partWait: 50 });
    const bg = new BackgroundService(e);
    const url = 'https://x.test/lab';
    const html = seedPage('lab-discussed')!;
    const whole = await bg.fromContentScript({ type: 'cs/page', url, html }, 3);
    const parts = partsOf(html, 4_000);
    expect(parts.length).toBeGreaterThan(2);
    const send = async (tab: number, read: string, list: string[], lose?: number) => {
      for (const [i, part] of list.slice(0, -1).entries()) {
        if (i !== lose) expect(await bg.fromContentScript({ type: 'cs/page-part', url, read, index: i, part }, tab)).toBeNull();
      }
      return bg.fromContentScript({ type: 'cs/page', url, html: list.at(-1)!, read, parts: list.length }, tab);
    };
    const inParts = await send(4, 'r1', parts);
    expect(inParts!.matches.map((m) => m.claim.claimId)).toEqual(whole!.matches.map((m) => m.claim.claimId));
    expect(inParts!.matches.length).toBeGreaterThan(0);
    await Promise.all([bg.stored(3), bg.stored(4)]);
    expect(badges.get(4)).toBe(badges.get(3));
    // A part lost (the service worker restarted between them): no page, and no report made of half of one.
    expect(await send(5, 'r2', parts, 1)).toBeNull();
    expect(badges.has(5)).toBe(false);
    // A read begun again (the page moved on) drops the parts of the one before.
    await bg.fromContentScript({ type: 'cs/page-part', url, read: 'old', index: 0, part: parts[0]! }, 6);
    expect((await send(6, 'new', parts))!.matches).toHaveLength(whole!.matches.length);
    // The last part alone, of a read the background never heard of: nothing.
    expect(await bg.fromContentScript({ type: 'cs/page', url, html: parts.at(-1)!, read: 'unknown', parts: 2 }, 7)).toBeNull();
  });

  it('waits for parts still on their way when the last one comes, in whatever order they come', async () => {
    const { e } = env();
    const bg = new BackgroundService(e);
    const url = 'https://x.test/lab';
    const html = seedPage('lab-discussed')!;
    const whole = await bg.fromContentScript({ type: 'cs/page', url, html }, 3);
    const parts = partsOf(html, 4_000);
    const n = parts.length;
    // The page does not wait for each part's answer: the last comes first, then the others backwards.
    const last = bg.fromContentScript({ type: 'cs/page', url, html: parts[n - 1]!, read: 'r', parts: n }, 4);
    for (let i = n - 2; i >= 0; i--) {
      await new Promise((r) => setTimeout(r, 1));
      await bg.fromContentScript({ type: 'cs/page-part', url, read: 'r', index: i, part: parts[i]! }, 4);
    }
    expect((await last)!.matches.map((m) => m.claim.claimId)).toEqual(whole!.matches.map((m) => m.claim.claimId));
    // A part sent twice counts once, and a part numbered past the page's end spoils the read.
    await bg.fromContentScript({ type: 'cs/page-part', url, read: 's', index: 0, part: parts[0]! }, 5);
    await bg.fromContentScript({ type: 'cs/page-part', url, read: 's', index: 0, part: parts[0]! }, 5);
    await bg.fromContentScript({ type: 'cs/page-part', url, read: 's', index: n, part: parts[1]! }, 5);
    expect(await bg.fromContentScript({ type: 'cs/page', url, html: parts[n - 1]!, read: 's', parts: 3 }, 5)).toBeNull();
  });

  it('drops, unread, a page sent from a site the reader switched off, and says so', async () => {
    const { e, badges, saved } = env({ settings: async () => ({ ...DEFAULT_SETTINGS, disabledSites: ['x.test'] }) });
    const bg = new BackgroundService(e);
    const html = seedPage('lab-discussed')!;
    const reply = await bg.fromContentScript({ type: 'cs/page', url: 'https://www.x.test/lab', html }, 3);
    expect(reply).toEqual({ status: 'site-off', matches: [] });
    expect(badges.get(3)).toBe('');
    expect(saved.get(3)?.status).toBe('site-off');
    const parts = partsOf(html, 4_000);
    await bg.fromContentScript({ type: 'cs/page-part', url: 'https://x.test/lab', read: 'r', index: 0, part: parts[0]! }, 4);
    expect((await bg.fromContentScript({ type: 'cs/page', url: 'https://x.test/lab', html: parts[1]!, read: 'r', parts: 3 }, 4))!.status).toBe('site-off');
  });

  it('cuts a page into parts that join up again, never between the halves of a surrogate pair', () => {
    const text = `${'a'.repeat(9)}\u{1F600}${'b'.repeat(25)}`;
    for (const size of [1, 2, 3, 10, 11, 50]) {
      const parts = partsOf(text, Math.max(size, 2));
      expect(parts.join('')).toBe(text);
      expect(parts.every((p) => p.length <= Math.max(size, 2) && p.length > 0)).toBe(true);
      expect(parts.every((p) => !/[\ud800-\udbff]$/.test(p) && !/^[\udc00-\udfff]/.test(p))).toBe(true);
    }
    expect(partsOf('', 10)).toEqual(['']);
  });

  it('accepts well-formed messages and drops everything else', () => {
    expect(parseCStoBG({ type: 'cs/page-part', url: 'u', read: 'r', index: 0, part: 'x'.repeat(PAGE_PART_CHARS) })).toBeTruthy();
    expect(parseCStoBG({ type: 'cs/page-part', url: 'u', read: 'r', index: 0, part: 'x'.repeat(PAGE_PART_CHARS + 1) })).toBeUndefined();
    expect(parseCStoBG({ type: 'cs/page-part', url: 'u', read: 'r', part: 'x' })).toBeUndefined();
    expect(parseCStoBG({ type: 'cs/page-part', url: 'u', read: 'r', index: -1, part: 'x' })).toBeUndefined();
    expect(parseCStoBG({ type: 'cs/page-part', url: 'u', read: 'r', index: 1.5, part: 'x' })).toBeUndefined();
    expect(parseCStoBG({ type: 'cs/page-part', url: 'u', read: 'r', index: MAX_PAGE_PARTS, part: 'x' })).toBeUndefined();
    expect(parseCStoBG({ type: 'cs/page', url: 'u', html: 'x', read: 'r', parts: MAX_PAGE_PARTS + 1 })).toBeUndefined();
    expect(parseCStoBG({ type: 'cs/page-part', url: 'u', part: 'x' })).toBeUndefined();
    expect(parseCStoBG({ type: 'cs/page', url: 'u', html: 'x', read: 'r', parts: 3 })).toEqual({ type: 'cs/page', url: 'u', html: 'x', read: 'r', parts: 3 });
    expect(parseCStoBG({ type: 'cs/page', url: 'u', html: 'x', read: 'r', parts: 1 })).toBeUndefined();
    expect(parseCStoBG({ type: 'cs/page', url: 'u', html: 'x', parts: 2 })).toBeUndefined();
    expect(parseCStoBG({ type: 'cs/match', url: 'u', article, sentences: ['a'] })).toBeTruthy();
    expect(parseCStoBG({ type: 'cs/match', url: 'u', article, sentences: [1] })).toBeUndefined();
    expect(parseCStoBG({ type: 'cs/match', url: 'u', article: { ...article, words: 'many' }, sentences: [] })).toBeUndefined();
    expect(parseCStoBG({ type: 'cs/match', url: 'u', article, sentences: ['x'.repeat(10_000)] })).toBeUndefined();
    expect(parseCStoBG({ type: 'cs/evil', url: 'u' })).toBeUndefined();
    expect(parseCStoBG(null)).toBeUndefined();
    expect(parseUItoBG({ type: 'ui/report', tabId: 4 })).toEqual({ type: 'ui/report', tabId: 4 });
    expect(parseUItoBG({ type: 'ui/report', tabId: -1 })).toBeUndefined();
    expect(parseUItoCS({ type: 'ui/reveal', sentence: 2 })).toEqual({ type: 'ui/reveal', sentence: 2 });
    expect(parseUItoCS({ type: 'ui/reveal', sentence: '2' })).toBeUndefined();
    expect(parsePageLook({ look: 'not-article', url: 'https://x.test/' })).toEqual({ look: 'not-article', url: 'https://x.test/' });
    expect(parsePageLook({ look: 'claims', url: 'https://x.test/' })).toBeUndefined();
    expect(parsePageLook({ look: 'article', url: 'u'.repeat(9_000) })).toBeUndefined();
    expect(parsePageLook(null)).toBeUndefined();
  });
});

describe('background service: the stored index', () => {
  it('tells a page, for the benchmark, when its worker had its claims loaded', async () => {
    const started = performance.timeOrigin + performance.now();
    const worker = { started, ready: started + 1 };
    const service = new BackgroundService(env({ worker }).e);
    const reply = await service.fromContentScript({ type: 'cs/match', url: 'https://x.test/a', article, sentences }, 1);
    const timings = reply!.timings!.worker!;
    expect(timings.started).toBe(started);
    expect(timings.claims).toBeGreaterThanOrEqual(started);
    // (The page may come before the claims are loaded, and wait for them: it came at `received`.)
    expect(timings.claims).toBeLessThanOrEqual(performance.timeOrigin + performance.now());
  });


  it('saves the index once, reuses it when the service worker wakes again, and rebuilds it when packs change', async () => {
    const name = `bg-index-${Math.random()}`;
    const make = () => new BackgroundService({ ...env().e, openDb: () => openClaimDb(name) });
    const first = make();
    const reply1 = await first.fromContentScript({ type: 'cs/match', url: 'https://x.test/a', article, sentences }, 1);
    const db = await openClaimDb(name);
    const saved = (await db.get('meta', 'index')) as { fingerprint: string; index: { terms: Uint16Array; postings: Uint8Array } };
    expect(saved.fingerprint).toMatch(/^n\d+\|i\d+\|meta-open-source-ai:\d+$/);
    // Stored as it is used: typed arrays, postings included (nothing to build on waking).
    expect(saved.index.terms).toBeInstanceOf(Uint16Array);
    expect(saved.index.postings).toBeInstanceOf(Uint8Array);

    // A new worker: same answers, from the saved index (claims are read only for what matched).
    const second = make();
    const reply2 = await second.fromContentScript({ type: 'cs/match', url: 'https://x.test/a', article, sentences }, 1);
    expect(reply2!.matches.map((m) => m.claim.key)).toEqual(reply1!.matches.map((m) => m.claim.key));

    // Another pack installed: the fingerprint no longer fits, so the index is rebuilt and saved again.
    const { installPack } = await import('../../src/store/db');
    await installPack(db, { format: 'claimlight-pack', version: 1, id: 'extra', title: 'Extra', updated: '2026-01-01', language: 'en', sources: [], claims: [{ id: 'x', text: 'The harbour bridge will close for repairs in May.', alternates: [], coverage: [] }] }, { type: 'bundled' });
    const third = make();
    expect((await third.ready).size).toBe((await second.ready).size + 1);
    expect(((await db.get('meta', 'index')) as { fingerprint: string }).fingerprint).toContain('extra:');
  });
});

describe('background service: subscriptions', () => {
  it('makes live what a check installed even when a later subscription\'s check fails outright', async () => {
    const { generateKeyPair, sign } = await import('../../src/packs/signing');
    const keys = await generateKeyPair();
    const files = new Map<string, Uint8Array<ArrayBuffer>>();
    const publish = async (url: string, id: string, updated: string, claims: Array<{ id: string; text: string }>) => {
      const body = new TextEncoder().encode(JSON.stringify({ format: 'claimlight-pack', version: 1, id, title: id, updated, claims }));
      files.set(url, body);
      files.set(`${url}.sig`, new TextEncoder().encode(await sign(body, keys.privateKey)));
    };
    const fetch = (async (u: string) => (files.has(u) ? new Response(files.get(u)!, { status: 200 }) : new Response('not found', { status: 404 }))) as unknown as typeof globalThis.fetch;
    const [a, b] = ['https://packs.example/a.json', 'https://packs.example/b.json'];
    await publish(a, 'bridge', '2026-11-01', [{ id: 'close', text: 'The harbour bridge will close for repairs in May.' }]);
    await publish(b, 'ferry', '2026-11-01', [{ id: 'fares', text: 'Ferry fares will double next year.' }]);
    // Storage that, once told to, fails to read the second subscription (as a database going away might).
    const db = await openClaimDb(`bg-sub-${Math.random()}`);
    let failing = false;
    const flaky = dbWith(db, 'get', (get) => ((store: string, key: unknown) =>
      failing && store === 'subscriptions' && key === b ? Promise.reject(new Error('the database went away')) : get(store as never, key as never)) as typeof get);
    const service = new BackgroundService({ ...env().e, openDb: async () => flaky, fetch });
    expect(await service.subscribe(a, keys.publicKey)).toMatchObject({ ok: true, status: 'installed' });
    expect(await service.subscribe(b, keys.publicKey)).toMatchObject({ ok: true, status: 'installed' });

    // The first pack has a new version; checking the second then fails before it says anything.
    await publish(a, 'bridge', '2026-11-20', [{ id: 'reopen', text: 'The harbour bridge will reopen to traffic in June.' }]);
    failing = true;
    await expect(service.updateAll()).rejects.toThrow('the database went away');
    const reply = await service.fromContentScript({ type: 'cs/match', url: 'https://x.test/b', article, sentences: ['Engineers said the harbour bridge will reopen to traffic in June after the repairs.'] }, 2);
    expect(reply!.matches.map((m) => m.claim.key)).toEqual(['bridge/reopen']);
  });
});
