// The matcher's figures, printed: ranking quality and the highlight decision on the CheckThat! claim-retrieval
// benchmark (../shared/eval/checkthat, research use only, never bundled), false matches on the sentences of the
// real articles in ../shared/pages/readability, and speed.
// Run: npm run bench:match [-- --million] [-- --sweep] [-- --show]   (CLAIMLIGHT_SHARED=/path/to/shared to point elsewhere)
//   --million adds a 1,000,000-claim pack; --sweep, dev matched and false matches at other thresholds; --show, each false match.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { ClaimBase, splitKey } from '../src/claims/claim-base';
import { extractArticle } from '../src/extract/article';
import { articleFromHtml } from '../src/extract/from-html';
import { STORY_PACK_MAX } from '../src/match/matcher';
import type { Pack } from '../src/packs/types';
import { isoDay } from '../src/match/dates';
import { BUNDLED_PACKS } from '../src/packs/bundled';
import { validBundledPacks } from '../src/store/seed';
import { hedgeFigures, relationFigures, storyPackRecall } from './bench-relation';
import { scaleFigures } from './bench-scale';
import { isTrainingPage } from './page-split';
import { pageTexts, ratePer1000, topicalScores, type PoolClaim } from './topical-packs';
import shippedModel from '../src/match/decision-model.json';
import { flexSearch, miniSearch, type Library } from './bench-libraries';
import { seedPage, seedSlugs } from './seed-pages.mjs';

const SHARED = resolve(process.env.CLAIMLIGHT_SHARED ?? '../shared');
const EVAL = join(SHARED, 'eval', 'checkthat');
const PAGES = join(SHARED, 'pages', 'readability');
const K = 5;

const jsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

interface Query {
  id: string;
  text: string;
  relevant: string[];
}

/** All of claims.jsonl as one pack: the claim text, with the fact-check's headline as an alternate phrasing. */
function poolPack(): Pack {
  const claims = jsonl<PoolClaim>(join(EVAL, 'claims.jsonl'));
  return {
    format: 'claimlight-pack',
    version: 1,
    id: 'checkthat-pool',
    title: 'CheckThat! 2A pool (evaluation only)',
    updated: '2022-01-01',
    language: 'en',
    sources: [],
    claims: claims.map((c) => {
      const date = isoDay(c.date);
      return { id: c.id, text: c.text, alternates: c.title && c.title !== c.text ? [c.title] : [], coverage: [], ...(date && { date }) };
    }),
  };
}

function rankingFigures(base: ClaimBase, queries: Query[]) {
  let ap = 0;
  let p1 = 0;
  let r5 = 0;
  let matched = 0;
  const t0 = performance.now();
  const ranked = queries.map((q) => base.matcher.rank({ text: q.text }, K));
  const seconds = (performance.now() - t0) / 1000;
  queries.forEach((q, i) => {
    const ids = ranked[i]!.map((r) => splitKey(r.key).claimId);
    const at = ids.findIndex((id) => q.relevant.includes(id));
    if (at >= 0) {
      ap += 1 / (at + 1);
      r5++;
      if (at === 0) p1++;
    }
    if (at === 0 && ranked[i]![0]!.match) matched++;
  });
  const n = queries.length;
  return { map5: ap / n, p1: p1 / n, r5: r5 / n, matched: matched / n, qps: n / seconds };
}

function articleSentences(): Array<{ page: string; text: string; context: string; previous?: string }> {
  const out: Array<{ page: string; text: string; context: string; previous?: string }> = [];
  for (const page of readdirSync(PAGES).sort()) {
    const file = join(PAGES, page, 'source.html');
    if (!existsSync(file)) continue;
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    const a = extractArticle(document as unknown as Document);
    if (!a || !/^en\b/i.test(a.lang)) continue;
    a.sentences.forEach((s, i) => {
      const context = [a.title, a.sentences[i - 2]?.text ?? '', a.sentences[i - 1]?.text ?? ''].join(' ');
      out.push({ page, text: s.text, context, previous: a.sentences[i - 1]?.text });
    });
  }
  return out;
}

