#!/usr/bin/env node
// The claimlight command. Its code is bundled from src/cli by `npm run build:cli` (run on install).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('claimlight: the CLI is not built yet; run `npm run build:cli` in the repository\n');
  process.exit(2);
}
// eslint-disable-next-line no-unsanitized/method -- our own bundle, a fixed path
await import(bundle.href);
