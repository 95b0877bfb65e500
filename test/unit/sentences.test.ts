import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockTexts, CONTEXT_CHARS, sentencesOf, splitSentences } from '../../src/extract/sentences';
import { extractArticle, looksLikeArticle } from '../../src/extract/article';
import { readShared } from './helpers';

const dom = (html: string) => parseHTML(html).document as unknown as Document;

describe('sentences', () => {
  it('splits on sentence ends but not after common abbreviations', () => {
    expect(splitSentences('Sen. Smith said no. The U.S. economy grew 2.5% in 2024. Really? Yes!')).toEqual([
      'Sen. Smith said no.',
      'The U.S. economy grew 2.5% in 2024.',
      'Really?',
      'Yes!',
    ]);
  });

  it('keeps reference marks with the sentence they follow', () => {
    expect(splitSentences('It is known for its sports.[353] New Zealand is big.[12][13] The prime minister is Ardern.[citation needed] Next.')).toEqual([
      'It is known for its sports.[353]',
      'New Zealand is big.[12][13]',
      'The prime minister is Ardern.[citation needed]',
      'Next.',
    ]);
  });

  it('keeps sources named in brackets with the sentence they follow, and starts the next one after them', () => {
    expect(
      splitSentences('Meta shipped it first. (axios.com) (about.fb.com) Muse Spark takes voice. (Reuters) That is a break. They offered samples. (He passed.) Born in the U.S. (mostly) Ohio.'),
    ).toEqual([
      'Meta shipped it first. (axios.com) (about.fb.com)',
      'Muse Spark takes voice. (Reuters)',
      'That is a break.',
      'They offered samples.',
      '(He passed.)',
      'Born in the U.S. (mostly) Ohio.',
    ]);
  });

  it('gives every sentence of a real Wikipedia page with reference marks its own start', () => {
    const a = extractArticle(dom(readShared('pages', 'readability', 'wikipedia-2', 'source.html')))!;
    const marked = a.sentences.filter((s) => /\.\[\d+\]$/.test(s.text));
    expect(marked.length).toBeGreaterThan(20);
    expect(a.sentences.filter((s) => /^[^[\s]*\]/.test(s.text))).toEqual([]);
  });

  it('never joins text across paragraphs or list items', () => {
    const { document } = parseHTML('<div><p>First para <b>bold</b> end</p><ul><li>One</li><li>Two</li></ul>tail <br> after</div>');
    expect(blockTexts(document.querySelector('div') as unknown as Element)).toEqual(['First para bold end', 'One', 'Two', 'tail', 'after']);
  });

  it('reads no sentences in preformatted text, and keeps inline code in its sentence', () => {
    const { document } = parseHTML('<div><p>Run <code>npm test</code> first.</p><pre>SELECT * FROM claims WHERE id = 1; DROP TABLE users.</pre><p>Then stop.</p></div>');
    expect(blockTexts(document.querySelector('div') as unknown as Element)).toEqual(['Run npm test first.', 'Then stop.']);
  });

  it('gives no sentence of the SQL listings of a real page', () => {
    const a = extractArticle(dom(readShared('pages', 'readability', 'toc-missing', 'source.html')))!;
    expect(a.sentences.length).toBeGreaterThan(20);
    expect(a.sentences.filter((s) => /\bSELECT\b.*\bFROM\b/.test(s.text))).toEqual([]);
  });

  it('gives each sentence the text before and after it as quote context', () => {
    const s = sentencesOf(['Alpha one. Beta two.', 'Gamma three.']);
    expect(s.map((x) => x.text)).toEqual(['Alpha one.', 'Beta two.', 'Gamma three.']);
    expect(s[1]).toMatchObject({ prefix: 'Alpha one.', suffix: 'Gamma three.', block: 0 });
    expect(s[0]!.prefix).toBe('');
    for (const x of s) expect(x.prefix.length).toBeLessThanOrEqual(CONTEXT_CHARS);
  });
});

describe('article extraction', () => {
  it('extracts a real news page without changing the document', () => {
    const doc = dom(readShared('pages', 'readability', 'wapo-1', 'source.html'));
    const before = doc.documentElement.outerHTML.length;
    expect(looksLikeArticle(doc)).toBe(true);
    const a = extractArticle(doc)!;
    expect(a.title).toBe('Attack stokes instability fears in North Africa');
    expect(a.words).toBeGreaterThan(300);
    expect(a.sentences.length).toBeGreaterThan(15);
    expect(doc.documentElement.outerHTML.length).toBe(before);
    // The page finds sentences by their text with whitespace collapsed, and does not collapse it again.
    for (const t of a.sentences.flatMap((x) => [x.text, x.prefix, x.suffix])) expect(t).not.toMatch(/\s\s|[^\S ]|^\s|\s$/);
  });

  it('passes a page that is not an article through the cheap gate as not one', () => {
    const doc = dom('<html><body><nav><a href="/">Home</a></nav><form><input name="q"><button>Search</button></form></body></html>');
    expect(looksLikeArticle(doc)).toBe(false);
  });
});

describe('article language', () => {
  it('keeps a declared language, and doubts "English" when the text is not', async () => {
    const { articleLanguage } = await import('../../src/extract/article');
    const english = ['The company said on Tuesday that it would keep releasing its models to the public, and that the plan had not changed since the spring.'.repeat(8)];
    expect(articleLanguage('en', english)).toBe('en');
    expect(articleLanguage('', english)).toBe('en');
    expect(articleLanguage('fr', english)).toBe('fr');
    const arabic = ['قالت الشركة يوم الثلاثاء إنها ستواصل إصدار نماذجها للجمهور وإن الخطة لم تتغير منذ الربيع'.repeat(10)];
    expect(articleLanguage('', arabic)).toBe('und');
    const french = ['La société a déclaré mardi qu’elle continuerait à publier ses modèles pour le public, et que le projet n’avait pas changé depuis le printemps.'.repeat(8)];
    expect(articleLanguage('en', french)).toBe('und');
  });

  it('doubts "English" where fewer than 60% of the letters are Latin, counting each letter once, wherever it is in Unicode', async () => {
    const { articleLanguage } = await import('../../src/extract/article');
    // (One word each: too few words for the second check, of function words.)
    const mixed = (latin: string, other: string) => [`${latin} ${other} 1234 — !?`];
    expect(articleLanguage('en', mixed('a'.repeat(610), 'д'.repeat(390)))).toBe('en');
    expect(articleLanguage('en', mixed('a'.repeat(590), 'д'.repeat(410)))).toBe('und');
    expect(articleLanguage('en', mixed('É'.repeat(300) + 'z'.repeat(310), 'Ж'.repeat(390)))).toBe('en');
    // Letters beyond the first 65,536 code points (two UTF-16 units each) are one letter each, of no Latin script.
    expect(articleLanguage('en', mixed('b'.repeat(610), '𝐀'.repeat(390)))).toBe('en');
    expect(articleLanguage('en', mixed('b'.repeat(590), '𝐀'.repeat(410)))).toBe('und');
    // Marks, digits and emoji are no letters.
    expect(articleLanguage('en', mixed('c'.repeat(300), '😀'.repeat(500) + '\u0301'.repeat(300)))).toBe('en');
  });
});
