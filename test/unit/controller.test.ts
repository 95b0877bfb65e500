// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackgroundService } from '../../src/background/service';
import { messagesIn } from '../../src/ui/messages';
import { showMatches } from '../../src/content/controller';
import { readPage } from '../../src/content/scan';
import type { CStoBG, TabReport } from '../../src/messaging/contract';
import { BUNDLED_PACKS } from '../../src/packs/bundled';
import { openClaimDb } from '../../src/store/db';

const ARTICLE = `
  <header><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav></header>
  <article>
    <h1>Meta and open models</h1>
    <p>Meta has long championed open AI development, and developers have built on its Llama models for years now.</p>
    <p>Top members of Meta’s new Superintelligence Lab have reportedly discussed moving away from the company’s powerful open-source AI model, Behemoth. The talks were described as early by several people.</p>
    <p>A Meta spokesperson clarified that the company’s official position on open-source AI remains “unchanged.” They stated, “We plan to continue releasing leading open source models.”</p>
    <p>Analysts said the company faces pressure to show returns on its spending, and that its plans for the year were still taking shape.</p>
  </article>
  <footer>© News</footer>`;

function setPage(html: string) {
  document.body.innerHTML = html;
}

function background(reports: TabReport[] = []) {
  return new BackgroundService({
    openDb: () => openClaimDb(`cs-${Math.random()}`),
    bundled: BUNDLED_PACKS,
    markButton: async () => undefined,
    saveReport: async (_tab, r) => void (r && reports.push(r)),
    loadReport: async () => undefined,
    log: () => undefined,
    // (Stored in the task after the answer, not STORE_WAIT_MS later: the tests read the stored report.)
    storeWait: 0,
  });
}

/** Reads this test page as the first stage does, with the reader stage at hand; `loads` counts its loading. */
async function run(sent: CStoBG[] = [], afterReply?: () => void, reports: TabReport[] = [], timing = true, loads: string[] = [], controller = new AbortController()) {
  const bg = background(reports);
  const { session } = await readPage(
    {
      window: window as unknown as Window & typeof globalThis,
      document,
      signal: controller.signal,
      settings: async () => ({ off: false, highlight: 'all', timing }),
      reader: async () => {
        loads.push('reader');
        return (env, reply) => showMatches({ ...env, i18n: { getMessage: messagesIn('en'), getUILanguage: () => 'en' } }, reply);
      },
      send: async (msg) => {
        sent.push(msg);
        const reply = await bg.fromContentScript(msg, 1);
        afterReply?.();
        return reply;
      },
    },
    { started: 0, gate: [0, 0] },
  );
  return { session, controller, sent };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.querySelectorAll(':scope > div').forEach((d) => d.remove());
});

