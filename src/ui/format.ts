import type { Relation } from '../match/relation';
import type { CoverageView } from '../claims/views';
import { t, uiLanguage } from './i18n';
import type { MessageKey } from './messages';

/** Text helpers shared by the card and the popup. */

// Made on first use: creating an Intl formatter loads locale data, a cost every page would pay at script start.
let DATE: Intl.DateTimeFormat | undefined;
let MONTH: Intl.DateTimeFormat | undefined;
let formatsFor: string | undefined;

/** "14 Jul 2025" for a date, "Jul 2025" for a month; '' for none or nonsense. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso.length === 7 ? `${iso}-01` : iso);
  if (Number.isNaN(t)) return '';
  if (formatsFor !== uiLanguage()) {
    DATE = MONTH = undefined;
    formatsFor = uiLanguage();
  }
  if (iso.length === 7) return (MONTH ??= new Intl.DateTimeFormat(formatsFor, { year: 'numeric', month: 'short', timeZone: 'UTC' })).format(t);
  return (DATE ??= new Intl.DateTimeFormat(formatsFor, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })).format(t);
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
