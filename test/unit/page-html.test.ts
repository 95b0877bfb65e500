// @vitest-environment happy-dom
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageHtml, pageHtmlInSlices, pagePieces, PIECE_ELEMENTS } from '../../src/content/page-html';
import { SLICE_MS } from '../../src/util/tasks';
import { articleFromHtml } from '../../src/extract/from-html';
import { elementAt } from '../../src/util/dom';
import { readShared, SHARED } from './helpers';

// A DOM with the browser's shape (accessors on the prototypes), as the content script sees one.
const docOf = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the page HTML the content script sends', () => {
  it('keeps what the background reads of the head and drops its CSS and scripts', () => {
    const html = pageHtml(
      docOf(`<!doctype html><html lang="en-GB" data-x='a"b&c'><head>
        <title>Meta and open models</title><meta name="author" content="A. Writer">
        <style>body { color: red }</style><script>var tracking = 1;</script>
        <link rel="stylesheet" href="/site.css"><link rel="canonical" href="https://news.example/meta">
        <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-07-15"}</script>
      </head><body><article><p>First paragraph.</p><style>p { margin: 0 }</style></article></body></html>`),
    );
    expect(html).toMatch(/^<html lang="en-GB" data-x="a&quot;b&amp;c"><head>/);
    expect(html).toContain('<title>Meta and open models</title>');
    expect(html).toContain('<meta name="author" content="A. Writer">');
    expect(html).toContain('rel="canonical"');
    expect(html).toContain('"datePublished":"2025-07-15"');
    expect(html).not.toContain('color: red');
    expect(html).not.toContain('tracking');
    expect(html).not.toContain('site.css');
    // The body, with little code or CSS in it, goes whole.
    expect(html).toContain('<body><article><p>First paragraph.</p><style>p { margin: 0 }</style></article></body></html>');
  });

  it('empties the scripts and styles of a body heavy with them but keeps them in place, and keeps its JSON-LD', () => {
    const doc = docOf(`<html><head><title>T</title></head><body><div id="a"><script>var ads = "${'x'.repeat(70_000)}";</script><p class="lead">Tom &amp; Jerry&nbsp;<b>met</b> &lt;here&gt;.</p><!-- note --></div>
      <script type="application/ld+json">{"@type":"NewsArticle","author":"A. Writer"}</script><section><style>p { color: red }</style><p>Second.</p><svg><script>1</script></svg></section></body></html>`);
    const html = pageHtml(doc);
    expect(html).not.toContain('ads');
    expect(html).not.toContain('color: red');
    expect(html).toContain('"author":"A. Writer"');
    const sent = docOf(html);
    // Every element where it stood, so that a path from <body> leads to the same paragraph on both sides.
    const shape = (d: Document) => [...d.body.querySelectorAll('*')].map((e) => `${e.localName}:${[...e.parentElement!.children].indexOf(e)}`);
    expect(shape(sent)).toEqual(shape(doc));
    // And the same text, but the code and the CSS.
    for (const code of doc.querySelectorAll('style, script:not([type="application/ld+json"])')) code.textContent = '';
    expect(sent.body.textContent).toBe(doc.body.textContent);
    expect(sent.querySelector('p.lead')!.innerHTML).toBe(doc.querySelector('p.lead')!.innerHTML);
  });

  it('serialises a heavy page in slices, the page running between them, and stops when the read is ended or it grows too large', async () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `<p>Paragraph ${i}.</p>`).join('\n');
    const doc = docOf(`<html><head><title>T</title></head><body><script>var ads = "${'x'.repeat(70_000)}";</script><main>${paragraphs}<script></script></main></body></html>`);
    // A clock that moves a millisecond each time it is read: a slice ends every SLICE_MS readings.
    let t = 0;
    const win = { performance: { now: () => t++ }, MessageChannel } as unknown as Window & typeof globalThis;
    const slices: Array<[number, number]> = [];
    const html = await pageHtmlInSlices(doc, win, new AbortController().signal, (start, end) => slices.push([start, end]));
    expect(html).toBe(pageHtml(doc));
    expect(slices.length).toBeGreaterThan(2);
    for (const [start, end] of slices.slice(0, -1)) expect(end - start).toBe(SLICE_MS);

    const ended = new AbortController();
    const cut = await pageHtmlInSlices(doc, win, ended.signal, () => ended.abort());
    expect(cut).toBe('');
    // Nor is a page followed past the size the background takes.
    expect(await pageHtmlInSlices(doc, win, new AbortController().signal, () => {}, html.length - 1)).toBe('');
    expect(await pageHtmlInSlices(doc, win, new AbortController().signal, () => {}, html.length)).toBe(html);
  });

  it('writes a large body in pieces of a bounded size that make up the same page', () => {
    const paragraph = (i: number) => `<p class="p" data-note='say "${i}" &amp; more'>Tom &amp; Jerry&nbsp;<b>met</b> &lt;here&gt; ${i}.<!-- c${i} --></p>`;
    const section = (n: number) => `<section><h2>Part ${n}</h2><div>${Array.from({ length: 600 }, (_, i) => paragraph(n * 1000 + i)).join('\n')}</div></section>`;
    const doc = docOf(`<html><head><title>T</title></head><body><div id="page">${[1, 2, 3].map(section).join('')}<svg viewBox="0 0 1 1"><linearGradient id="g"></linearGradient></svg><script>var small = 1;</script></div></body></html>`);
    const pieces = [...pagePieces(doc)];
    const html = pieces.join('');
    // Parsed again, the body is the live one, node for node.
    expect(docOf(html).body.outerHTML).toBe(doc.body.outerHTML);
    expect(html).toContain('var small = 1;');
    // No piece holds more than PIECE_ELEMENTS elements: the whole body holds 3,600.
    const elements = (piece: string) => (piece.match(/<[a-z]/gi) ?? []).length;
    expect(doc.body.getElementsByTagName('*').length).toBeGreaterThan(8 * PIECE_ELEMENTS);
    expect(Math.max(...pieces.map(elements))).toBeLessThanOrEqual(PIECE_ELEMENTS + 1);
    // A small body is still one piece, the browser's own.
    expect([...pagePieces(docOf('<html><head></head><body><p>One.</p></body></html>'))]).toContain('<body><p>One.</p></body>');
  });

  // Every fifth saved page: what Readability makes of the cut-down page is what it makes of the whole one.
  const slugs = readdirSync(join(SHARED, 'pages', 'readability'))
    .sort()
    .filter((_, i) => i % 5 === 0);
  it.each(slugs)('reads %s as it reads the whole page', (slug) => {
    const full = readShared('pages', 'readability', slug, 'source.html');
    const cut = pageHtml(docOf(full));
    const whole = articleFromHtml(protoOuter(docOf(full)));
    expect(cut.startsWith('<html')).toBe(true);
    if (/<style/i.test(full.slice(0, full.search(/<\/head>/i)))) expect(cut.length).toBeLessThan(protoOuter(docOf(full)).length);
    expect(articleFromHtml(cut)).toEqual(whole);
  });

  // The background says where each sentence's paragraph stands, so that the page walks that paragraph only.
  it('leads back from nearly every sentence to the paragraph that holds it on the live page', () => {
    let sentences = 0;
    let found = 0;
    for (const slug of slugs) {
      const live = docOf(readShared('pages', 'readability', slug, 'source.html'));
      const article = articleFromHtml(pageHtml(live));
      for (const s of article?.sentences ?? []) {
        sentences++;
        const path = article!.anchors?.[s.block];
        const el = path && elementAt(live.body, path);
        if (el && el.textContent!.replace(/\s+/g, ' ').includes(s.text)) found++;
      }
    }
    // Measured: 99.6% of the sentences of all 105 pages (linkedom on both sides); the rest are searched page-wide.
    expect(sentences).toBeGreaterThan(1000);
    expect(found / sentences).toBeGreaterThan(0.9);
  });
});

/** What the content script sent before: the root's whole outerHTML. */
function protoOuter(doc: Document): string {
  return doc.documentElement.outerHTML;
}
