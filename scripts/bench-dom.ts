// Measures the DOM implementations the CLI could use, on the real pages in ../shared/pages/readability: time to
// parse and extract the article, and how often Readability's title and byline come out as its own test suite
// expects. Run: node scripts/ts-run.mjs scripts/bench-dom.ts
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { extractArticle } from '../src/extract/article';

const dir = resolve(process.env.CLAIMLIGHT_SHARED ?? '../shared', 'pages', 'readability');
const pages = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'source.html')));

const doms: Record<string, (html: string) => { doc: Document; close(): void }> = {
  linkedom: (html) => ({ doc: parseHTML(html).document as unknown as Document, close() {} }),
  'happy-dom': (html) => {
    const w = new Window({ url: 'https://example.com/', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
    // eslint-disable-next-line no-unsanitized/method -- a DOM in Node with scripts disabled, for measurement
    w.document.write(html);
    return { doc: w.document as unknown as Document, close: () => void w.happyDOM.close() };
  },
};

for (const [name, make] of Object.entries(doms)) {
  let ms = 0;
  let titles = 0;
  let bylines = 0;
  let failed = 0;
  let articles = 0;
  for (const p of pages) {
    const html = readFileSync(join(dir, p, 'source.html'), 'utf8');
    const expected = JSON.parse(readFileSync(join(dir, p, 'expected-metadata.json'), 'utf8'));
    const t0 = performance.now();
    try {
      const { doc, close } = make(html);
      const a = extractArticle(doc);
      close();
      ms += performance.now() - t0;
      if (a) articles++;
      if (a && a.title === (expected.title ?? '')) titles++;
      if (a && (a.byline ?? null) === (expected.byline ?? null)) bylines++;
    } catch {
      failed++;
    }
  }
  console.log(`${name.padEnd(10)} ${pages.length} pages: ${(ms / pages.length).toFixed(1)} ms/page, articles ${articles}, titles as expected ${titles}, bylines ${bylines}, threw ${failed}`);
}
