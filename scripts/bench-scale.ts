// Speed and size of the matcher at scale: packs of N claims synthesised from the CheckThat! pool (each synthetic
// claim joins the first half of one pool claim to the second half of another, so texts stay distinct and
// realistic), and a 200-sentence article made of sentences of the saved real pages.
// Run: node --expose-gc scripts/ts-run.mjs scripts/bench-scale.ts [10000 100000 ...]   (part of npm run bench:match)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { ClaimIndex } from '../src/match/index';
import { Matcher } from '../src/match/matcher';
import { forgetTerms } from '../src/match/normalize';
import { extractArticle } from '../src/extract/article';
import type { Library } from './bench-libraries';

const SHARED = resolve(process.env.CLAIMLIGHT_SHARED ?? '../shared');

function poolTexts(): Array<{ text: string; title: string }> {
  return readFileSync(join(SHARED, 'eval', 'checkthat', 'claims.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; title?: string })
    .map((c) => ({ text: c.text, title: c.title ?? '' }));
}

export function synthesise(n: number, pool = poolTexts()): Array<{ key: string; phrasings: string[] }> {
  const out: Array<{ key: string; phrasings: string[] }> = [];
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const half = (s: string, first: boolean) => {
    const words = s.split(/\s+/);
    const mid = Math.ceil(words.length / 2);
    return (first ? words.slice(0, mid) : words.slice(mid)).join(' ');
  };
  for (let i = 0; i < n; i++) {
    const a = pool[Math.floor(rand() * pool.length)]!;
    const b = pool[Math.floor(rand() * pool.length)]!;
    out.push({ key: `s${i}`, phrasings: [`${half(a.text, true)} ${half(b.text, false)}`, `${half(a.title, true)} ${half(b.title, false)}`.trim()].filter(Boolean) });
  }
  return out;
}

export function article200(): string[] {
  const dir = join(SHARED, 'pages', 'readability');
  const sentences: string[] = [];
  for (const page of readdirSync(dir).sort()) {
    const file = join(dir, page, 'source.html');
    if (!existsSync(file)) continue;
    const a = extractArticle(parseHTML(readFileSync(file, 'utf8')).document as unknown as Document);
    if (a && /^en\b/i.test(a.lang)) sentences.push(...a.sentences.map((s) => s.text));
    if (sentences.length >= 200) break;
  }
  return sentences.slice(0, 200);
}

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
const arrayBuffers = () => process.memoryUsage().arrayBuffers;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function scaleFigures(sizes: number[], libraries: Array<() => Library> = []) {
  const pool = poolTexts();
  const article = article200();
  const out: Array<{ name: string; n: number; buildMs: number; storedMB: number; memoryMB: number; loadMs: number; matchMs: number }> = [];
  for (const n of sizes) {
    out.push({ name: 'Claimlight', ...ours(n, pool, article) });
    // The libraries at up to 100,000 claims: at a million their build alone takes minutes here.
    if (n <= 100_000) for (const make of libraries) out.push(library(make, n, pool, article));
  }
  return out;
}

function library(make: () => Library, n: number, pool: Array<{ text: string; title: string }>, article: string[]) {
  const docs = synthesise(n, pool).map((c) => ({ id: c.key, text: c.phrasings[0]!, title: c.phrasings[1] ?? '' }));
  const built = make();
  let t = performance.now();
  built.build(docs);
  const buildMs = performance.now() - t;
  const saved = built.save();
  // The loaded copy is measured on its own: a fresh instance, with the built one left to the garbage collector.
  const lib = make();
  const before = heap();
  t = performance.now();
  lib.load(saved);
  const loadMs = performance.now() - t;
  const memoryMB = (heap() - before) / 1e6;
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    forgetTerms();
    t = performance.now();
    for (const s of article) lib.search(s, 10);
    runs.push(performance.now() - t);
  }
  return { name: lib.name, n, buildMs, storedMB: saved.length / 1e6, memoryMB, loadMs, matchMs: median(runs) };
}

function ours(n: number, pool: Array<{ text: string; title: string }>, article: string[]) {
  {
    const inputs = synthesise(n, pool);
    let t = performance.now();
    const index = ClaimIndex.build(inputs);
    const buildMs = performance.now() - t;
    // Stored as IndexedDB stores it: the typed arrays as they are, the strings as strings (structured clone).
    const stored = structuredClone(index.toJSON());
    const storedMB = Object.values(stored).reduce<number>((sum, part) => sum + (ArrayBuffer.isView(part) ? part.byteLength : JSON.stringify(part).length), 0) / 1e6;
    // In memory: what a loaded index holds once it has answered a query (the term map is made on first use).
    const before = heap() + arrayBuffers();
    t = performance.now();
    const loaded = ClaimIndex.fromJSON(structuredClone(stored));
    const loadMs = performance.now() - t;
    loaded.termId('claim');
    const memoryMB = (heap() + arrayBuffers() - before) / 1e6;
    const matcher = new Matcher(loaded);
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      // Each run reads the article as a new page's: its sentences' terms not yet known.
      forgetTerms();
      t = performance.now();
      for (const s of article) matcher.best({ text: s });
      runs.push(performance.now() - t);
    }
    return { n, buildMs, storedMB, memoryMB, loadMs, matchMs: median(runs) };
  }
}

if (process.argv[1]?.endsWith('bench-scale.ts')) {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  for (const f of scaleFigures(sizes.length ? sizes : [10_000, 100_000])) {
    console.log(`${f.name} ${String(f.n).padStart(9)} claims: build ${f.buildMs.toFixed(0)} ms, stored ${f.storedMB.toFixed(1)} MB, memory ${f.memoryMB.toFixed(1)} MB, load ${f.loadMs.toFixed(0)} ms, match 200 sentences ${f.matchMs.toFixed(0)} ms`);
  }
}
