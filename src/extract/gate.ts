import { protoCall, unclobber } from '../util/dom';

/**
 * The cheap gate: does this page look like an article at all? Readability's own heuristic (`isProbablyReaderable`
 * in @mozilla/readability 0.6), which only reads paragraph lengths, so that non-article pages (search, feeds, apps)
 * cost next to nothing.
 *
 * It decides as Readability's does, but reads a candidate other than a paragraph only as far as the decision needs.
 * Readability takes the whole `textContent` of each, and the first candidate of a news page is often its `<article>`
 * (63 of the 105 saved pages have one): on the benchmark's long article that is a 40,000-character string, 2–18 ms
 * in a fresh page on this machine, where 541 characters already decide. A paragraph is short, and its `textContent`
 * costs less than a walk of its text in script. `test/unit/gate.test.ts` holds the two checks to the same answers.
 */
export function looksLikeArticle(doc: Document): boolean {
  try {
    return readerable(doc);
  } catch {
    // The page clobbered a property the check reads: ask a cleaned copy instead.
    const copy = protoCall<Document>(doc, 'cloneNode', true);
    unclobber(copy);
    try {
      return readerable(copy);
    } catch {
      return false;
    }
  }
}

/** Readability's: a candidate whose class or id says so is left out, unless it also says otherwise. */
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|shadow/i;
/** Readability's defaults, as the gate has always passed them. */
const MIN_CONTENT_LENGTH = 140;
const MIN_SCORE = 20;

function readerable(doc: Document): boolean {
  let nodes: ArrayLike<Element> = doc.querySelectorAll('p, pre, article');
  // Readability's case of text broken by <br>s in a <div>: the div counts as a candidate too.
  const breaks = doc.querySelectorAll('div > br');
  if (breaks.length) {
    const set = new Set<Element>(Array.from(nodes));
    for (const br of Array.from(breaks)) set.add(br.parentNode as Element);
    nodes = Array.from(set);
  }
  let score = 0;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!visible(node)) continue;
    const names = `${node.className} ${node.id}`;
    if (UNLIKELY.test(names) && !MAYBE.test(names)) continue;
    if (node.matches('li p')) continue;
    // Each candidate adds √(length − 140) once it has 140 characters; the page passes when the sum exceeds 20.
    const enough = (length: number) => length >= MIN_CONTENT_LENGTH && score + Math.sqrt(length - MIN_CONTENT_LENGTH) > MIN_SCORE;
    const length = node.localName === 'p' ? node.textContent!.trim().length : trimmedLength(doc, node, enough);
    if (enough(length)) return true;
    if (length >= MIN_CONTENT_LENGTH) score += Math.sqrt(length - MIN_CONTENT_LENGTH);
  }
  return false;
}

/** Readability's `isNodeVisible`. */
function visible(node: Element): boolean {
  const style = (node as HTMLElement).style as CSSStyleDeclaration | undefined;
  const className = node.className as unknown;
  return (
    (!style || style.display !== 'none') &&
    !node.hasAttribute('hidden') &&
    (!node.hasAttribute('aria-hidden') ||
      node.getAttribute('aria-hidden') !== 'true' ||
      (typeof className === 'string' && className.includes('fallback-image')))
  );
}

/** NodeFilter's SHOW_TEXT and SHOW_CDATA_SECTION, what `textContent` reads (the CLI's linkedom has no `NodeFilter`). */
const TEXT_NODES = 0x4 | 0x8;

/**
 * The length of `node.textContent.trim()`, read text node by text node and given up as soon as `enough` holds for
 * what was read (what follows can only make it longer).
 */
function trimmedLength(doc: Document, node: Element, enough: (length: number) => boolean): number {
  const walker = protoCall<TreeWalker>(doc, 'createTreeWalker', node, TEXT_NODES);
  let offset = 0;
  // Where the trimmed text starts, and where what was read of it ends.
  let first = -1;
  let end = -1;
  for (let text = walker.nextNode() as CharacterData | null; text; text = walker.nextNode() as CharacterData | null) {
    const data = text.data;
    const kept = data.trimEnd().length;
    if (kept > 0) {
      if (first < 0) first = offset + data.length - data.trimStart().length;
      end = offset + kept;
      if (enough(end - first)) return end - first;
    }
    offset += data.length;
  }
  return first < 0 ? 0 : end - first;
}