describe('content script controller', () => {
  it('anchors the matched sentences on the live page and cleans up after itself', async () => {
    setPage(ARTICLE);
    const before = document.body.innerHTML;
    const { session, controller } = await run();
    expect(session).toBeDefined();
    const texts = session!.anchored.map((a) => a.range.toString());
    expect(texts).toEqual(expect.arrayContaining([expect.stringContaining('Top members of Meta’s new Superintelligence Lab'), expect.stringContaining('We plan to continue releasing')]));
    expect(session!.anchored.find((a) => a.range.toString().includes('We plan'))!.match.relation).toBe('denies');
    // The page's own markup is untouched; our one host sits on <html>.
    expect(document.body.innerHTML).toBe(before);
    expect(document.documentElement.querySelectorAll(':scope > div')).toHaveLength(1);
    expect(session!.reveal(session!.anchored[0]!.match.sentence)).toBe(true);
    expect(session!.reveal(9999)).toBe(false);
    controller.abort();
    expect(document.documentElement.querySelectorAll(':scope > div')).toHaveLength(0);
  });

  it('reads only the paragraphs the background found the sentences in', async () => {
    setPage(ARTICLE);
    const measure = vi.spyOn(window.performance, 'measure');
    const reports: TabReport[] = [];
    const { session, controller } = await run([], undefined, reports);
    // Where the paragraphs stand goes to the page only, not into the tab's report.
    expect(reports.at(-1)!.article).not.toHaveProperty('anchors');
    const walks = measure.mock.calls.map(([name]) => name).filter((name) => name.startsWith('claimlight:anchor-index'));
    expect(walks).toEqual(['claimlight:anchor-index']);
    // Each range lies in the paragraph holding its sentence.
    for (const a of session!.anchored) expect((a.range.startContainer.parentElement?.closest('p') ?? a.range.startContainer.parentElement)!.textContent).toContain(a.range.toString());
    expect(session!.anchored.length).toBeGreaterThanOrEqual(2);
    controller.abort();
    measure.mockRestore();
  });

  it('leaves no timing of its steps in the page’s timeline unless asked to', async () => {
    setPage(ARTICLE);
    const measure = vi.spyOn(window.performance, 'measure');
    const { session, controller } = await run([], undefined, [], false);
    expect(session!.anchored.length).toBeGreaterThanOrEqual(2);
    expect(measure).not.toHaveBeenCalled();
    controller.abort();
    measure.mockRestore();
  });

  it('finds the sentences in slices, the page running between them, and stops there when the session ends', async () => {
    setPage(ARTICLE);
    // A clock that moves 6 ms each time it is read: every second sentence ends a slice.
    let t = 0;
    const now = vi.spyOn(window.performance, 'now').mockImplementation(() => (t += 6));
    const measure = vi.spyOn(window.performance, 'measure');
    const sliced = await run();
    const slices = measure.mock.calls.filter(([name]) => name === 'claimlight:anchor');
    expect(sliced.session!.anchored.length).toBeGreaterThanOrEqual(3);
    expect(slices.length).toBeGreaterThan(1);
    sliced.controller.abort();

    // Ended while the page has its turn: no session, nothing of ours left on the page.
    const ended = new AbortController();
    measure.mockImplementation(((name: string) => {
      if (name === 'claimlight:anchor') ended.abort();
    }) as typeof window.performance.measure);
    const { session } = await run([], undefined, [], true, [], ended);
    expect(session).toBeUndefined();
    expect(document.documentElement.querySelectorAll(':scope > div')).toHaveLength(0);
    now.mockRestore();
    measure.mockRestore();
  });

  it('searches the whole page when the page changed after it was sent', async () => {
    setPage(ARTICLE);
    const measure = vi.spyOn(window.performance, 'measure');
    // A script inserts a paragraph above the article while the background reads it: the paths point one off.
    const { session, controller } = await run([], () => document.querySelector('article')!.insertAdjacentHTML('afterbegin', '<p>Breaking: markets open higher.</p>'));
    const walks = measure.mock.calls.map(([name]) => name).filter((name) => name.startsWith('claimlight:anchor-index'));
    expect(walks).toEqual(['claimlight:anchor-index', 'claimlight:anchor-index-page']);
    const texts = session!.anchored.map((a) => a.range.toString());
    expect(texts).toEqual(expect.arrayContaining([expect.stringContaining('Top members of Meta’s new Superintelligence Lab'), expect.stringContaining('We plan to continue releasing')]));
    controller.abort();
    measure.mockRestore();
  });

  it('loads no reader stage and adds nothing to a page without claims', async () => {
    setPage('<article><h1>Weather</h1><p>Rain is expected across the region on Thursday, with sunshine returning by the weekend for most places.</p></article>');
    const before = document.body.innerHTML;
    const loads: string[] = [];
    const { session, sent } = await run([], undefined, [], true, loads);
    expect(sent.map((m) => m.type)).toEqual(['cs/page']);
    expect(session).toBeUndefined();
    expect(loads).toEqual([]);
    expect(document.body.innerHTML).toBe(before);
    expect(document.documentElement.querySelectorAll(':scope > div')).toHaveLength(0);
  });
});
