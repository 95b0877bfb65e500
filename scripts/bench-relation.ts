// Accuracy of the asserts/denies reading on the labelled pairs in test/relation/pairs.jsonl.
// Run: node scripts/ts-run.mjs scripts/bench-relation.ts [--show]   (also printed by npm run bench:match)
import { readFileSync } from 'node:fs';
import { relationOf } from '../src/match/relation';

export interface RelationPair {
  sentence: string;
  claim: string;
  relation: 'asserts' | 'denies';
  source: string;
}

export function relationFigures(file = 'test/relation/pairs.jsonl') {
  const pairs = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as RelationPair);
  const wrong = pairs.filter((p) => relationOf(p.sentence, p.claim) !== p.relation);
  const acc = (rel: string) => {
    const of = pairs.filter((p) => p.relation === rel);
    return of.filter((p) => !wrong.includes(p)).length / of.length;
  };
  return { n: pairs.length, denials: pairs.filter((p) => p.relation === 'denies').length, accuracy: 1 - wrong.length / pairs.length, asserts: acc('asserts'), denies: acc('denies'), wrong };
}

if (process.argv[1]?.endsWith('bench-relation.ts')) {
  const f = relationFigures();
  console.log(`relation: ${(f.accuracy * 100).toFixed(1)}% of ${f.n} pairs (${f.denials} denials); asserts ${(f.asserts * 100).toFixed(1)}%, denies ${(f.denies * 100).toFixed(1)}%`);
  if (process.argv.includes('--show')) for (const p of f.wrong) console.log(`  expected ${p.relation}: ${p.sentence}\n      claim: ${p.claim}`);
}
