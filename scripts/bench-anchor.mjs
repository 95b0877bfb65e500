// The reading loop on real page structures, in Chromium with the built extension: a pack whose claims are sentences
// of the saved pages in ../shared/pages/readability (up to five a page: the first, middle and last that could be
// claims, and two that run across inline elements, of each English page the gate takes for an article:
// scripts/anchor-pack.ts) is subscribed to on the options
// page, as a reader would; then each page is opened and what the reader sees is compared with the sentences its
// claims were taken from (test/e2e/real-pages.mjs). Prints each sentence not shown right and what went wrong, and then
// how many sentences
//   shown     are highlighted, exactly (whitespace aside)
//   other     are not, but a highlight begins or ends as they do (a range cut short or run on)
//   found     are not, while the toolbar button counts claims on the page (the sentence not found again)
//   missed    are not, on a page with no count at all (not read as an article in the browser, or nothing matched)
// With --firefox, the same in Firefox ESR with the Firefox build (which counts no `found`: its button is not read).
// Run: npm run build && npm run bench:anchor [-- --every N] [-- --only slug,slug]
//      npm run build:firefox && npm run bench:anchor -- --firefox
import { launch, startServer } from '../test/e2e/harness.mjs';
import { launchFirefox, poll, UUID } from '../test/e2e/firefox-harness.mjs';
import { startPackServer } from '../test/e2e/pack-server.mjs';
import { anchorPack, look, lookFirefox, REFUSE_REMOTE, subscribe, subscribeFirefox } from '../test/e2e/real-pages.mjs';

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const only = arg('only')?.split(',');
const firefox = process.argv.includes('--firefox');

const { pack, pages, note } = anchorPack(Number(arg('every') ?? 1));
console.log(note);
const server = await startServer();
const publisher = await startPackServer();
const browser = firefox ? await launchFirefox(REFUSE_REMOTE) : await launch();
const counts = { shown: 0, other: 0, found: 0, missed: 0 };
const slugs = Object.keys(pages).filter((s) => !only || only.includes(s));
const t0 = performance.now();
try {
  if (firefox) await subscribeFirefox(browser, publisher, pack, poll, UUID);
  else await subscribe(browser, publisher, pack);
  const page = firefox ? await browser.newPage() : await browser.context.newPage();
  for (const slug of slugs) {
    const seen = firefox ? lookFirefox(page, server.origin, slug, pages[slug], poll) : look(browser, server.origin, page, slug, pages[slug]);
    for (const verdict of await seen) {
      counts[verdict.kind]++;
      if (verdict.kind !== 'shown') console.log(`${slug}: ${verdict.kind}${verdict.detail ? ` (${verdict.detail})` : ''}\n  claim: ${verdict.sentence}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
  await publisher.close();
}
const n = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(`\n${firefox ? 'Firefox: ' : ''}${n} sentences of ${slugs.length} real pages, each a claim (${((performance.now() - t0) / 1000).toFixed(0)} s):`);
console.log(`  shown   ${counts.shown}  highlighted exactly`);
console.log(`  other   ${counts.other}  a highlight begins or ends as it does, but is not it`);
console.log(`  found   ${counts.found}  not painted, while the button counts claims on the page`);
console.log(`  missed  ${counts.missed}  not painted, and no count on the page`);
