// Writes a pack of N synthetic claims (from the CheckThat! pool, as scripts/bench-scale.ts makes them) for
// benchmarks. Research data: the file is for local measurement only, never bundled or published.
// Run: node scripts/ts-run.mjs scripts/make-synthetic-pack.ts N OUT.json
import { writeFileSync } from 'node:fs';
import { synthesise } from './bench-scale';

const n = Number(process.argv[2] ?? 100_000);
const out = process.argv[3] ?? 'synthetic-pack.json';
const claims = synthesise(n).map((c, i) => ({
  id: `c${i}`,
  text: c.phrasings[0]!,
  alternates: c.phrasings.slice(1),
  coverage: [{ source: 's1', stance: i % 3 === 0 ? 'refutes' : 'supports' }],
}));
writeFileSync(
  out,
  JSON.stringify({ format: 'claimlight-pack', version: 1, id: 'synthetic', title: `Synthetic ${n}`, updated: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), sources: [{ id: 's1', outlet: 'Benchmark' }], claims }),
);
console.log(`wrote ${out}: ${n} claims`);
