import type { MatchView } from '../claims/views';
import type { CheckResult } from '../store/db';

/**
 * The one message contract between the content script (CS), the background (BG) and the extension's pages (UI).
 * Names say the direction. Every message that reaches the background is checked for sender and shape first
 * (see `parseCStoBG`, `parseUItoBG`); anything else is dropped.
 */

/** What Readability found, minus the text: enough to show in the popup. */
export interface ArticleInfo {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** When the article was published, as the page says; matching prefers claims of that time. */
  published?: string | null;
  lang: string;
  words: number;
}

/** Where the tab's page stands, as the popup shows it. */
export type TabStatus =
  /** The reader turned Claimlight off on this site. */
  | 'site-off'
  /** The cheap gate or Readability found no article. */
  | 'not-article'
  /** An article in a language the matcher does not read. */
  | 'unsupported-language'
  /** An article, and no sentence states a known claim. */
  | 'no-claims'
  /** An article with claims. */
  | 'claims';

export interface TabReport {
  url: string;
  status: TabStatus;
  article: ArticleInfo | null;
  matches: MatchView[];
  /** When the page was checked (ms since epoch). */
  at: number;
  /** The tab is in a private window: nothing learnt from it is written to disk, and nothing is looked up online. */
  private?: boolean;
}

/**
 * What the content script's first stage last made of its page, kept in the extension's isolated world (the page's
 * scripts cannot see it) under `PAGE_LOOK_KEY`, with nothing else (the page's address is read when it is asked). A
 * page that is no article is not reported, since the message's first touch of the extension's API is most of what
 * such a page costs. The background asks for it, with `scripting`, when the popup finds no report for the page on
 * show (`PageLook`, `parsePageLook`).
 */
export type LookState =
  /** Still looking: waiting for its turn, or for a page that is no article yet to finish loading. */
  | 'looking'
  /** The page looks like an article: it was sent to be read. */
  | 'article'
  /** The page does not look like an article. */
  | 'not-article'
  /** The page looked like an article, and its read failed (the background did not answer): a reload reads it again. */
  | 'failed';

export const PAGE_LOOK_KEY = '__claimlight:look';

/** A tab's page as the content script there sees it. */
export interface PageLook {
  look: LookState;
  url: string;
}

/** The answer of a tab asked for its `PageLook` if it is one (it comes from the page's process: checked as any message). */
export function parsePageLook(v: unknown): PageLook | undefined {
  if (!isObj(v) || !isStr(v.url, 8_192)) return undefined;
  const looks: readonly unknown[] = ['looking', 'article', 'not-article', 'failed'] satisfies LookState[];
  return looks.includes(v.look) ? { look: v.look as LookState, url: v.url } : undefined;
}

/** The address of an article: without its fragment (a move to #section is not another article). */
export const articleAddress = (href: string): string => href.replace(/#.*$/, '');

export type CStoBG =
  /**
   * The page's HTML, to be read (Readability, off the page's thread) and matched; answered with `MatchReply`, or
   * `site-off` without reading it where the reader switched the site off (the page sends before it knows). A page
   * larger than one part (`PAGE_PART_CHARS`) comes in parts: every part but the last as `cs/page-part` of the same
   * `read`, numbered from 0, and this message with the last part and how many parts there are in all.
   */
  | { type: 'cs/page'; url: string; html: string; read?: string; parts?: number }
  /**
   * One part of a page's HTML, kept by the background until its `cs/page` comes; answered with null. The page does
   * not wait for the answer before sending the next part, so the parts say where they go.
   */
  | { type: 'cs/page-part'; url: string; read: string; index: number; part: string }
  /** An article already read, and its sentences, to be matched; answered with `MatchReply`. */
  | { type: 'cs/match'; url: string; article: ArticleInfo; sentences: string[] }
  /** The page is not an article (or no longer is, after in-page navigation). */
  | { type: 'cs/not-article'; url: string }
  /** The reader turned Claimlight off on this site. */
  | { type: 'cs/site-off'; url: string }
  /** The reader says a highlighted sentence does not state its claim (from the card). */
  | { type: 'cs/wrong-match'; url: string; sentence: number };

/** The text around a matched sentence, to find it on the live page. */
export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
  /**
   * Where the sentence's paragraph stood in the HTML the page sent: indices among element children from <body>
   * down. The page looks there first and searches its whole text only if the sentence is not found there.
   */
  path?: number[];
}

