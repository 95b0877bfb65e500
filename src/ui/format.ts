import type { Relation } from '../match/relation';
import type { CoverageView } from '../claims/views';
import { hasMessage, t, tn, type Said } from './i18n';
import type { MessageKey } from './messages';

/** Text helpers shared by the card and the popup. */

/**
 * "Jul 14, 2025" for a date, "Jul 2025" for a month ("14. Juli 2025", "14 jul 2025" in German and Spanish); '' for
 * none or nonsense. Written from the messages (month names and the order of the parts), not by an Intl formatter,
 * whose creation loads locale data: on a slow machine 40 ms of the first hover card's 90 (CPU profile, 2026-11-26).
 */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const time = Date.parse(iso.length === 7 ? `${iso}-01` : iso);
  if (Number.isNaN(time)) return '';
  const date = new Date(time);
  const month = t('monthNames').split(' ')[date.getUTCMonth()];
  if (!month) return date.toISOString().slice(0, iso.length === 7 ? 7 : 10);
  const year = String(date.getUTCFullYear());
  return iso.length === 7 ? t('monthYear', month, year) : t('dayMonthYear', date.getUTCDate(), month, year);
}

/**
 * The words of what was said (`Said`), in the reader's language; parts are sentences, joined by a space. What was
 * stored by another version may name a message this one does not have: such a part is left out rather than shown
 * as its name, and nothing is said if no part is left.
 */
export function wordsOf(said: Said[]): string {
  return said
    .filter((s) => hasMessage('counted' in s ? `${s.counted}_other` : s.key))
    .map((s) => {
      const subs = (s.subs ?? []).map((x) => (typeof x === 'string' ? x : formatDate(x?.date) || String(x?.date ?? '')));
      return 'counted' in s ? tn(s.counted, s.n, ...subs) : t(s.key, ...subs);
    })
    .join(' ');
}

/** What the page does with the claim: asserts it, only suggests it (a hedged assertion), or denies it. */
export function relationLabel(r: Relation, hedged = false): string {
  if (r === 'denies') return t('pageDenies');
  return hedged ? t('pageSuggests') : t('pageAsserts');
}

/** The mark before that label: a hollow one for a suggestion. */
export const relationMark = (r: Relation, hedged = false) => (r === 'denies' ? '▼' : hedged ? '△' : '▲');

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
  return c.title ?? (c.url ? hostOf(c.url) : t('noHeadline'));
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

const ATTRIBUTION_LABEL: Record<string, MessageKey> = {
  'on-record': 'attOnRecord',
  anonymous: 'attAnonymous',
  primary: 'attPrimary',
  'fact-check': 'attFactCheck',
  opinion: 'attOpinion',
  unattributed: 'attUnattributed',
};

/** How a coverage item knows what it says, in words. */
export function attributionLabel(a: string | undefined): string | undefined {
  const key = a ? ATTRIBUTION_LABEL[a] : undefined;
  return key && t(key);
}

export function stanceLabel(stance: string): string {
  return stance === 'supports' ? t('stanceSupports') : stance === 'refutes' ? t('stanceRefutes') : t('stanceMixed');
}
