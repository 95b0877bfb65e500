// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildTextIndex, insideSkipped, locate, type TextIndex } from '../../src/anchor/text-index';
import { CONFIDENCE_FLOOR, matchQuote, rangeOf } from '../../src/anchor/match-quote';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('anchoring a sentence on the live page by quote', () => {
  it('finds a sentence split across inline elements and whitespace', () => {
    const doc = page('<article><p>Intro.   Meta <em>delayed</em>\n the <a href="#">Behemoth</a> model. Outro.</p></article>');
    const index = buildTextIndex(doc.body);
    const m = matchQuote(index, { exact: 'Meta delayed the Behemoth model.', prefix: 'Intro.', suffix: 'Outro.' });
    expect(m).not.toBeNull();
    expect(rangeOf(index, m!, doc)!.toString().replace(/\s+/g, ' ')).toBe('Meta delayed the Behemoth model.');
  });

  it('tells repeated sentences apart by their context', () => {
    const doc = page('<p>First context. Meta paused it.</p><p>Second context. Meta paused it.</p>');
    const index = buildTextIndex(doc.body);
    const m = matchQuote(index, { exact: 'Meta paused it.', prefix: 'Second context.', suffix: '' })!;
    expect(index.text.slice(0, m.start)).toContain('Second context.');
  });

  it('leaves editable regions, form fields and scripts alone', () => {
    const doc = page('<div contenteditable="true">Meta paused its open models today.</div><textarea>Meta paused its open models today.</textarea><script>var s="Meta paused its open models today."</script>');
    const index = buildTextIndex(doc.body);
    expect(index.text).not.toContain('Meta paused');
    expect(matchQuote(index, { exact: 'Meta paused its open models today.', prefix: '', suffix: '' })).toBeNull();
  });

  it('does not anchor a short, ambiguous quote whose context disagrees', () => {
    const doc = page('<p>Alpha. Yes.</p><p>Beta. Yes.</p>');
    const index = buildTextIndex(doc.body);
    const m = matchQuote(index, { exact: 'Yes.', prefix: 'Something else entirely', suffix: 'Nothing like it' });
    expect(m).toBeNull();
    expect(CONFIDENCE_FLOOR).toBeGreaterThan(0);
  });

  it('maps every position back to the same place by the shortcut for plain text nodes as by counting', () => {
    const index = buildTextIndex(page('<p>One two.  Three\n four</p><p> Five <b>six</b>  seven.</p><div>eight nine</div><p>ten</p>').body);
    expect([...index.plain]).toContain(1);
    expect([...index.plain]).toContain(0);
    const counting: TextIndex = { ...index, plain: new Uint8Array(index.plain.length) };
    const where = (i: TextIndex, pos: number) => {
      const at = locate(i, pos);
      return at && [index.nodes.indexOf(at.node), at.offset];
    };
    for (let pos = 0; pos <= index.text.length; pos++) expect(where(index, pos)).toEqual(where(counting, pos));
  });

  it('reads only the paragraphs it is given, in that order, each as a block of its own', () => {
    const doc = page('<p id="a">Meta paused it.</p><p>Not read at all.</p><p id="b">Meta resumed <em>it</em>.</p>');
    const index = buildTextIndex([doc.getElementById('a')!, doc.getElementById('b')!]);
    expect(index.text).toBe('Meta paused it. Meta resumed it.');
    const m = matchQuote(index, { exact: 'Meta resumed it.', prefix: '', suffix: '' })!;
    expect(rangeOf(index, m, doc)!.toString()).toBe('Meta resumed it.');
  });

  it('takes the occurrence in the paragraph the sentence is known to stand in, whatever the context says', () => {
    const doc = page('<p id="a">Yes. Meta paused it.</p><p id="b">Yes. Meta paused it.</p>');
    const index = buildTextIndex([doc.getElementById('a')!, doc.getElementById('b')!]);
    const quote = { exact: 'Meta paused it.', prefix: 'Nothing like what is there', suffix: 'Nor this' };
    expect(matchQuote(index, quote)).toBeNull();
    const m = matchQuote(index, quote, index.spans![1])!;
    expect(rangeOf(index, m, doc)!.startContainer.parentElement!.id).toBe('b');
  });

  it('knows a paragraph inside an editable, hidden or scripted region as one a page walk would leave out', () => {
    const doc = page('<div contenteditable><p id="e">x</p></div><div aria-hidden="true"><p id="h">x</p></div><section hidden><p id="s">x</p></section><svg><text id="g">x</text></svg><div contenteditable="false"><p id="ok">x</p></div>');
    for (const id of ['e', 'h', 's', 'g']) expect(insideSkipped(doc.getElementById(id)!), id).toBe(true);
    expect(insideSkipped(doc.getElementById('ok')!)).toBe(false);
  });

  it('does not anchor text that is not on the page', () => {
    const index = buildTextIndex(page('<p>Meta paused it.</p>').body);
    expect(matchQuote(index, { exact: 'Meta resumed it.', prefix: '', suffix: '' })).toBeNull();
  });
});
