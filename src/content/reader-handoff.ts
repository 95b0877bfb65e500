import type { ShowMatches } from './controller';

/**
 * How the second stage hands itself to the first. Both run in the extension's isolated world (the page's scripts
 * see neither this property nor anything the stages hold), so a property of that world's global is the handoff.
 */
const KEY = '__claimlightShowMatches';

type Handoff = typeof globalThis & { [KEY]?: ShowMatches };

export function offerReader(show: ShowMatches): void {
  (globalThis as Handoff)[KEY] = show;
}

/**
 * Loads the second stage from the extension's own files (at most once per page) and returns its entry. `url` is
 * the address the browser gives the file (runtime.getURL: per session and random in Chrome).
 */
export async function loadReader(url: string): Promise<ShowMatches> {
  const ready = (globalThis as Handoff)[KEY];
  if (ready) return ready;
  // eslint-disable-next-line no-unsanitized/method -- the address comes from runtime.getURL, never from the page
  await import(/* @vite-ignore */ url);
  const show = (globalThis as Handoff)[KEY];
  if (!show) throw new Error(`Claimlight: ${url} did not load`);
  return show;
}
