// Trains the matcher's decision models: logistic regression over pair features.
//   positives: CheckThat! train queries with their claim among the BM25 candidates
//   negatives: the other candidates of those queries, and the candidates of every sentence of the *training half*
//              of ../shared/pages/readability (pages are split by a hash of their name; the other half is held out
//              and only measured)
// The threshold is the lowest score at which the training pages give at most TARGET_FP false matches per sentence.
// Dev queries and held-out pages are only measured, never fitted.
// Run: npm run train:matcher                 the story model (src/match/decision-model.json), for packs of up to
//                                            3,000 claims; then npm run calibrate:matcher for its thresholds by size
//      npm run train:matcher -- --pool       the pool model (src/match/decision-model-pool.json), for larger packs
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { dayNumber } from '../src/match/dates';
import { ClaimIndex } from '../src/match/index';
import { Matcher } from '../src/match/matcher';
import { FEATURE_NAMES } from '../src/match/features';
import { score, type DecisionModel } from '../src/match/model';
import { extractArticle } from '../src/extract/article';
import { isAssertion } from '../src/match/relation';
import { isTrainingPage } from './page-split';

const SHARED = resolve(process.env.CLAIMLIGHT_SHARED ?? '../shared');
const EVAL = join(SHARED, 'eval', 'checkthat');
const PAGES = join(SHARED, 'pages', 'readability');
const CANDIDATES = 10;
const TARGET_FP = 0.5 / 1000; // half the budget of 1 per 1,000, as a margin for unseen pages
const L2 = 1e-3;
// Features the decision may use. The story model leaves out bm25Self and bm25Gap, which depend on how many claims
// compete: a story pack leaves a topical sentence's candidate far ahead of anything but its own neighbours, and a
// model that weighs the gap fires on every topical sentence of a story. The pool model weighs them.
const args = process.argv.slice(2);
const POOL = args.includes('--pool');
const OUT = POOL ? 'src/match/decision-model-pool.json' : 'src/match/decision-model.json';
// Nothing is written before the end; a mistyped flag must not retrain (and overwrite) the other model.
const fail = (message: string): never => {
  console.error(`train:matcher: ${message}; ${OUT} left as it was`);
  process.exit(2);
};
if (args.some((a) => a !== '--pool')) fail(`unknown argument ${args.find((a) => a !== '--pool')} (usage: npm run train:matcher [-- --pool])`);
for (const need of [join(EVAL, 'claims.jsonl'), join(EVAL, 'train.jsonl'), join(EVAL, 'dev.jsonl'), PAGES]) {
  if (!existsSync(need)) fail(`${need} not found (set CLAIMLIGHT_SHARED to the shared/ folder)`);
}
const STORY_FEATURES = ['covBg', 'covIdf', 'queryCov', 'bits', 'terms', 'bigrams', 'numbers', 'antonyms', 'context'];
const USE = new Set(process.env.FEATURES?.split(',') ?? (POOL ? [...STORY_FEATURES, 'bm25Self', 'bm25Gap'] : STORY_FEATURES));

const jsonl = <T>(file: string): T[] => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
type Q = { id: string; text: string; relevant: string[] };


function pageSentences(train: boolean) {
  const out: Array<{ text: string; context: string; previous?: string }> = [];
  for (const page of readdirSync(PAGES).sort()) {
    if (isTrainingPage(page) !== train) continue;
    const file = join(PAGES, page, 'source.html');
    if (!existsSync(file)) continue;
    const a = extractArticle(parseHTML(readFileSync(file, 'utf8')).document as unknown as Document);
    if (!a || !/^en\b/i.test(a.lang)) continue;
    a.sentences.forEach((s, i) => out.push({ text: s.text, previous: a.sentences[i - 1]?.text, context: [a.title, a.sentences[i - 2]?.text ?? '', a.sentences[i - 1]?.text ?? ''].join(' ') }));
  }
  return out;
}

const claims = jsonl<{ id: string; text: string; title?: string; date?: string }>(join(EVAL, 'claims.jsonl'));
const index = ClaimIndex.build(claims.map((c) => ({ key: c.id, phrasings: [c.text, ...(c.title && c.title !== c.text ? [c.title] : [])], day: dayNumber(c.date) })));
const matcher = new Matcher(index, { allFeatures: true });
const train = jsonl<Q>(join(EVAL, 'train.jsonl'));
const dev = jsonl<Q>(join(EVAL, 'dev.jsonl'));
const trainPages = pageSentences(true);
const heldPages = pageSentences(false);

const X: number[][] = [];
const y: number[] = [];
const w: number[] = [];
for (const q of train) {
  for (const c of matcher.candidates({ text: q.text }, CANDIDATES)) {
    X.push(c.features.values);
    y.push(q.relevant.includes(index.keyOf(c.doc)) ? 1 : 0);
    w.push(1);
  }
}
const positives = y.filter((v) => v === 1).length;
let pageRows = 0;
for (const s of trainPages) {
  for (const c of matcher.candidates(s, 3)) {
    X.push(c.features.values);
    y.push(0);
    pageRows++;
  }
}
// Page negatives weigh as much, in all, as the query rows: silence on articles matters as much as finding claims.
const pageWeight = (X.length - pageRows) / Math.max(1, pageRows);
for (let i = w.length; i < X.length; i++) w.push(pageWeight);

