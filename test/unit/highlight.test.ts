// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHighlightPainter } from '../../src/anchor/highlight';

// happy-dom has adopted style sheets but not the Custom Highlight API: a registry and a Highlight class stand in.
class FakeHighlight {
  ranges = new Set<Range>();
  priority = 0;
  add(r: Range) {
    this.ranges.add(r);
  }
  clear() {
    this.ranges.clear();
  }
}
const highlights = new Map<string, FakeHighlight>();
const win = { CSS: { highlights }, Highlight: FakeHighlight, CSSStyleSheet: window.CSSStyleSheet } as unknown as Window & typeof globalThis;

beforeEach(() => {
  highlights.clear();
  document.adoptedStyleSheets = [];
});
afterEach(() => {
  // Undo a test's own adoptedStyleSheets property, if it defined one.
  Reflect.deleteProperty(document, 'adoptedStyleSheets');
});

describe('the highlight painter', () => {
  it('adds its sheet beside the page’s own, paints by tone, and takes both away again', () => {
    const theirs = new window.CSSStyleSheet();
    document.adoptedStyleSheets = [theirs];
    document.body.innerHTML = '<p>Meta paused it.</p>';
    const painter = createHighlightPainter(win, document, 'abc123')!;
    expect(painter).toBeDefined();
    expect(document.adoptedStyleSheets).toHaveLength(2);
    expect(document.adoptedStyleSheets[0]).toBe(theirs);
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p')!);
    painter.paint([{ range, tone: 'denies' }]);
    expect(highlights.get('claimlight-denies-abc123')!.ranges.has(range)).toBe(true);
    expect(highlights.get('claimlight-asserts-abc123')!.ranges.size).toBe(0);
    painter.destroy();
    expect(document.adoptedStyleSheets).toEqual([theirs]);
    expect([...highlights.keys()]).toEqual([]);
  });

  it('leaves the page to the overlay when its sheet would not take', () => {
    // A page whose adopted sheets ignore what is set (as a Firefox page can make them, for us).
    Object.defineProperty(document, 'adoptedStyleSheets', { configurable: true, get: () => [], set: () => undefined });
    expect(createHighlightPainter(win, document, 'abc123')).toBeUndefined();
    expect([...highlights.keys()]).toEqual([]);
  });

  it('leaves the page to the overlay when its adopted sheets throw', () => {
    Object.defineProperty(document, 'adoptedStyleSheets', {
      configurable: true,
      get: () => {
        throw new Error('no');
      },
      set: () => {
        throw new Error('no');
      },
    });
    expect(createHighlightPainter(win, document, 'abc123')).toBeUndefined();
  });
});
