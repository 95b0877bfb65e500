import { bodyOf, protoCall, protoGet, rootOf } from '../util/dom';

/** What of the head the background reads: the title, the metadata, the base address and the JSON-LD. */
const HEAD_KEPT = 'title, meta, base, link[rel~="canonical"], script[type="application/ld+json"]';

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The page's HTML for the background to read: the root's attributes (its language), the head cut down to what is
 * read there (a news page's head is mostly inline CSS and script: 546 of Breitbart's 854 kB, which Readability
 * would only throw away), and the body whole. Serialising and sending are main-thread work in the page, paid by the
 * kilobyte.
 */
export function pageHtml(doc: Document): string {
  const root = rootOf(doc);
  if (!root) return '';
  const head = protoGet<HTMLHeadElement | null>(doc, 'head');
  const body = bodyOf(doc);
  if (!head || !body || protoGet<Node | null>(body, 'parentNode') !== root) return protoGet<string>(root, 'outerHTML') ?? '';
  const attributes = protoGet<NamedNodeMap>(root, 'attributes')!;
  let open = '<html';
  for (let i = 0; i < attributes.length; i++) open += ` ${attributes[i]!.name}="${escapeAttr(attributes[i]!.value)}"`;
  const kept = protoCall<NodeListOf<Element>>(head, 'querySelectorAll', HEAD_KEPT);
  let inHead = '';
  for (let i = 0; i < kept.length; i++) inHead += protoGet<string>(kept[i]!, 'outerHTML') ?? '';
  return `${open}><head>${inHead}</head>${protoGet<string>(body, 'outerHTML') ?? ''}</html>`;
}