function falseMatches(base: ClaimBase, sentences: Array<{ page: string; text: string; context: string; previous?: string }>) {
  const hits: Array<{ page: string; text: string; claim: string; score: number }> = [];
  const t0 = performance.now();
  for (const s of sentences) {
    const b = base.matcher.best({ text: s.text, context: s.context, previous: s.previous });
    if (b) hits.push({ page: s.page, text: s.text, claim: base.claimAt(b.doc).text, score: b.score });
  }
  return { hits, ms: performance.now() - t0 };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * `--sweep`: dev queries matched and false matches on the pages at other thresholds than the shipped one, to see
 * how much the threshold alone could buy (it is set by `npm run train:matcher` on the training half of the pages).
 */
function sweepThreshold() {
  // The pool is judged by the pool model at its own threshold (a pack of 14,231 claims): lowered to 0 for the sweep.
  const options = pool.matcher.poolModel!;
  const shipped = options.threshold;
  options.threshold = 0;
  const devScores = dev.map((q) => {
    const top = pool.matcher.rank({ text: q.text }, 1)[0];
    return top?.match && q.relevant.includes(splitKey(top.key).claimId) ? top.score : -1;
  });
  const pageScores = falseMatches(pool, sentences).hits.map((h) => ({ page: h.page, score: h.score }));
  options.threshold = shipped;
  console.log('');
  console.log('threshold   dev matched   false matches per 1,000 page sentences (training half / held-out half)');
  for (const t of [...new Set([0.35, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, shipped, 0.75])].sort((a, b) => a - b)) {
    const above = pageScores.filter((h) => h.score >= t);
    const rate = (train: boolean) => (above.filter((h) => isTrainingPage(h.page) === train).length / sentences.filter((x) => isTrainingPage(x.page) === train).length) * 1000;
    console.log(`${t.toFixed(3)}${t === shipped ? '*' : ' '}      ${pct(devScores.filter((x) => x >= t).length / dev.length).padStart(6)}        ${rate(true).toFixed(2)} / ${rate(false).toFixed(2)}`);
  }
}

if (!existsSync(EVAL)) {
  console.error(`bench:match: ${EVAL} not found (set CLAIMLIGHT_SHARED to the shared/ folder)`);
  process.exit(2);
}

const t0 = performance.now();
const pool = new ClaimBase([poolPack()]);
const buildMs = performance.now() - t0;
const dev = jsonl<Query>(join(EVAL, 'dev.jsonl'));
const train = jsonl<Query>(join(EVAL, 'train.jsonl'));
const devFig = rankingFigures(pool, dev);
const trainFig = rankingFigures(pool, train);
const poolClaims = jsonl<PoolClaim>(join(EVAL, 'claims.jsonl'));
function libraryRanking(lib: Library, queries: Query[]) {
  lib.build(poolClaims.map((c) => ({ id: c.id, text: c.text, title: c.title ?? '' })));
  let ap = 0;
  let p1 = 0;
  let r5 = 0;
  const t0 = performance.now();
  const ranked = queries.map((q) => lib.search(q.text, K));
  const seconds = (performance.now() - t0) / 1000;
  queries.forEach((q, i) => {
    const at = ranked[i]!.findIndex((id) => q.relevant.includes(id));
    if (at >= 0) {
      ap += 1 / (at + 1);
      r5++;
      if (at === 0) p1++;
    }
  });
  const n = queries.length;
  return { map5: ap / n, p1: p1 / n, r5: r5 / n, qps: n / seconds };
}
const libs = [miniSearch(), flexSearch()].map((lib) => ({ name: lib.name, f: libraryRanking(lib, dev) }));
const sentences = articleSentences();
const poolFalse = falseMatches(pool, sentences);
const seedBase = new ClaimBase(validBundledPacks(BUNDLED_PACKS));
const seedFalse = falseMatches(seedBase, sentences);

/**
 * The four seed pages' highlights, as a reader's extension finds them: with the bundled pack alone, and with the pool
 * installed beside it (a large subscription), where the pool's claims are judged by the pool model and the story's by
 * the story model. Each is `[matched sentences, of them to a claim of the bundled pack]`.
 */
async function seedHighlights(base: ClaimBase): Promise<[number, number]> {
  let matched = 0;
  let bundled = 0;
  for (const slug of seedSlugs()) {
    const a = articleFromHtml(seedPage(slug)!)!;
    const found = await base.matchSentences(a.sentences, { title: a.title, published: a.published });
    matched += found.length;
    bundled += found.filter((m) => BUNDLED_PACKS.some((p) => (p as Pack).id === m.claim.packId)).length;
  }
  return [matched, bundled];
}
const seedsAlone = await seedHighlights(seedBase);
const seedsBeside = await seedHighlights(new ClaimBase([...validBundledPacks(BUNDLED_PACKS), poolPack()]));

console.log(`Claimlight matcher benchmark (pool model, for packs of more than ${STORY_PACK_MAX} claims: threshold ${pool.matcher.poolModel!.threshold.toFixed(3)}; story model: ${pool.matcher.model.threshold.toFixed(3)}, lower for smaller packs)`);
console.log(`pool: ${pool.size} claims from ${EVAL}, index built in ${buildMs.toFixed(0)} ms`);
console.log('');
console.log(`ranking (k=${K})        MAP@5   P@1    Recall@5  matched at threshold  queries/s`);
for (const [name, f, n] of [['dev', devFig, dev.length], ['train', trainFig, train.length]] as const) {
  console.log(`${`${name} (${n} queries)`.padEnd(22)} ${f.map5.toFixed(4)}  ${f.p1.toFixed(3)}  ${f.r5.toFixed(3)}     ${pct(f.matched).padStart(6)}                ${f.qps.toFixed(0)}`);
}
for (const { name, f } of libs) {
  console.log(`${`dev, ${name}`.padEnd(22)} ${f.map5.toFixed(3)}   ${f.p1.toFixed(3)}  ${f.r5.toFixed(3)}          -                ${f.qps.toFixed(0)}`);
}
console.log('');
console.log(`false matches on ${sentences.length} sentences of the English articles in ${PAGES}:`);
const per1000 = (hits: Array<{ page: string }>, train: boolean) => {
  const n = sentences.filter((s) => isTrainingPage(s.page) === train).length;
  return `${((hits.filter((h) => isTrainingPage(h.page) === train).length / n) * 1000).toFixed(2)} on the ${n} sentences of the ${train ? 'training' : 'held-out'} half`;
};
console.log(`  against the pool:             ${poolFalse.hits.length} (${(poolFalse.hits.length / sentences.length * 1000).toFixed(2)} per 1,000 sentences; ${per1000(poolFalse.hits, true)}, ${per1000(poolFalse.hits, false)}), ${(sentences.length / (poolFalse.ms / 1000)).toFixed(0)} sentences/s`);
console.log(`  against the bundled packs:    ${seedFalse.hits.length} (${(seedFalse.hits.length / sentences.length * 1000).toFixed(2)} per 1,000 sentences)`);
console.log(`the four seed pages' highlights: ${seedsAlone[0]} with the bundled pack alone; ${seedsBeside[0]} with the pool beside it (${seedsBeside[1]} of them the bundled pack's claims)`);
const calibrated = shippedModel.thresholds ?? [];
if (calibrated.length > 0) {
  // The thresholds by pack size (npm run calibrate:matcher sets them on the training half): checked on the other.
  const held = topicalScores(poolClaims, pageTexts(PAGES, 'held-out'), calibrated.map((t) => t.claims));
  console.log(`  against story packs on each held-out page's own topic (pool claims; thresholds by pack size, npm run calibrate:matcher):`);
  for (const { claims, threshold } of calibrated) {
    const scores = held.get(claims)!;
    console.log(`    ${String(claims).padStart(5)} claims, threshold ${threshold.toFixed(3)}: ${ratePer1000(scores, threshold).toFixed(2)} per 1,000 of ${scores.length} sentences`);
  }
}
const rel = relationFigures();
console.log('');
console.log(`relation (asserts/denies) on ${rel.n} labelled pairs, ${rel.denials} denials (test/relation): ${pct(rel.accuracy)} right; asserts ${pct(rel.asserts)}, denies ${pct(rel.denies)} (a development set: see its README)`);
const hedges = hedgeFigures();
console.log(`hedges (asserts, or only suggests) on ${hedges.n} sentences, ${hedges.hedged} hedged (test/relation/hedges.jsonl): ${pct(hedges.accuracy)} right; precision ${pct(hedges.precision)}, recall ${pct(hedges.recall)} (a development set since its first run: see its README)`);
const story = storyPackRecall();
console.log(`the same ${story.n} sentences against a story pack of their ${story.claims} claims (no alternates): ${story.own} matched to their own claim (${pct(story.own / story.n)}), ${story.other} to another`);
console.log('');
console.log('scale (synthetic packs from the pool; a 200-sentence article of real page sentences):');
const sizes = process.argv.includes('--million') ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];
for (const f of scaleFigures(sizes, [miniSearch, flexSearch])) {
  console.log(`  ${f.name.padEnd(10)} ${String(f.n).padStart(9)} claims: built in ${f.buildMs.toFixed(0)} ms, ${f.storedMB.toFixed(1)} MB stored, ${f.memoryMB.toFixed(1)} MB in memory, loaded in ${f.loadMs.toFixed(0)} ms, 200 sentences in ${f.matchMs.toFixed(0)} ms`);
}
if (process.argv.includes('--sweep')) sweepThreshold();
if (process.argv.includes('--show')) {
  for (const h of [...poolFalse.hits, ...seedFalse.hits]) console.log(`  ${h.score.toFixed(2)} [${h.page}] ${h.text.slice(0, 100)}\n        -> ${h.claim.slice(0, 100)}`);
}
