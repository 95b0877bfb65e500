import { ClaimBase } from '../claims/claim-base';
import type { MatchView } from '../claims/views';
import { buildPack, reviewsFromFactCheckApi } from '../packs/import';
import { ONLINE_PACK_ID } from './pack-id';

/**
 * The one online feature: with the reader's own API key, and only when their packs found nothing in an article,
 * the article's headline (and nothing else) is sent to Google's Fact Check Tools API; fact-checks it returns are
 * matched against the article's sentences on this machine, like pack claims.
 */
export const FACTCHECK_ENDPOINT = 'https://factchecktools.googleapis.com/v1alpha1/claims:search';

export interface LookupEnv {
  fetch: typeof fetch;
  apiKey: string;
  endpoint?: string;
  log(message: string): void;
}

export async function lookupOnline(env: LookupEnv, headline: string, sentences: string[], lang = 'en'): Promise<MatchView[]> {
  const query = headline.trim().slice(0, 300);
  if (!env.apiKey || !query) return [];
  const url = new URL(env.endpoint ?? FACTCHECK_ENDPOINT);
  url.searchParams.set('query', query);
  url.searchParams.set('languageCode', lang);
  url.searchParams.set('pageSize', '10');
  url.searchParams.set('key', env.apiKey);
  let json: unknown;
  try {
    const res = await env.fetch(url.href, { credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(10_000) });
    if (!res.ok) {
      env.log(`online lookup: the Fact Check Tools API answered ${res.status}`);
      return [];
    }
    json = await res.json();
  } catch (e) {
    env.log(`online lookup failed: ${(e as Error).message}`);
    return [];
  }
  const reviews = typeof json === 'object' && json ? reviewsFromFactCheckApi(json as Record<string, unknown>) : [];
  if (!reviews.length) return [];
  const pack = buildPack([{ reviews }], { id: ONLINE_PACK_ID, title: 'Found online (Google Fact Check Tools)' });
  return await new ClaimBase([pack]).matchSentences(sentences.map((text) => ({ text })), { title: headline });
}