export type MatchReply = {
  status: TabStatus;
  /** Each with its claim's coverage cut to what the hover card lists (`forPage`); the popup's report has it all. */
  matches: MatchView[];
  /** For `cs/page`: the quote of each matched sentence, by sentence index. */
  quotes?: Record<number, Quote>;
  /**
   * For the benchmark: the time the background spent reading and matching (ms); and, as times since the epoch (ms),
   * when its service worker started, when its script had run (`defineBackground`'s main), when its claims were
   * loaded (the stored index, or one built from the packs), and when it had the whole page. A page that woke the
   * worker sees what its start cost.
   */
  timings?: { read: number; match: number; worker?: { started: number; ready: number; claims?: number; received: number } };
};

/** An installed pack, as the options page lists it. */
export interface PackInfo {
  id: string;
  title: string;
  claimCount: number;
  /** Data as of. */
  updated: string;
  /** Format version of the pack. */
  version: number;
  origin: { type: 'bundled' } | { type: 'subscription'; url: string };
  installedAt: number;
}

export type UItoBG =
  /** The report for a tab; answered with `ReportReply`. */
  | { type: 'ui/report'; tabId: number }
  /** Installed packs and subscriptions; answered with `PacksReply`. */
  | { type: 'ui/packs' }
  /** Subscribe to a signed pack; answered with `UpdateOutcome`. */
  | { type: 'ui/subscribe'; url: string; publicKey: string }
  /** Check one subscription (or all) now; answered with `UpdateOutcome[]`. */
  | { type: 'ui/update'; url?: string }
  /** End a subscription and remove its pack; answered with `{ ok: true }`. */
  | { type: 'ui/unsubscribe'; url: string }
  /** The reader says a sentence on a tab does not state its claim (from the popup); answered with `{ ok }`. */
  | { type: 'ui/wrong-match'; tabId: number; sentence: number };

export interface PacksReply {
  /** False when the database could not be opened: only the bundled packs are in use. */
  storage: boolean;
  packs: PackInfo[];
  subscriptions: Array<{ url: string; publicKey: string; packId?: string; lastChecked?: number; lastResult?: CheckResult }>;
}

export type ReportReply =
  | { state: 'loading' }
  | { state: 'none' }
  /** The page on show is still being looked at or read. */
  | { state: 'reading' }
  | { state: 'ready'; report: TabReport; packs: number; claims: number };

export type UItoCS =
  /** Scroll the page to a matched sentence and flash it; answered with `{ ok }`. */
  | { type: 'ui/reveal'; sentence: number }
  /** Remove a sentence's highlight (the reader called it a wrong match); answered with `{ ok }`. */
  | { type: 'bg/hide'; sentence: number }
  /** Move to the next or previous highlighted claim (keyboard command); answered with `{ ok }`. */
  | { type: 'bg/step'; direction: 1 | -1 };

const MAX_SENTENCES = 20_000;
/** Pages larger than this are not sent for reading. */
export const MAX_HTML_CHARS = 8_000_000;
/**
 * The most of a page's HTML one message carries. Sending copies the message on the page's main thread, about 70 ms
 * per 1,000 kB in Chromium 156 on a slow machine (a 300 kB page: 23 ms, one task; 64 kB: 4.4 ms); a part of this
 * size, sent in a task of its own, stays well under a long task's 50 ms even at 4x CPU throttling.
 */
export const PAGE_PART_CHARS = 64 * 1024;
/** A read's id (`cs/page-part`): a few random characters. */
const MAX_READ_ID_CHARS = 64;
/** The most parts a page may come in. */
export const MAX_PAGE_PARTS = Math.ceil(MAX_HTML_CHARS / PAGE_PART_CHARS);
const MAX_SENTENCE_CHARS = 5_000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
const isNullableStr = (v: unknown): v is string | null => v === null || isStr(v, 1_000);

