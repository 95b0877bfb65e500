import { parseSettings, SETTINGS_KEY, siteDisabled, type Settings } from '../settings';
import { TIMING_KEY } from './timing';

/** The reader's choices, as they bear on this page. */
export interface PageSettings {
  /** The reader turned Claimlight off on this site. */
  off: boolean;
  /** Which matches to paint (the reader's setting); all are reported either way. */
  highlight: Settings['highlight'];
  /** Record each step's time as a User Timing measure (`timing.ts`), which the page can read: for the benchmark. */
  timing: boolean;
}

/** The keys of the extension's local storage that `pageSettings` reads. */
export const PAGE_SETTING_KEYS = [SETTINGS_KEY, TIMING_KEY];

/** The settings for a page on `hostname`, from what local storage holds under `PAGE_SETTING_KEYS`. */
export function pageSettings(stored: Record<string, unknown>, hostname: string): PageSettings {
  const chosen = parseSettings(stored[SETTINGS_KEY]);
  return { off: siteDisabled(chosen, hostname), highlight: chosen.highlight, timing: stored[TIMING_KEY] === true };
}
