// Bundles the command-line tool (src/cli) with its dependencies into dist/cli.mjs for bin/claimlight.mjs.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // linkedom pulls in CommonJS modules that call require().
  banner: { js: "import { createRequire as __claimlightRequire } from 'node:module'; const require = __claimlightRequire(import.meta.url);" },
});
