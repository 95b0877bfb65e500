import { bodyOf, protoCall, protoGet, rootOf } from '../util/dom';
import { nextTask, SLICE_MS } from '../util/tasks';

/** What of the head the background reads: the title, the metadata, the base address and the JSON-LD. */
const HEAD_KEPT = 'title, meta, base, link[rel~="canonical"], script[type="application/ld+json"]';

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');
const escapeText = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');

/**
 * The page's HTML for the background to read: the root's attributes (its language), the head cut down to what is
 * read there (a news page's head is mostly inline CSS and script, which Readability would only throw away), and the
 * body with its scripts and styles emptied (`bodyPieces`). Serialising and sending are main-thread work in the page,
 * paid by the kilobyte.
 */
export function pageHtml(doc: Document): string {
  return [...pagePieces(doc)].join('');
}

/**
 * `pageHtml` in slices of about `SLICE_MS`, the page's own work running between them, each slice reported (for the
 * timing measures). The page may change between slices; what was written stays as it was then, which is no worse
 * for reading than a page that changes after it was sent. Stops early, with "", when the signal aborts or once
 * past `limit` characters (a page that keeps adding to itself while it waits is not followed for ever).
 */
export async function pageHtmlInSlices(
  doc: Document,
  win: Window & typeof globalThis,
  signal: AbortSignal,
  onSlice: (start: number, end: number) => void,
  limit = Infinity,
): Promise<string> {
  const out: string[] = [];
  let length = 0;
  let start = win.performance.now();
  for (const piece of pagePieces(doc)) {
    length += piece.length;
    if (length > limit) return '';
    // The clock is read every 32 pieces: most are a tag or a line break, and reading it costs as much as one.
    if (out.push(piece) % 32 !== 0) continue;
    const now = win.performance.now();
    if (now - start < SLICE_MS) continue;
    onSlice(start, now);
    await nextTask(win);
    if (signal.aborted) return '';
    start = win.performance.now();
  }
  const html = out.join('');
  onSlice(start, win.performance.now());
  return html;
}

/** The pieces `pageHtml` joins (exported for tests). */
export function* pagePieces(doc: Document): Generator<string> {
  const root = rootOf(doc);
  if (!root) return;
  const head = protoGet<HTMLHeadElement | null>(doc, 'head');
  const body = bodyOf(doc);
  if (!head || !body || protoGet<Node | null>(body, 'parentNode') !== root) {
    yield protoGet<string>(root, 'outerHTML') ?? '';
    return;
  }
  yield `${startTag(root)}<head>`;
  const kept = protoCall<NodeListOf<Element>>(head, 'querySelectorAll', HEAD_KEPT);
  for (let i = 0; i < kept.length; i++) yield protoGet<string>(kept[i]!, 'outerHTML') ?? '';
  yield '</head>';
  yield* bodyPieces(body);
  yield '</html>';
}

function startTag(el: Element): string {
  const attributes = protoGet<NamedNodeMap>(el, 'attributes')!;
  let open = `<${protoGet<string>(el, 'localName')}`;
  for (let i = 0; i < attributes.length; i++) open += ` ${attributes[i]!.name}="${escapeAttr(attributes[i]!.value)}"`;
  return `${open}>`;
}

const isJsonLd = (script: Element) => protoCall<string | null>(script, 'getAttribute', 'type')?.trim().toLowerCase() === 'application/ld+json';

/** Code and style: what Readability throws away first, and most of a heavy page's body. */
const EMPTIED = 'script, style';
/**
 * Below this much code and CSS the body goes whole: writing the holders tag by tag costs about as much as sending
 * 50 kB more (nytimes-1, 33 kB of scripts: 18.7 against 19.1 ms with them emptied, `npm run bench:ab`).
 */
const EMPTY_ABOVE = 64 * 1024;

/**
 * The most elements one piece of the body holds: the browser serialises a subtree in one go (bug-1255978's body,
 * 2,200 elements, took 37 ms at 1x, one task), so a larger one is written tag by tag down to subtrees of this size,
 * each a piece of its own, between which the slices may give the page a turn.
 */
export const PIECE_ELEMENTS = 400;

/** How many elements a subtree holds below its root: the browser counts them without a wrapper for each. */
const elementsIn = (el: Element) => protoCall<HTMLCollection>(el, 'getElementsByTagName', '*').length;

/**
 * The body's HTML in pieces. Where its scripts and styles weigh more than `EMPTY_ABOVE`, every script and style
 * element is kept but emptied, JSON-LD apart: they are most of a heavy page's body (Yahoo's scripts, 970 of its
 * 1,180 kB; Breitbart's stylesheets, which its markup puts in the body, 531 of 853 kB), Readability drops them, and
 * the elements stay so that the paths to paragraphs the background works out stand as they do on the live page.
 * The elements that hold one, and those of more than `PIECE_ELEMENTS` elements, are written here tag by tag;
 * everything else is the browser's own serialisation of each whole subtree, one piece each.
 */
function* bodyPieces(body: Element): Generator<string> {
  const emptied = protoCall<NodeListOf<Element>>(body, 'querySelectorAll', EMPTIED);
  let weight = 0;
  for (let i = 0; i < emptied.length && weight <= EMPTY_ABOVE; i++) weight += protoGet<string>(emptied[i]!, 'textContent')?.length ?? 0;
  const empty = weight > EMPTY_ABOVE;
  if (!empty && elementsIn(body) <= PIECE_ELEMENTS) {
    yield protoGet<string>(body, 'outerHTML') ?? '';
    return;
  }
  // The elements with a script or style inside, from each up to the body.
  const holders = new Set<Node>();
  for (let i = 0; empty && i < emptied.length; i++) {
    for (let el = protoGet<Node | null>(emptied[i]!, 'parentNode'); el && !holders.has(el); el = protoGet<Node | null>(el, 'parentNode')) {
      holders.add(el);
      if (el === body) break;
    }
  }
  function* write(el: Element): Generator<string> {
    yield startTag(el);
    for (let node = protoGet<Node | null>(el, 'firstChild'); node; node = protoGet<Node | null>(node, 'nextSibling')) {
      const type = protoGet<number>(node, 'nodeType');
      if (type === 1) {
        const child = node as Element;
        const name = protoGet<string>(child, 'localName');
        if (empty && (name === 'script' || name === 'style')) yield `${startTag(child)}${name === 'script' && isJsonLd(child) ? (protoGet<string>(child, 'textContent') ?? '') : ''}</${name}>`;
        else if (holders.has(child) || elementsIn(child) > PIECE_ELEMENTS) yield* write(child);
        else yield protoGet<string>(child, 'outerHTML') ?? '';
      } else if (type === 3) yield escapeText(protoGet<string>(node, 'data') ?? '');
      else if (type === 8) yield `<!--${protoGet<string>(node, 'data') ?? ''}-->`;
    }
    yield `</${protoGet<string>(el, 'localName')}>`;
  }
  yield* write(body);
}
