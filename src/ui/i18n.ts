import { MESSAGES, type Lang, type MessageKey } from './messages';

/**
 * Text for the reader, in their browser's language. In the extension the browser's i18n supplies it (from
 * public/_locales, made by `npm run build:locales`); elsewhere (tests, the CLI) the messages are read directly.
 */
type GetMessage = (key: string, substitutions?: string[]) => string;

let fromBrowser: GetMessage | undefined;
let lang: Lang = 'en';

/** Uses the browser's i18n (`browser.i18n.getMessage` and its UI language). */
export function useBrowserMessages(getMessage: GetMessage, uiLanguage: string): void {
  fromBrowser = getMessage;
  lang = (['de', 'es'].find((l) => uiLanguage.toLowerCase().startsWith(l)) as Lang | undefined) ?? 'en';
}

/** Reads messages directly in one language (tests). */
export function useLanguage(l: Lang): void {
  fromBrowser = undefined;
  lang = l;
}

export function uiLanguage(): Lang {
  return lang;
}

export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const s = subs.map(String);
  const m = fromBrowser?.(key, s);
  if (m) return m;
  return MESSAGES[key][lang].replace(/\{(\d)\}/g, (_, i: string) => s[Number(i) - 1] ?? '');
}

let rules: Intl.PluralRules | undefined;
let rulesLang: Lang | undefined;

/** A counted message: key_one or key_other by the language's plural rules, with the count as {1}. */
export function tn(key: string, n: number, ...more: Array<string | number>): string {
  if (!rules || rulesLang !== lang) {
    rules = new Intl.PluralRules(lang);
    rulesLang = lang;
  }
  const form = rules.select(n) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, n, ...more);
}
