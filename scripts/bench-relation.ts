// Accuracy of the asserts/denies reading on the labelled pairs in test/relation/pairs.jsonl, and how many of their
// sentences a small story pack matches at all.
// Run: node scripts/ts-run.mjs scripts/bench-relation.ts [--show]   (also printed by npm run bench:match)
import { readFileSync } from 'node:fs';
import { ClaimBase } from '../src/claims/claim-base';
import { relationOf } from '../src/match/relation';
import type { Pack } from '../src/packs/types';

export interface RelationPair {
  sentence: string;
  claim: string;
  relation: 'asserts' | 'denies';
  source: string;
}

const readPairs = (file: string): RelationPair[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RelationPair);

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

if (process.argv[1]?.endsWith('bench-relation.ts')) {
  const f = relationFigures();
  console.log(`relation: ${(f.accuracy * 100).toFixed(1)}% of ${f.n} pairs (${f.denials} denials); asserts ${(f.asserts * 100).toFixed(1)}%, denies ${(f.denies * 100).toFixed(1)}%`);
  if (process.argv.includes('--show')) for (const p of f.wrong) console.log(`  expected ${p.relation}: ${p.sentence}\n      claim: ${p.claim}`);
}
