/**
 * Dates as a ranking prior. A claim is checked while it circulates, so among claims that a sentence matches about
 * equally well, the one dated near the page is likelier the one it states. The prior only reorders candidates
 * (a claim far from the page's date loses at most `MAX_PENALTY` of its retrieval score); it never decides a
 * highlight. The window and the penalty were chosen on the CheckThat! train queries (`npm run bench:match` prints
 * the result on dev): a fact-check is dated a day or two after the post it checks in half the cases, and within a
 * year after it in nine of ten.
 */

const DAY_MS = 86_400_000;
/** A claim dated up to this many days before the page, or up to `AFTER` days after it, is not penalised. */
const BEFORE = 30;
const AFTER = 365;
/** Beyond the window the penalty grows over this many days to its maximum. */
const RAMP = 365;
const MAX_PENALTY = 0.3;

/** Days since 1970-01-01 (UTC) of a date string Date.parse reads ("2025-07-14", "26 May 2015"); undefined if none. */
export function dayNumber(date: string | null | undefined): number | undefined {
  if (!date) return undefined;
  // The calendar day as written, whatever the machine's time zone: ISO dates by their digits, others ("26 May
  // 2015", which Date.parse reads as local time) by the local calendar.
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  let utc: number;
  if (iso) utc = Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  else {
    const local = new Date(Date.parse(date));
    utc = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate());
  }
  if (Number.isNaN(utc)) return undefined;
  const day = Math.floor(utc / DAY_MS);
  // Stored as a Uint16 with 0 for "undated": 1970-01-02 to 2149.
  return day >= 1 && day < 65_536 ? day : undefined;
}

/** A date Date.parse reads, as an ISO day ("26 May 2015" → "2015-05-26"); undefined if it is none. */
export function isoDay(date: string | null | undefined): string | undefined {
  const day = dayNumber(date);
  return day === undefined ? undefined : new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// The byline an embedded post ends with: "— Jane Doe (@jdoe) March 3, 2016".
const POST_DATE = /\(@\w+\)\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})\s*$/i;

/** The date a quoted post gives in its byline, as a day number; undefined when the text ends with no such byline. */
export function postDay(text: string): number | undefined {
  const m = POST_DATE.exec(text);
  return m ? dayNumber(m[1]!.replace(/,/g, '')) : undefined;
}

/** What a claim's retrieval score is multiplied by, given its date and the page's (either may be unknown: 1). */
export function datePrior(claimDay: number | undefined, pageDay: number | undefined): number {
  if (!claimDay || !pageDay) return 1;
  const d = claimDay - pageDay;
  const outside = d < -BEFORE ? -BEFORE - d : d > AFTER ? d - AFTER : 0;
  return 1 - MAX_PENALTY * Math.min(1, outside / RAMP);
}
