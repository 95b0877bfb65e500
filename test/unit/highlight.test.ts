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

// The prototype that defines document.adoptedStyleSheets, and its accessors, for a test to replace (as a Firefox
// page can, in the page's view the content script goes through) and for afterEach to put back.
let owner: object = document;
while (!Object.getOwnPropertyDescriptor(owner, 'adoptedStyleSheets')) owner = Object.getPrototypeOf(owner) as object;
const accessors = Object.getOwnPropertyDescriptor(owner, 'adoptedStyleSheets')!;
const replaceAccessors = (get: () => unknown, set: (v: unknown) => void) => Object.defineProperty(owner, 'adoptedStyleSheets', { configurable: true, get, set });

beforeEach(() => {
  highlights.clear();
  document.adoptedStyleSheets = [];
});
afterEach(() => {
  Object.defineProperty(owner, 'adoptedStyleSheets', accessors);
});

describe('the highlight painter', () => {
  it('adds its sheet beside the page’s own, paints by tone, and takes both away again', () => {
    const theirs = new window.CSSStyleSheet();
    document.adoptedStyleSheets = [theirs];
    document.body.innerHTML = '<p>Meta paused it.</p><p>Meta may pause it.</p>';
    const painter = createHighlightPainter(win, document, 'abc123')!;
    expect(painter).toBeDefined();
    expect(document.adoptedStyleSheets).toHaveLength(2);
    expect(document.adoptedStyleSheets[0]).toBe(theirs);
    const [denied, suggested] = [...document.querySelectorAll('p')].map((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      return range;
    });
    painter.paint([
      { range: denied!, tone: 'denies' },
      { range: suggested!, tone: 'suggests' },
    ]);
    expect(highlights.get('claimlight-denies-abc123')!.ranges.has(denied!)).toBe(true);
    expect(highlights.get('claimlight-suggests-abc123')!.ranges.has(suggested!)).toBe(true);
    expect(highlights.get('claimlight-asserts-abc123')!.ranges.size).toBe(0);
    painter.destroy();
    expect(document.adoptedStyleSheets).toEqual([theirs]);
    expect([...highlights.keys()]).toEqual([]);
  });

  it('leaves the page to the overlay when its sheet would not take', () => {
    // A page whose adopted sheets ignore what is set.
    replaceAccessors(() => [], () => undefined);
    expect(createHighlightPainter(win, document, 'abc123')).toBeUndefined();
    expect([...highlights.keys()]).toEqual([]);
  });

  it('leaves the page to the overlay when its adopted sheets throw', () => {
    replaceAccessors(
      () => {
        throw new Error('no');
      },
      () => {
        throw new Error('no');
      },
    );
    expect(createHighlightPainter(win, document, 'abc123')).toBeUndefined();
  });
});
