/**
 * How a later stage of the content script hands its entry to the one that loads it. All stages run in the
 * extension's isolated world (the page's scripts see neither this property nor anything the stages hold), so a
 * property of that world's global is the handoff. The stages: the first (`entrypoints/gate.ts`, every page: the
 * gate), the article stage (`entrypoints/article.ts`, pages that look like an article: their read) and the reader
 * (`entrypoints/reader.ts`, pages where claims were found).
 */
export type Stage = 'article' | 'reader';

const keyOf = (stage: Stage) => `__claimlight:${stage}`;

type Handoff = typeof globalThis & Record<string, unknown>;

export function offerStage(stage: Stage, entry: unknown): void {
  (globalThis as Handoff)[keyOf(stage)] = entry;
}

/**
 * Loads a stage from the extension's own files (at most once per page) and returns its entry. `url` is the address
 * the browser gives the file (runtime.getURL: per session and random in Chrome).
 */
export async function loadStage<T>(stage: Stage, url: string): Promise<T> {
  const key = keyOf(stage);
  const ready = (globalThis as Handoff)[key];
  if (ready) return ready as T;
  // eslint-disable-next-line no-unsanitized/method -- the address comes from runtime.getURL, never from the page
  await import(/* @vite-ignore */ url);
  const entry = (globalThis as Handoff)[key];
  if (!entry) throw new Error(`Claimlight: ${url} did not load`);
  return entry as T;
}
