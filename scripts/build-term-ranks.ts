// Regenerates src/match/term-ranks.json: word stems in order of how common they are in English (Wikipedia word
// counts from the popular-english-words package), through the matcher's own normaliser. The matcher weighs a
// term by how rare it is in general English, so that its decision does not depend on the size of a pack.
// Run: node scripts/ts-run.mjs scripts/build-term-ranks.ts
import { writeFileSync } from 'node:fs';
import { words } from 'popular-english-words';
import { terms } from '../src/match/normalize';

const LIMIT = 60_000; // words beyond this are rare enough to get the maximum weight anyway

const seen = new Set<string>();
const ranked: string[] = [];
for (const word of (words as { getMostPopular(n: number): string[] }).getMostPopular(LIMIT)) {
  for (const t of terms(word)) {
    if (!seen.has(t)) {
      seen.add(t);
      ranked.push(t);
    }
  }
}
// Sorted as the weights search them (src/match/weights.ts, `RankTable`), each with its rank.
const order = ranked.map((_, i) => i).sort((a, b) => (ranked[a]! < ranked[b]! ? -1 : ranked[a]! > ranked[b]! ? 1 : 0));
writeFileSync('src/match/term-ranks.json', JSON.stringify({ words: order.map((i) => ranked[i]), ranks: order.map((i) => i + 1) }) + '\n');
console.log(`${ranked.length} stems from the ${LIMIT} most common words`);
