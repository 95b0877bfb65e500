/**
 * The visible text of a live DOM subtree as one string with whitespace collapsed, and the way back from a position
 * in that string to a (text node, offset) in the page. Built on demand and thrown away: the page changes under us.
 * It runs on the page's main thread, so the text is made with native string operations, one per text node, and
 * positions are mapped back only for the few ends of the ranges we paint.
 */
import { protoCall } from '../util/dom';

// Text a reader does not read as part of the article, or that we must not touch.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'INPUT', 'BUTTON', 'SVG', 'svg', 'MATH', 'math', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'TITLE']);
// A block-ish boundary reads as a space, so that words of adjacent paragraphs do not run together.
const BREAK = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BR', 'TR', 'TD', 'TH', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'FIGCAPTION', 'DT', 'DD', 'HEADER', 'FOOTER']);
const WS = /\s+/g;
const WS_ONE = /\s/;

export interface TextIndex {
  text: string;
  /** The text nodes the text comes from, in order. */
  nodes: Text[];
  /** Where each node's text starts in `text`. */
  starts: Int32Array;
  /** How many characters of each node's collapsed text were dropped at its start (a space after a space). */
  dropped: Uint8Array;
  /** 1 where a node's text needed no collapsing (no whitespace but single spaces): its offsets map one to one. */
  plain: Uint8Array;
  /** Built from several subtrees: where each one's text starts and ends in `text`, in the order given. */
  spans?: Array<[number, number]>;
}

// The same, as a selector, for an element's ancestors: what `skipped` leaves out of a walk from <body>.
const SKIPPED = `${[...new Set([...SKIP].map((t) => t.toLowerCase()))].join(', ')}, [contenteditable]:not([contenteditable="false"]), [hidden], [aria-hidden="true"]`;

/** Whether an element is, or stands inside, something a walk from <body> would leave out. */
export function insideSkipped(el: Element): boolean {
  return protoCall<Element | null>(el, 'closest', SKIPPED) !== null;
}

function skipped(el: Element): boolean {
  if (SKIP.has(el.tagName)) return true;
  // Editable regions belong to the reader's own writing: never highlight there.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/**
 * The text index of a subtree, or of several (in the order given, each read as starting a new block): the walk is
 * the costly part in a content script, where every node touched is a call into the page's DOM, so the page is read
 * whole only when the paragraphs that matter are not known.
 */
export function buildTextIndex(root: Node | Node[], exclude?: Node): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const dropped: number[] = [];
  const plain: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let lastSpace = true;
  let pendingBreak = false;
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child === exclude) continue;
      if (child.nodeType === 3) {
        const v = child.nodeValue;
        if (!v) continue;
        if (pendingBreak && !lastSpace) {
          parts.push(' ');
          length++;
          lastSpace = true;
        }
        pendingBreak = false;
        let t = v.replace(WS, ' ');
        plain.push(t === v ? 1 : 0);
        let drop = 0;
        if (lastSpace && t.charCodeAt(0) === 32) {
          t = t.slice(1);
          drop = 1;
        }
        nodes.push(child as Text);
        starts.push(length);
        dropped.push(drop);
        if (t) {
          parts.push(t);
          length += t.length;
          lastSpace = t.charCodeAt(t.length - 1) === 32;
        }
      } else if (child.nodeType === 1 && !skipped(child as Element)) {
        if (BREAK.has((child as Element).tagName)) pendingBreak = true;
        walk(child);
      }
    }
  };
  const spans: Array<[number, number]> = [];
  for (const r of Array.isArray(root) ? root : [root]) {
    pendingBreak = true;
    const from = length;
    walk(r);
    spans.push([from, length]);
  }
  const index: TextIndex = { text: parts.join(''), nodes, starts: Int32Array.from(starts), dropped: Uint8Array.from(dropped), plain: Uint8Array.from(plain) };
  if (Array.isArray(root)) index.spans = spans;
  return index;
}

/** The text node and the offset in it of a position of the index's text (the node it falls in, by binary search). */
export function locate(index: TextIndex, pos: number): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = index.starts.length - 1;
  if (hi < 0) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  // A position on a block-boundary space belongs to no node: take the next node's start.
  const node = index.nodes[lo]!;
  let want = pos - index.starts[lo]! + index.dropped[lo]!;
  const raw = node.nodeValue ?? '';
  if (index.plain[lo]) return want <= raw.length ? { node, offset: want } : null;
  // Walk the raw text counting collapsed characters: a run of whitespace counts once.
  let i = 0;
  while (i < raw.length) {
    if (want === 0) return { node, offset: i };
    if (WS_ONE.test(raw[i]!)) {
      while (i < raw.length && WS_ONE.test(raw[i]!)) i++;
    } else i++;
    want--;
  }
  return want === 0 ? { node, offset: raw.length } : null;
}
