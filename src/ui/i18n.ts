import type { Lang, MessageKey } from './messages';

/**
 * Text for the reader, in their browser's language. In the extension the browser's i18n supplies it (from
 * public/_locales, made by `npm run build:locales`); tests and test pages give `messagesIn(lang)` from
 * messages.ts. The table itself is not imported here, so that no extension bundle carries all three languages.
 */
export type GetMessage = (key: string, substitutions?: string[]) => string;

let source: GetMessage | undefined;
let language: string | (() => string) = 'en';
let lang: Lang | undefined;

/**
 * Where text comes from: `browser.i18n.getMessage` and the browser's UI language, or a table in tests. The language
 * may be given as a function, asked only when text is first wanted (the content script shows none until a card).
 */
export function useMessages(getMessage: GetMessage, uiLanguage: string | (() => string)): void {
  source = getMessage;
  language = uiLanguage;
  lang = undefined;
}

export function uiLanguage(): Lang {
  if (lang) return lang;
  const ui = typeof language === 'function' ? language() : language;
  lang = (['de', 'es'].find((l) => ui.toLowerCase().startsWith(l)) as Lang | undefined) ?? 'en';
  return lang;
}

/** The message, or its key where there is none (a missing message shows as itself rather than as nothing). */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  return source?.(key, subs.map(String)) || key;
}

/** Whether there is a message of this name: a stored one may name a message a later version no longer has. */
export function hasMessage(key: string): boolean {
  return !!source?.(key);
}

let rules: Intl.PluralRules | undefined;
let rulesLang: Lang | undefined;

/** The stem of a counted message: "claimsFound" for claimsFound_one and claimsFound_other. */
export type CountedKey = MessageKey extends infer K ? (K extends `${infer Stem}_one` ? Stem : never) : never;

/** A count as the reader's language writes it: 100,000 or 100.000 (small counts need no formatter). */
export function formatCount(n: number): string {
  return Math.abs(n) < 1000 ? String(n) : n.toLocaleString(uiLanguage());
}

/** A counted message: key_one or key_other by the language's plural rules, with the count as {1}. */
export function tn(key: CountedKey, n: number, ...more: Array<string | number>): string {
  const lang = uiLanguage();
  if (!rules || rulesLang !== lang) {
    rules = new Intl.PluralRules(lang);
    rulesLang = lang;
  }
  const form = rules.select(n) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, formatCount(n), ...more);
}

/**
 * Something to say made where there is no reader's language (the background, stored with a subscription), put
 * into words where it is shown: a message and its substitutions, or a counted one and its count.
 */
export type Said = { key: MessageKey; subs: Sub[] } | { counted: CountedKey; n: number; subs: Sub[] };
/** A substitution: words as they are, or a date (YYYY-MM-DD) to be written as the reader's language writes dates. */
export type Sub = string | { date: string };

const asSub = (s: string | number | { date: string }): Sub => (typeof s === 'object' ? s : String(s));
export const say = (key: MessageKey, ...subs: Array<string | number | { date: string }>): Said => ({ key, subs: subs.map(asSub) });
export const sayCounted = (counted: CountedKey, n: number, ...subs: Array<string | number | { date: string }>): Said => ({ counted, n, subs: subs.map(asSub) });
