import { MAX_HTML_CHARS, PAGE_PART_CHARS, type CStoBG, type MatchReply } from '../messaging/contract';
import type { ReaderStage, Session } from './controller';
import { pageHtmlInSlices } from './page-html';
import type { PageSettings } from './page-settings';
import { clockOf, type Clock } from './timing';
import { nextTask } from '../util/tasks';

/**
 * Reading a page that passed the gate (`first-look.ts`, in the same first stage of the content script): the
 * reader's settings, the page's HTML to the background, which reads (Readability) and matches it off this thread,
 * and, only if claims were found, the reader stage (`controller.ts`, loaded by `reader`) to anchor, paint and show
 * them. A page without claims costs no more than this file and one message.
 */

/** What reading a page needs, passed in so that tests can give it a page of their own. */
export interface ContentEnv {
  window: Window & typeof globalThis;
  document: Document;
  send(msg: CStoBG): Promise<MatchReply | null>;
  /** Ends everything this read set up (a navigation within the page, the site switched off, the extension gone). */
  signal: AbortSignal;
  /**
   * The reader's settings, asked for only once the page looks like an article: reading them makes the browser build
   * its storage bindings, which every other page is spared. A page that is no article is reported as such, and the
   * background, which knows the settings, records it as switched off where the reader turned its site off.
   */
  settings(): Promise<PageSettings>;
  /** Loads the reader stage: anchoring, painting and the card. */
  reader(): Promise<ReaderStage>;
}

/** The look that passed the gate: when it began (before it yielded) and when the gate ran, performance.now(). */
export interface GateTimes {
  started: number;
  gate: [number, number];
}

/** What a read found: whether its site is switched off, and the session if claims were shown. */
export interface ScanResult {
  off?: boolean;
  session?: Session | undefined;
}

/** Reads a page that passed the gate; the step measures run from `look.started` to the end, whatever it found. */
export async function readPage(env: ContentEnv, look: GateTimes): Promise<ScanResult> {
  const clock = clockOf(env.window);
  clock.record('gate', ...look.gate);
  try {
    return await read(env, clock);
  } finally {
    // For the benchmark: this read is over, whatever it found.
    clock.record('done', look.started, env.window.performance.now());
  }
}

async function read(env: ContentEnv, clock: Clock): Promise<ScanResult> {
  const { document: doc, window: win, signal } = env;
  const url = doc.location?.href ?? '';
  // The settings are asked for now, and the page is sent without waiting for them: while a page loads, the browser
  // holds back the answers to its calls to the extension's API until about its load event (on the long article 50–70
  // ms after DOMContentLoaded at 1x, about 160 at 4x), but delivers what it sends within a few milliseconds, so the
  // background reads and matches in that time. The background knows the settings too and drops, unread, a page on a
  // site the reader switched off; where they are known here before the page is sent, it is not sent.
  let known: PageSettings | undefined;
  const asked = env.settings();
  asked.then((got) => void (known = got), () => undefined);
  // (The first call to storage builds its bindings, about 3 ms at 4x: not in the serialisation's first slice.)
  await nextTask(win);
  if (signal.aborted) return {};
  // The page's HTML goes to the background: its serialisation (`page-html.ts`, in slices between which the page
  // runs) and the message's copy are the costs here, paid by the kilobyte.
  const html = await pageHtmlInSlices(doc, win, signal, (start, end) => clock.record('serialize', start, end), MAX_HTML_CHARS);
  if (signal.aborted) return {};
  if (known?.off) {
    clock.decide(known.timing);
    await env.send({ type: 'cs/site-off', url });
    return { off: true };
  }
  // (Empty too for a page larger than the background takes.)
  if (!html) {
    await env.send({ type: 'cs/not-article', url });
    return {};
  }
  // The send copies the HTML on this thread (30 ms for Breitbart's 226 kB at 4x CPU throttling): in parts of
  // `PAGE_PART_CHARS`, each in a task of its own. A part's answer is not waited for (it too would come only by the
  // load event): the parts are numbered, and the background waits for any still on its way when the last comes.
  const parts = partsOf(html, PAGE_PART_CHARS);
  const read = parts.length > 1 ? Math.random().toString(36).slice(2) : undefined;
  const sent = win.performance.now();
  for (const [index, part] of parts.slice(0, -1).entries()) {
    await nextTask(win);
    if (signal.aborted) return {};
    env.send({ type: 'cs/page-part', url, read: read!, index, part }).catch(() => undefined);
  }
  await nextTask(win);
  if (signal.aborted) return {};
  const last = parts[parts.length - 1]!;
  const reply = await env.send(read ? { type: 'cs/page', url, html: last, read, parts: parts.length } : { type: 'cs/page', url, html: last });
  const settings = await asked;
  clock.decide(settings.timing);
  if (signal.aborted) return {};
  if (reply?.status === 'site-off') return { off: true };
  if (read && !reply) throw new Error('the page was sent in parts and the background did not get them all');
  clock.record('background', sent, win.performance.now());
  if (reply?.timings) {
    const { read: readMs, match: matchMs, worker } = reply.timings;
    // In this page's time: when the background had the page, if it says (else when the page was sent).
    const at = (epoch: number) => epoch - win.performance.timeOrigin;
    const readFrom = worker ? at(worker.received) : sent;
    // A worker that started while this page loaded was woken for it: its start is on the way to the highlights.
    if (worker && at(worker.started) >= 0) {
      clock.record('worker-start', at(worker.started), at(worker.ready));
      // Its claims load as its script runs (the stored index), while it waits for the page.
      if (worker.claims) clock.record('worker-claims', at(worker.ready), at(worker.claims));
    }
    clock.record('background-read', readFrom, readFrom + readMs);
    clock.record('background-match', readFrom + readMs, readFrom + readMs + matchMs);
  }
  if (signal.aborted || !reply || reply.matches.length === 0 || !reply.quotes) return {};
  // The answer may come in a task the page has filled (it now comes while the page is still loading): the reader
  // stage's import goes in one of its own.
  await nextTask(win);
  if (signal.aborted) return {};
  const loaded = win.performance.now();
  let show: ReaderStage;
  try {
    show = await env.reader();
  } catch (e) {
    // The claims are still counted on the toolbar button and listed in the popup; only the highlights are missing.
    console.warn('Claimlight could not load its highlighter:', e);
    return {};
  }
  clock.record('load-reader', loaded, win.performance.now());
  if (signal.aborted) return {};
  return { session: await show({ window: win, document: doc, send: env.send, signal, highlight: settings.highlight, timing: settings.timing }, reply) };
}

/**
 * `text` cut into pieces of at most `size` characters, never between the two halves of a surrogate pair (each piece
 * goes as a message of its own).
 */
export function partsOf(text: string, size: number): string[] {
  const parts: string[] = [];
  let at = 0;
  while (text.length - at > size) {
    let end = at + size;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
    parts.push(text.slice(at, end));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}
