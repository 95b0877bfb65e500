// Story packs on a page's own topic, made from the CheckThat! pool, for calibrating the decision's threshold by pack
// size. A reader's packs are about one story: a page on that story meets a handful of claims close to it, not
// 14,000 scattered ones. For each saved page, its pack of N is the N pool claims that its sentences bring up most
// (summed BM25 over each sentence's top three): about the page's subject, and yet (the pool being fact-checks of
// other events) not claims the page states. Each sentence is then matched against its page's pack alone.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/extract/article';
import { dayNumber } from '../src/match/dates';
import { ClaimIndex, type IndexInput } from '../src/match/index';
import { Matcher } from '../src/match/matcher';
import { isTrainingPage } from './page-split';

export interface PoolClaim {
  id: string;
  text: string;
  title?: string;
  /** The fact-check's date, as "26 May 2015". */
  date?: string;
}

interface PageText {
  page: string;
  title: string;
  sentences: string[];
}

/** The English pages of `pagesDir` (one half of them, or all), as Readability and our splitter read them. */
export function pageTexts(pagesDir: string, half?: 'train' | 'held-out'): PageText[] {
  const out: PageText[] = [];
  for (const page of readdirSync(pagesDir).sort()) {
    if (half && (half === 'train') !== isTrainingPage(page)) continue;
    const file = join(pagesDir, page, 'source.html');
    if (!existsSync(file)) continue;
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    const a = extractArticle(document as unknown as Document);
    if (!a || !/^en\b/i.test(a.lang)) continue;
    out.push({ page, title: a.title, sentences: a.sentences.map((s) => s.text) });
  }
  return out;
}

const entry = (c: PoolClaim): IndexInput => ({ key: c.id, phrasings: [c.text, ...(c.title && c.title !== c.text ? [c.title] : [])], day: dayNumber(c.date) });

/**
 * For each pack size, the decision score of every page sentence's best candidate in its page's topical pack (0 where
 * no candidate passes the decision's gate): a threshold t then lets through the sentences scoring at least t.
 */
export function topicalScores(claims: PoolClaim[], pages: PageText[], sizes: number[]): Map<number, number[]> {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const pool = new Matcher(ClaimIndex.build(claims.map(entry)));
  const out = new Map(sizes.map((n) => [n, [] as number[]]));
  for (const p of pages) {
    const near = new Map<string, number>();
    for (const s of p.sentences) for (const r of pool.rank({ text: s }, 3)) near.set(r.key, (near.get(r.key) ?? 0) + r.bm25);
    const ranked = [...near.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => byId.get(k)!);
    for (const n of sizes) {
      const matcher = new Matcher(ClaimIndex.build(ranked.slice(0, n).map(entry)), { threshold: 0 });
      p.sentences.forEach((s, i) => {
        const context = [p.title, p.sentences[i - 2] ?? '', p.sentences[i - 1] ?? ''].join(' ');
        out.get(n)!.push(matcher.best({ text: s, context, previous: p.sentences[i - 1] })?.score ?? 0);
      });
    }
  }
  return out;
}

/** False matches per 1,000 sentences at threshold t. */
export const ratePer1000 = (scores: number[], t: number) => (scores.filter((s) => s > 0 && s >= t).length / scores.length) * 1000;
