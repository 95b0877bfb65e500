// Calibrates the decision's threshold by pack size (the `thresholds` of src/match/decision-model.json). The model's
// own threshold is set on the whole CheckThat! pool (14,231 claims), where many claims compete for every sentence;
// a reader's story pack has a few dozen, and a sentence then has fewer claims to be wrongly matched to. For each
// size, the threshold is the lowest at which sentences of the *training half* of the saved pages, matched against
// packs of that size on their own page's topic (`topical-packs.ts`), give at most 0.5 false matches per 1,000, as
// the model's threshold does on the pool; never below 0.5, where the model holds a match no likelier than not, nor
// above the model's threshold, and never lower for a larger pack than for a smaller one. The held-out half is only
// measured. Run: npm run calibrate:matcher
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DecisionModel } from '../src/match/model';
import { pageTexts, ratePer1000, topicalScores, type PoolClaim } from './topical-packs';

const SHARED = resolve(process.env.CLAIMLIGHT_SHARED ?? '../shared');
const MODEL = 'src/match/decision-model.json';
const SIZES = [10, 30, 100, 300, 1000, 3000];
const TARGET = 0.5; // false matches per 1,000 sentences of the training pages
const FLOOR = 0.5;

const fail = (message: string): never => {
  console.error(`calibrate:matcher: ${message}; ${MODEL} left as it was`);
  process.exit(2);
};
if (!existsSync(join(SHARED, 'eval', 'checkthat', 'claims.jsonl'))) fail(`${join(SHARED, 'eval', 'checkthat')} not found (set CLAIMLIGHT_SHARED to the shared/ folder)`);
const claims = readFileSync(join(SHARED, 'eval', 'checkthat', 'claims.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as PoolClaim);
const pages = join(SHARED, 'pages', 'readability');
const model = JSON.parse(readFileSync(MODEL, 'utf8')) as DecisionModel;
if (!existsSync(pages)) fail(`${pages} not found`);
const train = topicalScores(claims, pageTexts(pages, 'train'), SIZES);
const heldOut = topicalScores(claims, pageTexts(pages, 'held-out'), SIZES);
if (train.get(SIZES[0]!)!.length === 0 || heldOut.get(SIZES[0]!)!.length === 0) fail(`no English article sentences in both halves of ${pages}`);

const thresholds: Array<{ claims: number; threshold: number }> = [];
let previous = FLOOR;
for (const n of SIZES) {
  const scores = train.get(n)!.filter((s) => s > 0).sort((a, b) => b - a);
  const allowed = Math.floor((TARGET / 1000) * train.get(n)!.length);
  // Just above the first score that would be one false match too many.
  const lowest = scores.length > allowed ? scores[allowed]! + 1e-6 : FLOOR;
  const t = Math.min(model.threshold, Math.max(previous, FLOOR, lowest));
  previous = t;
  thresholds.push({ claims: n, threshold: Math.round(t * 1e4) / 1e4 });
  console.log(`${String(n).padStart(5)} claims: threshold ${t.toFixed(3)}; false matches per 1,000 sentences ${ratePer1000(train.get(n)!, t).toFixed(2)} on the training pages, ${ratePer1000(heldOut.get(n)!, t).toFixed(2)} held out`);
}
model.thresholds = thresholds;
model.calibrated = {
  by: 'scripts/calibrate-threshold.ts',
  date: new Date().toISOString().slice(0, 10),
  targetFalsePer1000: TARGET,
  trainPageSentences: train.get(SIZES[0]!)!.length,
  heldOutPageSentences: heldOut.get(SIZES[0]!)!.length,
};
writeFileSync(MODEL, JSON.stringify(model, null, 1) + '\n');
console.log(`wrote ${MODEL}`);
