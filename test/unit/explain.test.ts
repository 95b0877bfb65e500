import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BackgroundService } from '../../src/background/service';
import { timelineOf } from '../../src/claims/timeline';
import { confidenceOf, type CoverageView } from '../../src/claims/views';
import { addCorrection, correctionKey, type Correction } from '../../src/corrections';
import { BUNDLED_PACKS } from '../../src/packs/bundled';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { validatePack } from '../../src/packs/validate';
import { openClaimDb } from '../../src/store/db';
import { seedPackJson } from './helpers';

const cov = (outlet: string, published: string | undefined, stance: CoverageView['stance'], attribution?: CoverageView['attribution']): CoverageView => ({ outlet, stance, ...(published && { published }), ...(attribution && { attribution }) });

describe('story timeline', () => {
  it('orders coverage by date, undated last, and marks an anonymous report a later on-record statement contradicts', () => {
    const t = timelineOf([
      cov('Later fact-check', '2025-09-01', 'refutes', 'fact-check'),
      cov('Undated blog', undefined, 'supports', 'unattributed'),
      cov('Anonymous report', '2025-07-14', 'supports', 'anonymous'),
      cov('Spokesperson', '2025-07-15', 'refutes', 'on-record'),
      cov('Analysis', '2025-08-01', 'mixed', 'opinion'),
    ]);
    expect(t.map((x) => x.item.outlet)).toEqual(['Anonymous report', 'Spokesperson', 'Analysis', 'Later fact-check', 'Undated blog']);
    expect(t[0]!.supersededBy?.outlet).toBe('Spokesperson');
    expect(t.slice(1).every((x) => !x.supersededBy)).toBe(true);
  });

  it('does not call an on-record item superseded, nor one contradicted only by another anonymous report', () => {
    const t = timelineOf([cov('A', '2025-01-01', 'supports', 'on-record'), cov('B', '2025-02-01', 'refutes', 'anonymous'), cov('C', '2025-03-01', 'supports', 'anonymous')]);
    expect(t.every((x) => !x.supersededBy)).toBe(true);
  });
});

