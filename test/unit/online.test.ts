import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BackgroundService } from '../../src/background/service';
import { BUNDLED_PACKS } from '../../src/packs/bundled';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings';
import { openClaimDb } from '../../src/store/db';

const API_RESPONSE = readFileSync('test/fixtures/claimreview/factcheck-api-response.json', 'utf8');

function setup(settings: Settings) {
  const requests: string[] = [];
  const fetch = (async (url: string) => {
    requests.push(url);
    return new Response(API_RESPONSE, { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  const bg = new BackgroundService({
    openDb: () => openClaimDb(`online-${Math.random()}`),
    bundled: [], // no packs: every article is one the packs know nothing about
    markButton: async () => undefined,
    saveReport: async () => undefined,
    loadReport: async () => undefined,
    fetch,
    settings: async () => settings,
    log: () => undefined,
  });
  return { bg, requests };
}

const article = { title: 'Is Meta done with open models?', byline: null, siteName: 'Blog', lang: 'en', words: 300 };
const sentences = ['Some say Meta has stopped releasing open-source AI models, a claim the company rejects.', 'The weather was fine.'];

describe('online lookup', () => {
  it('sends nothing while it is off, or on without a key', async () => {
    for (const settings of [DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, onlineLookup: true }]) {
      const { bg, requests } = setup(settings);
      await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/', article, sentences }, 1);
      expect(requests).toEqual([]);
    }
    expect(BUNDLED_PACKS.length).toBeGreaterThan(0);
  });

  it('when on with a key, sends the headline only, and shows fact-checks that match a sentence', async () => {
    const { bg, requests } = setup({ ...DEFAULT_SETTINGS, onlineLookup: true, factCheckApiKey: 'KEY123' });
    const reply = await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/', article, sentences }, 1);
    expect(requests).toHaveLength(1);
    const u = new URL(requests[0]!);
    expect(u.origin + u.pathname).toBe('https://factchecktools.googleapis.com/v1alpha1/claims:search');
    expect([...u.searchParams.keys()].sort()).toEqual(['key', 'languageCode', 'pageSize', 'query']);
    expect(u.searchParams.get('query')).toBe(article.title);
    expect(requests[0]).not.toContain('weather');
    expect(reply!.matches).toHaveLength(1);
    expect(reply!.matches[0]).toMatchObject({ sentence: 0, claim: { packId: 'found-online', text: 'Meta has stopped releasing open-source AI models.' } });
  });
});
