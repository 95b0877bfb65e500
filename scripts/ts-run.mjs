#!/usr/bin/env node
// Runs a TypeScript entry under Node: esbuild bundles it (and the src/ modules it imports) into a temporary ESM
// file, which is then imported with the remaining arguments. Used by the benchmarks and development scripts.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/ts-run.mjs FILE.ts [ARGS...]');
  process.exit(2);
}
// Inside node_modules so that the bundle's external imports resolve from the project.
const cache = resolve('node_modules/.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'claimlight-run-'));
const out = join(dir, 'entry.mjs');
await build({
  entryPoints: [resolve(entry)],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  loader: { '.json': 'json' },
});
process.argv = [process.argv[0], resolve(entry), ...rest];
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
// eslint-disable-next-line no-unsanitized/method -- the bundle this script just wrote
await import(pathToFileURL(out).href);