function parseArticle(v: unknown): ArticleInfo | undefined {
  if (!isObj(v)) return undefined;
  const { title, byline, siteName, published, lang, words } = v;
  if (!isStr(title, 2_000) || !isNullableStr(byline) || !isNullableStr(siteName) || !isStr(lang, 35)) return undefined;
  if (published !== undefined && published !== null && !isStr(published, 100)) return undefined;
  if (typeof words !== 'number' || !Number.isFinite(words) || words < 0) return undefined;
  return { title, byline, siteName, ...(typeof published === 'string' && { published }), lang, words };
}

/** The message if it is a well-formed CStoBG, else undefined. */
export function parseCStoBG(v: unknown): CStoBG | undefined {
  if (!isObj(v) || !isStr(v.url, 8_192)) return undefined;
  if (v.type === 'cs/not-article') return { type: 'cs/not-article', url: v.url };
  if (v.type === 'cs/site-off') return { type: 'cs/site-off', url: v.url };
  if (v.type === 'cs/page') {
    if (!isStr(v.html, MAX_HTML_CHARS)) return undefined;
    if (v.read === undefined && v.parts === undefined) return { type: 'cs/page', url: v.url, html: v.html };
    const parts = v.parts;
    if (!isStr(v.read, MAX_READ_ID_CHARS) || !Number.isInteger(parts) || (parts as number) < 2 || (parts as number) > MAX_PAGE_PARTS) return undefined;
    return { type: 'cs/page', url: v.url, html: v.html, read: v.read, parts: parts as number };
  }
  if (v.type === 'cs/page-part') {
    const index = v.index;
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= MAX_PAGE_PARTS - 1) return undefined;
    return isStr(v.read, MAX_READ_ID_CHARS) && isStr(v.part, PAGE_PART_CHARS) ? { type: 'cs/page-part', url: v.url, read: v.read, index: index as number, part: v.part } : undefined;
  }
  if (v.type === 'cs/wrong-match') return Number.isInteger(v.sentence) && (v.sentence as number) >= 0 ? { type: 'cs/wrong-match', url: v.url, sentence: v.sentence as number } : undefined;
  if (v.type !== 'cs/match') return undefined;
  const article = parseArticle(v.article);
  const s = v.sentences;
  if (!article || !Array.isArray(s) || s.length > MAX_SENTENCES) return undefined;
  if (!s.every((x) => isStr(x, MAX_SENTENCE_CHARS))) return undefined;
  return { type: 'cs/match', url: v.url, article, sentences: s as string[] };
}

export function parseUItoBG(v: unknown): UItoBG | undefined {
  if (!isObj(v)) return undefined;
  switch (v.type) {
    case 'ui/report':
      return Number.isInteger(v.tabId) && (v.tabId as number) >= 0 ? { type: 'ui/report', tabId: v.tabId as number } : undefined;
    case 'ui/packs':
      return { type: 'ui/packs' };
    case 'ui/subscribe':
      return isStr(v.url, 2_048) && isStr(v.publicKey, 200) ? { type: 'ui/subscribe', url: v.url, publicKey: v.publicKey } : undefined;
    case 'ui/update':
      return v.url === undefined ? { type: 'ui/update' } : isStr(v.url, 2_048) ? { type: 'ui/update', url: v.url } : undefined;
    case 'ui/unsubscribe':
      return isStr(v.url, 2_048) ? { type: 'ui/unsubscribe', url: v.url } : undefined;
    case 'ui/wrong-match':
      return Number.isInteger(v.tabId) && Number.isInteger(v.sentence) && (v.sentence as number) >= 0 ? { type: 'ui/wrong-match', tabId: v.tabId as number, sentence: v.sentence as number } : undefined;
    default:
      return undefined;
  }
}

export function parseUItoCS(v: unknown): UItoCS | undefined {
  if (!isObj(v)) return undefined;
  const sentence = Number.isInteger(v.sentence) && (v.sentence as number) >= 0 ? (v.sentence as number) : undefined;
  if (v.type === 'ui/reveal' && sentence !== undefined) return { type: 'ui/reveal', sentence };
  if (v.type === 'bg/hide' && sentence !== undefined) return { type: 'bg/hide', sentence };
  if (v.type === 'bg/step' && (v.direction === 1 || v.direction === -1)) return { type: 'bg/step', direction: v.direction };
  return undefined;
}
