import type { CoverageView } from './views';

/** One step of a claim's story: a coverage item in date order, and what later superseded it, if anything. */
export interface TimelineItem {
  item: CoverageView;
  /** A later on-record statement or fact-check that took the other side of an earlier anonymous or unattributed report. */
  supersededBy?: CoverageView;
}

const AUTHORITATIVE = new Set(['on-record', 'fact-check', 'primary']);
const WEAK = new Set(['anonymous', 'unattributed', undefined]);

/**
 * A claim's coverage as a story in date order (undated items last, in pack order). An anonymous or unattributed
 * report is marked superseded by the first later item on record (a named person's or a company's statement, a
 * primary document or a fact-check) that took the other side.
 */
export function timelineOf(coverage: CoverageView[]): TimelineItem[] {
  const dated = coverage.map((item, i) => ({ item, i, t: item.published ? Date.parse(item.published) : Number.NaN }));
  dated.sort((a, b) => {
    const an = Number.isNaN(a.t);
    const bn = Number.isNaN(b.t);
    if (an || bn) return an === bn ? a.i - b.i : an ? 1 : -1;
    return a.t - b.t || a.i - b.i;
  });
  return dated.map(({ item, t }) => {
    if (!WEAK.has(item.attribution) || Number.isNaN(t) || item.stance === 'mixed') return { item };
    const later = dated.find((d) => d.t > t && AUTHORITATIVE.has(d.item.attribution ?? '') && d.item.stance !== 'mixed' && d.item.stance !== item.stance);
    return later ? { item, supersededBy: later.item } : { item };
  });
}
