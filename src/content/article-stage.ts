import { PAGE_SETTING_KEYS, pageSettings, type PageSettings } from './page-settings';
import { readPage, type ContentEnv, type GateTimes, type ScanResult } from './scan';

/**
 * The article stage of the content script (`entrypoints/article.ts`): what the first stage needs once a page looks
 * like an article, and only then. Its code is most of what the first stage had been: the page's HTML written and sent
 * in slices (`scan.ts`, `page-html.ts`), the step measures, and the reader's settings as they bear on the page. Left
 * in the first stage it was compiled on the page's thread on every page (a content script is not compiled in the
 * background as an imported module is) at about 0.3 ms a kilobyte on this machine: see docs/design.md, Performance.
 */
export interface ArticleStage {
  read(env: ContentEnv, look: GateTimes): Promise<ScanResult>;
  /** The local storage keys `settingsOf` reads. */
  settingKeys: string[];
  settingsOf(stored: Record<string, unknown>, hostname: string): PageSettings;
}

export const articleStage: ArticleStage = { read: readPage, settingKeys: PAGE_SETTING_KEYS, settingsOf: pageSettings };
