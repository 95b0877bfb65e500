import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { protoCall, unclobber } from '../util/dom';

/**
 * The cheap gate: does this page look like an article at all? Readability's own heuristic, which only reads
 * paragraph lengths, so that non-article pages (search, feeds, apps) cost next to nothing.
 */
export function looksLikeArticle(doc: Document): boolean {
  const check = (d: Document) => isProbablyReaderable(d, { minContentLength: 140, minScore: 20 });
  try {
    return check(doc);
  } catch {
    // The page clobbered a method the check calls: ask a cleaned copy instead.
    const copy = protoCall<Document>(doc, 'cloneNode', true);
    unclobber(copy);
    try {
      return check(copy);
    } catch {
      return false;
    }
  }
}
