import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { looksLikeArticle } from '../../src/extract/gate';
import { ROOT, SHARED } from './helpers';

const dom = (html: string) => parseHTML(html).document as unknown as Document;
/** Readability's own check, with the options the gate stands for. */
const readabilitySays = (doc: Document) => isProbablyReaderable(doc, { minContentLength: 140, minScore: 20 });

const words = (n: number) => 'word '.repeat(n).trimEnd();
/** A paragraph whose trimmed text is `n` characters long ("word word … wo"), inside whitespace. */
const para = (n: number, attrs = '') => `<p${attrs}>\n   ${words(Math.ceil(n / 5)).slice(0, n)}  \n</p>`;

describe('the gate', () => {
  it('answers as Readability does on every saved real page', () => {
    const dir = join(SHARED, 'pages', 'readability');
    const answers = { article: 0, other: 0 };
    for (const slug of readdirSync(dir)) {
      const file = join(dir, slug, 'source.html');
      if (!existsSync(file)) continue;
      const doc = dom(readFileSync(file, 'utf8'));
      const expected = readabilitySays(doc);
      expect(looksLikeArticle(doc), slug).toBe(expected);
      answers[expected ? 'article' : 'other']++;
    }
    // Both answers occur, so the comparison is of more than one kind of page.
    expect(answers.article).toBeGreaterThan(80);
    expect(answers.other).toBeGreaterThan(0);
  });

  it('answers as Readability does on our fixtures', () => {
    for (const name of ['city-news.html', 'not-article.html']) {
      const doc = dom(readFileSync(join(ROOT, 'test', 'fixtures', 'pages', name), 'utf8'));
      expect(looksLikeArticle(doc), name).toBe(readabilitySays(doc));
    }
    expect(looksLikeArticle(dom(readFileSync(join(ROOT, 'test', 'fixtures', 'pages', 'city-news.html'), 'utf8')))).toBe(true);
  });

  it('passes a page at the same length as Readability, whitespace around the text not counted', () => {
    // One paragraph passes alone at 541 characters (√401 > 20), not at 540 (√400 = 20).
    for (const n of [139, 140, 400, 540, 541, 542, 2000]) {
      const doc = dom(`<html><body>${para(n)}</body></html>`);
      expect(looksLikeArticle(doc), `${n}`).toBe(readabilitySays(doc));
    }
    expect(looksLikeArticle(dom(`<html><body>${para(540)}</body></html>`))).toBe(false);
    expect(looksLikeArticle(dom(`<html><body>${para(541)}</body></html>`))).toBe(true);
    // Two paragraphs add up: √(240 − 140) + √(400 − 140) = 10 + 16.1.
    const two = dom(`<html><body>${para(240)}${para(400)}</body></html>`);
    expect(looksLikeArticle(two)).toBe(true);
    expect(readabilitySays(two)).toBe(true);
  });

  it('reads text split over many nodes as one, and an <article> as soon as it has enough', () => {
    const split = `<p>  <b>${words(30)}</b> <i> ${words(30)} </i>\n<span>${words(50)}</span> </p>`;
    for (const html of [split, `<article>\n<h1>Title</h1>${para(200)}${para(200)}${para(200)}</article>`, `<article>${para(200)}</article>`]) {
      const doc = dom(`<html><body>${html}</body></html>`);
      expect(looksLikeArticle(doc), html.slice(0, 40)).toBe(readabilitySays(doc));
    }
  });

  it('leaves out what Readability leaves out: hidden, unlikely, list paragraphs; and counts <div>s of <br>s', () => {
    const cases = [
      `<p style="display: none">${words(200)}</p>`,
      `<p hidden>${words(200)}</p>`,
      `<p aria-hidden="true">${words(200)}</p>`,
      `<p aria-hidden="true" class="fallback-image">${words(200)}</p>`,
      `<p class="sidebar">${words(200)}</p>`,
      `<p class="sidebar main">${words(200)}</p>`,
      `<ul><li><p>${words(200)}</p></li></ul>`,
      `<div>${words(60)}<br>${words(60)}<br></div>`,
      `<pre>${words(200)}</pre>`,
    ];
    const answers = cases.map((html) => {
      const doc = dom(`<html><body>${html}</body></html>`);
      expect(looksLikeArticle(doc), html.slice(0, 50)).toBe(readabilitySays(doc));
      return looksLikeArticle(doc);
    });
    expect(answers).toEqual([false, false, false, true, false, true, false, true, true]);
  });
});