const d = FEATURE_NAMES.length;
const mean = Array.from({ length: d }, (_, j) => X.reduce((s, r) => s + r[j]!, 0) / X.length);
const std = Array.from({ length: d }, (_, j) => Math.sqrt(X.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / X.length) || 1);
const Z = X.map((r) => r.map((v, j) => (USE.has(FEATURE_NAMES[j]!) ? (v - mean[j]!) / std[j]! : 0)));

// Newton's method on the weighted, L2-regularised log loss: a few exact steps, no learning rate to tune.
let beta = new Array(d + 1).fill(0);
for (let iter = 0; iter < 25; iter++) {
  const g = new Array(d + 1).fill(0);
  const H = Array.from({ length: d + 1 }, () => new Array(d + 1).fill(0));
  Z.forEach((z, i) => {
    const x = [1, ...z];
    const p = 1 / (1 + Math.exp(-x.reduce((s, v, j) => s + v * beta[j], 0)));
    const wi = w[i]!;
    for (let a = 0; a <= d; a++) {
      g[a] += wi * (p - y[i]!) * x[a]!;
      const Ha = H[a]!;
      for (let b = 0; b <= d; b++) Ha[b] = Ha[b]! + wi * p * (1 - p) * x[a]! * x[b]!;
    }
  });
  for (let a = 1; a <= d; a++) {
    g[a] += L2 * X.length * beta[a];
    H[a]![a] = H[a]![a]! + L2 * X.length;
  }
  const step = solve(H, g);
  beta = beta.map((b, j) => b - step[j]!);
  if (Math.max(...step.map(Math.abs)) < 1e-6) break;
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const pivot = M[c]!;
    for (let r = 0; r < n; r++) {
      const row = M[r]!;
      if (r === c) continue;
      const f = row[c]! / pivot[c]!;
      for (let k = c; k <= n; k++) row[k] = row[k]! - f * pivot[k]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}

const model: DecisionModel = { version: 1, features: [...FEATURE_NAMES], mean, std, weights: beta.slice(1).map((b, j) => (USE.has(FEATURE_NAMES[j]!) ? b : 0)), bias: beta[0], threshold: 0.5, trained: {} };

// The best-scoring candidate per sentence decides; pick the threshold from the training pages.
const bestScore = (m: Matcher, text: string, context?: string, previous?: string) => {
  if (!isAssertion(text)) return 0;
  return Math.max(0, ...m.candidates({ text, context, previous }, CANDIDATES).filter((c) => c.features.inSentence >= Math.min(3, index.phrasingsOf(c.doc)[c.features.phrasing]!.length)).map((c) => score(model, c.features.values)));
};
const trainPageScores = trainPages.map((s) => bestScore(matcher, s.text, s.context, s.previous)).sort((a, b) => b - a);
const allowed = Math.floor(TARGET_FP * trainPageScores.length);
model.threshold = Math.min(0.99, (trainPageScores[allowed] ?? 0) + 1e-4);

// The benchmark's pool is one pack of 14,231 claims: the pool model judges all of it. The story model is measured
// alone on it, as it was trained.
const withModel = POOL ? new Matcher(index, {}, undefined, undefined, model) : new Matcher(index, {}, undefined, model, null);
const evalQueries = (qs: Q[]) => {
  let ap = 0;
  let p1 = 0;
  let matched = 0;
  for (const q of qs) {
    const ranked = withModel.rank({ text: q.text }, 5);
    const at = ranked.findIndex((r) => q.relevant.includes(r.key));
    if (at >= 0) ap += 1 / (at + 1);
    if (at === 0) p1++;
    const b = withModel.best({ text: q.text });
    if (b && q.relevant.includes(b.key)) matched++;
  }
  return { map5: +(ap / qs.length).toFixed(3), p1: +(p1 / qs.length).toFixed(3), matched: +(matched / qs.length).toFixed(3) };
};
const fp = (pages: typeof heldPages) => pages.filter((s) => withModel.best(s)).length;
const figures = {
  train: evalQueries(train),
  dev: evalQueries(dev),
  trainPagesFalsePer1000: +((fp(trainPages) / trainPages.length) * 1000).toFixed(2),
  heldOutPagesFalsePer1000: +((fp(heldPages) / heldPages.length) * 1000).toFixed(2),
};
model.trained = {
  by: 'scripts/train-matcher.ts',
  date: new Date().toISOString().slice(0, 10),
  rows: X.length,
  positives,
  trainPageSentences: trainPages.length,
  heldOutPageSentences: heldPages.length,
  targetFalsePer1000: TARGET_FP * 1000,
  figures,
};
if (!POOL) {
  // The thresholds by pack size belong to the story model's threshold: kept until npm run calibrate:matcher redoes them.
  const previous = JSON.parse(readFileSync(OUT, 'utf8')) as DecisionModel;
  if (previous.thresholds) console.log('run npm run calibrate:matcher: the thresholds by pack size were set for the model before');
}
writeFileSync(OUT, JSON.stringify(model, null, 1) + '\n');
console.log(FEATURE_NAMES.map((n, j) => `${n}=${model.weights[j]!.toFixed(2)}`).join(' '), `bias=${model.bias.toFixed(2)}`);
console.log(`wrote ${OUT}: threshold ${model.threshold.toFixed(4)}`, JSON.stringify(figures));
