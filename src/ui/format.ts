import type { Relation } from '../match/relation';
import type { CoverageView } from '../claims/views';

/** Text helpers shared by the card and the popup. */

// Made on first use: creating an Intl formatter loads locale data, a cost every page would pay at script start.
let DATE: Intl.DateTimeFormat | undefined;
let MONTH: Intl.DateTimeFormat | undefined;

/** "14 Jul 2025" for a date, "Jul 2025" for a month; '' for none or nonsense. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso.length === 7 ? `${iso}-01` : iso);
  if (Number.isNaN(t)) return '';
  if (iso.length === 7) return (MONTH ??= new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', timeZone: 'UTC' })).format(t);
  return (DATE ??= new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })).format(t);
}

export function relationLabel(r: Relation): string {
  return r === 'asserts' ? 'This page asserts this claim' : 'This page denies this claim';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The host name of a link, for a source with no headline. */
export function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** What to call a coverage item's piece: its headline, or where it is. */
export function headlineOf(c: CoverageView): string {
  return c.title ?? (c.url ? hostOf(c.url) : 'no headline recorded');
}

/** Only http(s) links are ever put in an href (packs are validated too; this is the last line). */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const ATTRIBUTION_LABEL: Record<string, string> = {
  'on-record': 'on record',
  anonymous: 'anonymous sources',
  primary: 'primary document',
  'fact-check': 'fact-check',
  opinion: 'opinion',
  unattributed: 'no source given',
};

/** How a coverage item knows what it says, in words. */
export function attributionLabel(a: string | undefined): string | undefined {
  return a ? ATTRIBUTION_LABEL[a] : undefined;
}

export function stanceLabel(stance: string): string {
  return stance === 'supports' ? 'supports the claim' : stance === 'refutes' ? 'refutes the claim' : 'mixed or partial';
}
