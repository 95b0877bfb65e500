// Accuracy of the asserts/denies reading on the labelled pairs in test/relation/pairs.jsonl, how many of their
// sentences a small story pack matches at all, and the hedge reading (asserts or only suggests) on
// test/relation/hedges.jsonl.
// Run: node scripts/ts-run.mjs scripts/bench-relation.ts [--show]   (also printed by npm run bench:match)
import { readFileSync } from 'node:fs';
import { ClaimBase } from '../src/claims/claim-base';
import { isHedged, relationOf } from '../src/match/relation';
import type { Pack } from '../src/packs/types';

export interface RelationPair {
  sentence: string;
  claim: string;
  relation: 'asserts' | 'denies';
  source: string;
}

/**
 * The rows of a labelled set, one JSON object a line, each checked by `valid`: a bad line is named (file and line),
 * not read as a row with missing fields.
 */
export function readRows<T>(file: string, valid: (row: Record<string, unknown>) => boolean, shape: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), at: i + 1 }))
    .filter(({ line }) => line)
    .map(({ line, at }) => {
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch (e) {
        throw new Error(`${file}:${at}: not JSON (${(e as Error).message})`);
      }
      if (typeof row !== 'object' || row === null || !valid(row as Record<string, unknown>)) throw new Error(`${file}:${at}: needs ${shape}`);
      return row as T;
    });
}

const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';

const readPairs = (file: string) =>
  readRows<RelationPair>(file, (r) => isText(r.sentence) && isText(r.claim) && isText(r.source) && (r.relation === 'asserts' || r.relation === 'denies'), '"sentence", "claim", "source" and "relation" (asserts or denies)');

export function relationFigures(file = 'test/relation/pairs.jsonl') {
  const pairs = readPairs(file);
  const wrong = pairs.filter((p) => relationOf(p.sentence, p.claim) !== p.relation);
  const acc = (rel: string) => {
    const of = pairs.filter((p) => p.relation === rel);
    return of.filter((p) => !wrong.includes(p)).length / of.length;
  };
  return { n: pairs.length, denials: pairs.filter((p) => p.relation === 'denies').length, accuracy: 1 - wrong.length / pairs.length, asserts: acc('asserts'), denies: acc('denies'), wrong };
}

/** A pack of the given claims, each its text alone (ids c0, c1, … in order), as a story pack of a benchmark. */
export function storyPack(id: string, title: string, claims: string[]): Pack {
  return {
    format: 'claimlight-pack',
    version: 1,
    id,
    title,
    updated: '2026-11-26',
    language: 'en',
    sources: [],
    claims: claims.map((text, i) => ({ id: `c${i}`, text, alternates: [], coverage: [] })),
  };
}

/**
 * The pairs' sentences as article sentences, against one pack made of the set's claims (each its text alone, no
 * alternates): how many are matched to the claim they were written about, how many to another. Every sentence
 * speaks of its claim, one way or the other, so this is recall on news-style sentences with a story-sized pack,
 * where the CheckThat! figures are recall on tweets against a pool of 14,231.
 */
export function storyPackRecall(file = 'test/relation/pairs.jsonl') {
  const pairs = readPairs(file);
  const claims = [...new Set(pairs.map((p) => p.claim))];
  const base = new ClaimBase([storyPack('relation-pairs', 'The relation set\'s claims', claims)]);
  let own = 0;
  let other = 0;
  for (const p of pairs) {
    const best = base.matcher.best({ text: p.sentence });
    if (!best) continue;
    if (base.claimAt(best.doc).text === p.claim) own++;
    else other++;
  }
  return { n: pairs.length, claims: claims.length, own, other };
}

export interface HedgePair {
  sentence: string;
  claim: string;
  /** Whether the sentence only puts the claim forward as a possibility ("could close", "appears to be moving"). */
  hedged: boolean;
  source: string;
}

/** The hedge reading on sentences that state their claim, some firmly and some as a possibility. */
export function hedgeFigures(file = 'test/relation/hedges.jsonl') {
  const pairs = readRows<HedgePair>(file, (r) => isText(r.sentence) && isText(r.claim) && isText(r.source) && typeof r.hedged === 'boolean', '"sentence", "claim", "source" and "hedged" (true or false)');
  const read = pairs.map((p) => ({ ...p, read: isHedged(p.sentence, p.claim) }));
  const flagged = read.filter((p) => p.read);
  const hedged = read.filter((p) => p.hedged);
  return {
    n: pairs.length,
    hedged: hedged.length,
    accuracy: read.filter((p) => p.read === p.hedged).length / pairs.length,
    /** Of the sentences read as suggesting, the share that do. */
    precision: flagged.length ? flagged.filter((p) => p.hedged).length / flagged.length : 1,
    /** Of the sentences that suggest, the share read so. */
    recall: hedged.length ? hedged.filter((p) => p.read).length / hedged.length : 1,
    wrong: read.filter((p) => p.read !== p.hedged),
  };
}

if (process.argv[1]?.endsWith('bench-relation.ts')) {
  const f = relationFigures();
  console.log(`relation: ${(f.accuracy * 100).toFixed(1)}% of ${f.n} pairs (${f.denials} denials); asserts ${(f.asserts * 100).toFixed(1)}%, denies ${(f.denies * 100).toFixed(1)}%`);
  if (process.argv.includes('--show')) for (const p of f.wrong) console.log(`  expected ${p.relation}: ${p.sentence}\n      claim: ${p.claim}`);
  const h = hedgeFigures();
  console.log(`hedges: ${(h.accuracy * 100).toFixed(1)}% of ${h.n} sentences (${h.hedged} hedged); precision ${(h.precision * 100).toFixed(1)}%, recall ${(h.recall * 100).toFixed(1)}%`);
  if (process.argv.includes('--show')) for (const p of h.wrong) console.log(`  expected ${p.hedged ? 'hedged' : 'firm'}: ${p.sentence}\n      claim: ${p.claim}`);
}
