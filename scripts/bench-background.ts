// The background's work on one page, in Node: the read (linkedom, Readability, the sentences) and the match against
// the bundled pack, for the long article and a seed page. "First" is the first run in a fresh process, as a woken
// service worker runs it (each of --processes processes gives one); "later" is the median of the runs after it, each
// reading the page as a new one (the normaliser's kept terms forgotten). Run: npm run bench:background [-- --processes 5]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { articleFromHtml } from '../src/extract/from-html';
import { ClaimBase } from '../src/claims/claim-base';
import { BUNDLED_PACKS } from '../src/packs/bundled';
import { validBundledPacks } from '../src/store/seed';
import { forgetTerms } from '../src/match/normalize';
import { longArticle, seedPage } from './seed-pages.mjs';

const LATER_RUNS = 15;
const pages: Record<string, () => string> = { 'long article': longArticle, 'seed page lab-discussed': () => seedPage('lab-discussed')! };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Figures {
  read: number[];
  match: number[];
}

/** One process's runs on one page: the first, and the later ones. */
async function runs(name: string): Promise<Figures> {
  const base = new ClaimBase(validBundledPacks(BUNDLED_PACKS));
  const page = pages[name]!();
  const f: Figures = { read: [], match: [] };
  for (let i = 0; i <= LATER_RUNS; i++) {
    forgetTerms();
    let t = performance.now();
    const a = articleFromHtml(page);
    f.read.push(performance.now() - t);
    if (!a) throw new Error(`${name}: no article`);
    t = performance.now();
    await base.matchSentences(a.sentences, { title: a.title, published: a.published });
    f.match.push(performance.now() - t);
  }
  return f;
}

const child = process.argv.indexOf('--child');
if (child >= 0) {
  console.log(JSON.stringify(await runs(process.argv[child + 1]!)));
} else {
  const i = process.argv.indexOf('--processes');
  const n = i >= 0 ? Number(process.argv[i + 1]) : 5;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--processes: a whole number of at least 1, not ${process.argv[i + 1]}`);
  // (This file as ts-run bundled it, run again as it is: each page in processes of its own, so that each first run is
  // a cold one.)
  const here = fileURLToPath(import.meta.url);
  const ms = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
  console.log(`the background's read and match in Node, ${n} processes a page (the first run of each; the median of the ${LATER_RUNS} after it)`);
  for (const name of Object.keys(pages)) {
    const all: Figures[] = [];
    for (let p = 0; p < n; p++) {
      const out = execFileSync(process.execPath, [here, '--child', name], { encoding: 'utf8' });
      all.push(JSON.parse(out.trim().split('\n').at(-1)!));
    }
    const first = (k: keyof Figures) => all.map((f) => f[k][0]!);
    const later = (k: keyof Figures) => all.map((f) => median(f[k].slice(1)));
    console.log(`${name.padEnd(24)} read: first ${ms(first('read'))} ms; later ${ms(later('read'))} ms`);
    console.log(`${''.padEnd(24)} match: first ${ms(first('match'))} ms; later ${ms(later('match'))} ms`);
  }
}
