import { parseHTML } from 'linkedom';
import { extractArticle, type Article } from './article';

/**
 * Readability off the page's main thread: the content script sends the page's HTML, and this parses it with
 * linkedom (a DOM in plain JavaScript, so it runs in a service worker, in Firefox's background page and in Node)
 * and extracts the article there. The copy is our own, so it is read in place; each block's place in it (`anchors`)
 * lets the page find a matched sentence by walking one paragraph instead of the whole page.
 */
export function articleFromHtml(html: string): Article | null {
  const { document } = parseHTML(html);
  return extractArticle(document as unknown as Document, { inPlace: true, anchors: true });
}