describe('explainable matches', () => {
  it('puts the score in words', () => {
    expect(confidenceOf(0.99).level).toBe('strong');
    expect(confidenceOf(0.9).level).toBe('likely');
    expect(confidenceOf(0.7).words).toMatch(/Possible match/);
  });

  it('validates attribution in packs and rejects unknown values by path', () => {
    const json = seedPackJson();
    (json.claims as Array<{ coverage: Array<Record<string, unknown>> }>)[0]!.coverage[0]!.attribution = 'rumour';
    const r = validatePack(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('$.claims[0].coverage[0].attribution');
  });

  it('says which of the claim\'s words the sentence shares, and forgets a pair the reader called wrong', async () => {
    let store: Correction[] = [];
    const hidden: Array<[number, number]> = [];
    const bg = new BackgroundService({
      openDb: () => openClaimDb(`explain-${Math.random()}`),
      bundled: BUNDLED_PACKS,
      markButton: async () => undefined,
      saveReport: async () => undefined,
      loadReport: async () => undefined,
      corrections: { list: async () => store, save: async (l) => void (store = l) },
      hideInTab: async (tab, s) => void hidden.push([tab, s]),
      log: () => undefined,
    });
    const sentences = ['Sources indicate that while training on Behemoth was completed, its release was delayed due to underwhelming internal performance.'];
    const article = { title: 'T', byline: null, siteName: null, lang: 'en', words: 50 };
    const first = await bg.fromContentScript({ type: 'cs/match', url: 'https://news.example/a', article, sentences }, 5);
    expect(first!.matches[0]!.shared).toEqual(expect.arrayContaining(['Behemoth', 'release', 'delayed']));

    expect(await bg.wrongMatch(5, 0, true)).toEqual({ ok: true });
    expect(hidden).toEqual([[5, 0]]);
    expect(store).toEqual([expect.objectContaining({ claimKey: 'meta-open-source-ai/behemoth-delayed-poor-performance', site: 'news.example' })]);
    expect((await bg.report(5)).state === 'ready' && (await bg.report(5) as { report: { matches: unknown[] } }).report.matches).toEqual([]);

    // The same sentence on another page: not matched to that claim again.
    const again = await bg.fromContentScript({ type: 'cs/match', url: 'https://other.example/b', article, sentences }, 6);
    expect(again!.matches).toEqual([]);
  });

  it('keeps a correction made in a private window in session memory only, and never looks up a private page online', async () => {
    let disk: Correction[] = [];
    let session: Correction[] = [];
    const fetched: string[] = [];
    const bg = new BackgroundService({
      openDb: () => openClaimDb(`private-${Math.random()}`),
      bundled: BUNDLED_PACKS,
      markButton: async () => undefined,
      saveReport: async () => undefined,
      loadReport: async () => undefined,
      corrections: { list: async () => disk, save: async (l) => void (disk = l) },
      privateCorrections: { list: async () => session, save: async (l) => void (session = l) },
      settings: async () => ({ ...DEFAULT_SETTINGS, onlineLookup: true, factCheckApiKey: 'key' }),
      fetch: (async (url: string) => {
        fetched.push(String(url));
        return new Response(JSON.stringify({ claims: [] }));
      }) as typeof fetch,
      log: () => undefined,
    });
    const sentences = ['Sources indicate that while training on Behemoth was completed, its release was delayed due to underwhelming internal performance.'];
    const article = { title: 'T', byline: null, siteName: null, lang: 'en', words: 50 };
    await bg.fromContentScript({ type: 'cs/match', url: 'https://news.example/a', article, sentences }, 5, true);
    const report = await bg.report(5);
    expect(report.state === 'ready' && report.report.private).toBe(true);
    expect(await bg.wrongMatch(5, 0, false)).toEqual({ ok: true });
    expect(disk).toEqual([]);
    expect(session).toHaveLength(1);
    // Still hidden while the browser runs, in private windows and others.
    const again = await bg.fromContentScript({ type: 'cs/match', url: 'https://news.example/a', article, sentences }, 6, true);
    expect(again!.matches).toEqual([]);
    // Nothing matched on a private page: the online lookup, though turned on, is not asked; on a normal page it is.
    expect(fetched).toEqual([]);
    await bg.fromContentScript({ type: 'cs/match', url: 'https://news.example/b', article, sentences: ['The weather was fine.'] }, 7, false);
    expect(fetched).toHaveLength(1);
  });

  it('keeps one correction per pair, newest last, and at most the limit', () => {
    const c = (claimKey: string, sentence: string, at: number) => ({ claimKey, sentence, site: '', at });
    let list: Correction[] = [];
    list = addCorrection(list, c('p/a', 'One  sentence.', 1));
    list = addCorrection(list, c('p/a', 'one sentence', 2));
    expect(list).toHaveLength(1);
    expect(list[0]!.at).toBe(2);
    expect(correctionKey('p/a', 'One, sentence!')).toBe(correctionKey('p/a', 'one sentence'));
  });
});

describe('ClaimReview export', () => {
  it('writes valid-looking schema.org ClaimReview that pack build reads back', async () => {
    const { toClaimReview } = await import('../../src/claims/claimreview');
    const { readInput } = await import('../../src/packs/import');
    const { ClaimBase } = await import('../../src/claims/claim-base');
    const { bundledPacks } = await import('./helpers');
    const base = new ClaimBase(bundledPacks());
    const [m] = await base.matchSentences([{ text: 'Sources indicate that while training on Behemoth was completed, its release was delayed due to underwhelming internal performance.' }]);
    const jsonld = toClaimReview(m!.claim, 'https://news.example/story');
    expect(jsonld).toMatchObject({ '@context': 'https://schema.org', '@type': 'ClaimReview', claimReviewed: m!.claim.text, reviewRating: { '@type': 'Rating' }, itemReviewed: { '@type': 'Claim' } });
    const appearances = (jsonld.itemReviewed as { appearance: Array<{ url: string }> }).appearance;
    expect(appearances[0]!.url).toBe('https://news.example/story');
    expect(appearances.every((a) => /^https?:\/\//.test(a.url))).toBe(true);
    const back = readInput({ name: 'export.jsonld', text: JSON.stringify(jsonld) });
    expect(back.reviews).toHaveLength(1);
    expect(back.reviews[0]!.claim).toBe(m!.claim.text);
  });
});
