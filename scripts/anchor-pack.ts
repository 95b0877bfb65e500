// A pack whose claims are sentences of the real saved pages in ../shared/pages/readability, up to five a page, for
// checking the whole reading loop in the browser on many real page structures (scripts/bench-anchor.mjs, and a third
// of the pages in test/e2e/real-pages.test.mjs). Only pages in English that the extension's gate takes for articles
// are used (the CLI's gate, which the page's own agrees with). The sentences are taken as the extension's background
// reads the page (linkedom and Readability): the first, middle and last that could be claims, and the first and last
// of those that run across inline elements (a link, an emphasis), which the page must find again across text nodes.
// Run: node scripts/ts-run.mjs scripts/anchor-pack.ts OUT.json [--every N]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { articleFromHtml } from '../src/extract/from-html';
import { looksLikeArticle } from '../src/extract/gate';
import { collapseWhitespace } from '../src/extract/sentences';
import { terms } from '../src/match/normalize';
import { isAssertion } from '../src/match/relation';

const shared = resolve(process.env.CLAIMLIGHT_SHARED ?? '../shared');
const dir = join(shared, 'pages', 'readability');
const [out, ...rest] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/ts-run.mjs scripts/anchor-pack.ts OUT.json [--every N]');
  process.exit(2);
}
if (!existsSync(dir)) {
  console.error(`no saved pages at ${dir}: set CLAIMLIGHT_SHARED to the shared folder`);
  process.exit(2);
}
const everyAt = rest.indexOf('--every');
const every = everyAt >= 0 ? Number(rest[everyAt + 1]) : 1;

/**
 * A sentence a claim could be: one the matcher reads as stating something (not a question, not "Imagine…"), long
 * enough to be one claim and short enough to be read as one.
 */
function claimable(text: string): boolean {
  const words = text.split(' ').length;
  return words >= 10 && words <= 40 && isAssertion(text) && terms(text).length >= 6;
}

/** The text of every text node under `root`, whitespace collapsed. */
function textNodes(root: Element): string[] {
  const out: string[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) out.push(collapseWhitespace(node.nodeValue ?? ''));
    else for (let c = node.firstChild; c; c = c.nextSibling) stack.push(c);
  }
  return out;
}

const slugs = readdirSync(dir)
  .filter((d) => existsSync(join(dir, d, 'source.html')))
  .sort()
  .filter((_, i) => i % every === 0);
const claims = [];
const pages: Record<string, string[]> = {};
const left = { notArticle: 0, notEnglish: 0, noSentence: 0 };
for (const slug of slugs) {
  const html = readFileSync(join(dir, slug, 'source.html'), 'utf8');
  const doc = parseHTML(html).document as unknown as Document;
  const article = looksLikeArticle(doc) ? articleFromHtml(html) : null;
  if (!article) {
    left.notArticle++;
    continue;
  }
  if (!article.lang.startsWith('en')) {
    left.notEnglish++;
    continue;
  }
  const texts = article.sentences.map((s) => s.text);
  const seen = new Map<string, number>();
  for (const t of texts) seen.set(t, (seen.get(t) ?? 0) + 1);
  // Sentences of a page: the first that could be a claim and stands once in the article, the last, and the one nearest
  // the middle.
  const ok = texts.map((t, i) => i).filter((i) => claimable(texts[i]!) && seen.get(texts[i]!) === 1);
  if (ok.length === 0) {
    left.noSentence++;
    continue;
  }
  const middle = texts.length / 2;
  const nearest = ok.reduce((a, b) => (Math.abs(b - middle) < Math.abs(a - middle) ? b : a));
  // And up to two that run across the page's inline elements (a link, an emphasis: no one text node holds them),
  // which the page has to find again across nodes.
  const nodes = textNodes(doc.body ?? doc.documentElement);
  const crossing = ok.filter((i) => !nodes.some((t) => t.includes(texts[i]!)));
  const chosen = [...new Set([ok[0]!, nearest, ok.at(-1)!, ...crossing.slice(0, 1), ...crossing.slice(-1)])];
  pages[slug] = chosen.map((i) => texts[i]!);
  for (const [n, i] of chosen.entries()) {
    claims.push({
      id: `${slug}-${n + 1}`,
      text: texts[i],
      coverage: [{ source: 'page', stance: 'supports', note: `Sentence ${i + 1} of ${texts.length} of the saved page.` }],
    });
  }
}
const pack = {
  format: 'claimlight-pack',
  version: 1,
  id: 'local-news',
  title: 'Sentences of the saved pages',
  updated: '2026-11-27T00:00:00Z',
  sources: [{ id: 'page', outlet: 'The saved page', title: 'The page itself', published: '2026-11-27', kind: 'report' }],
  claims,
};
writeFileSync(out, JSON.stringify({ pack, pages }, null, 1));
console.log(
  `${claims.length} claims from ${slugs.length} pages written to ${out}; left out: ${left.notArticle} not taken for articles, ` +
    `${left.notEnglish} not in English, ${left.noSentence} without a sentence of 10-40 words that stands once`,
);
