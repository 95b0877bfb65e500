/**
 * Paints ranges on the live page without changing its DOM. Where the CSS Custom Highlight API exists (Chrome 105+,
 * Firefox 140+, Safari 17.2+) ranges are registered as named highlights styled by one adopted stylesheet; where it
 * does not, translucent boxes are drawn over the text inside our own shadow root.
 */
import { protoGet, protoSet } from '../util/dom';

/** How the page puts the claim: asserts it, only suggests it (a hedged assertion), or denies it. */
export type Tone = 'asserts' | 'suggests' | 'denies';

/** The overlay's colours (the highlights' are in their stylesheet below). */
const OVERLAY: Record<Tone, string> = { asserts: 'rgba(255,200,40,0.38)', suggests: 'rgba(255,200,40,0.16)', denies: 'rgba(80,170,255,0.30)' };

export interface Painter {
  /** Replaces what is painted with these ranges. */
  paint(items: Array<{ range: Range; tone: Tone }>): void;
  /** Draws attention to one range for a moment. */
  flash(range: Range): void;
  /** The painted range under a viewport point, if any. */
  rangeAt(x: number, y: number): Range | undefined;
  /** Removes everything painted and every stylesheet added. */
  destroy(): void;
}

interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
  highlightsFromPoint?(x: number, y: number): Array<{ highlight: unknown; ranges: AbstractRange[] }>;
}
type HighlightCtor = new (...ranges: Range[]) => { add(r: Range): void; clear(): void; priority: number };

const FLASH_MS = 1400;
/** More adopted sheets than any real page has: a page that claims more is not believed. */
const MAX_SHEETS = 1000;

function hit(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

/** Firefox's helpers for objects that cross between a content script and the page (absent elsewhere). */
declare const cloneInto: ((value: unknown, scope: object, options?: { wrapReflectors?: boolean }) => unknown) | undefined;
declare const XPCNativeWrapper: ((<T>(value: T) => T) & { unwrap<T>(value: T): T }) | undefined;

const inFirefox = () => typeof XPCNativeWrapper === 'function';

/**
 * The document's adopted sheets, read and written through the prototype's accessors (a page's named elements,
 * `<img name="adoptedStyleSheets">`, cannot stand in for them). Firefox (seen in 140.12 ESR) lets neither go through a
 * content script's wrapper of the document (reading gives an empty list, writing throws "Accessing from Xray wrapper
 * is not supported"), so there they go through the page's own view of it, which the page controls: what it returns
 * is re-wrapped and kept only if it is a real sheet, the list handed to it is a copy made for the page, and what
 * ends up adopted is read back before it is relied on.
 */
function readSheets(doc: Document): CSSStyleSheet[] {
  const win = doc.defaultView!;
  let list: ArrayLike<unknown> | undefined;
  try {
    list = protoGet<ArrayLike<unknown>>(inFirefox() ? XPCNativeWrapper!.unwrap(doc) : doc, 'adoptedStyleSheets');
  } catch {
    // a page's getter that throws: there is nothing of the page's to keep
  }
  const length = Math.min(Number(list?.length) || 0, MAX_SHEETS);
  const sheets: CSSStyleSheet[] = [];
  for (let i = 0; i < length; i++) {
    const sheet = inFirefox() ? XPCNativeWrapper!(list![i]) : list![i];
    if (sheet instanceof win.CSSStyleSheet) sheets.push(sheet);
  }
  return sheets;
}

function writeSheets(doc: Document, sheets: CSSStyleSheet[]): void {
  try {
    protoSet(doc, 'adoptedStyleSheets', sheets);
  } catch (e) {
    if (!inFirefox() || typeof cloneInto !== 'function' || !doc.defaultView) throw e;
    protoSet(XPCNativeWrapper!.unwrap(doc), 'adoptedStyleSheets', cloneInto(sheets, doc.defaultView, { wrapReflectors: true }));
  }
}

/** Highlight names carry a per-page suffix, so that page CSS cannot aim at them by name. */
export function createHighlightPainter(win: Window & typeof globalThis, doc: Document, suffix: string): Painter | undefined {
  const registry = (win.CSS as unknown as { highlights?: HighlightRegistry }).highlights;
  const Highlight = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  if (!registry || !Highlight || !('adoptedStyleSheets' in doc)) return undefined;

  const names = {
    asserts: `claimlight-asserts-${suffix}`,
    suggests: `claimlight-suggests-${suffix}`,
    denies: `claimlight-denies-${suffix}`,
    flash: `claimlight-flash-${suffix}`,
  };
  const sheet = new win.CSSStyleSheet();
  // A suggestion is the assertion's amber, paler, with a dashed line: the same claim, put forward less firmly.
  sheet.replaceSync(`
    ::highlight(${names.asserts}) { background-color: rgba(255, 196, 0, 0.32); }
    ::highlight(${names.suggests}) { background-color: rgba(255, 196, 0, 0.14); text-decoration: underline dashed rgba(176, 112, 0, 0.9); }
    ::highlight(${names.denies}) { background-color: rgba(64, 156, 255, 0.26); text-decoration: underline dotted rgba(20, 100, 200, 0.85); }
    ::highlight(${names.flash}) { background-color: rgba(255, 120, 0, 0.65); color: #000; }
  `);
  try {
    writeSheets(doc, [...readSheets(doc), sheet]);
  } catch {
    return undefined; // a page that breaks its adopted sheets gets the overlay instead
  }
  // In Firefox the page's own setter has the last word, and it may ignore us: unstyled highlights would show
  // nothing, so such a page gets the overlay too.
  if (!readSheets(doc).includes(sheet)) return undefined;

  const tones: Record<Tone, InstanceType<HighlightCtor>> = { asserts: new Highlight(), suggests: new Highlight(), denies: new Highlight() };
  const flash = new Highlight();
  flash.priority = 1;
  for (const tone of ['asserts', 'suggests', 'denies'] as const) registry.set(names[tone], tones[tone]);
  registry.set(names.flash, flash);
  let painted: Range[] = [];
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  return {
    paint(items) {
      for (const h of Object.values(tones)) h.clear();
      painted = items.map((i) => i.range);
      for (const { range, tone } of items) tones[tone].add(range);
    },
    flash(range) {
      clearTimeout(flashTimer);
      flash.clear();
      flash.add(range);
      // Three short pulses: visible without a lasting change to the page.
      let pulses = 0;
      const tick = () => {
        pulses++;
        if (pulses % 2) flash.clear();
        else flash.add(range);
        if (pulses < 5) flashTimer = setTimeout(tick, FLASH_MS / 6);
        else flashTimer = setTimeout(() => flash.clear(), FLASH_MS / 3);
      };
      flashTimer = setTimeout(tick, FLASH_MS / 3);
    },
    rangeAt(x, y) {
      return painted.find((r) => hit(r, x, y));
    },
    destroy() {
      clearTimeout(flashTimer);
      for (const name of Object.values(names)) registry.delete(name);
      try {
        writeSheets(doc, readSheets(doc).filter((s) => s !== sheet));
      } catch {
        // the page broke its own sheets after ours went in: ours paints nothing once its highlights are gone
      }
      painted = [];
    },
  };
}

/**
 * The fallback: boxes over each line of each range, in a layer of our own (inside the closed shadow root), moved
 * on scroll and resize. They let pointer events through, so the page works as before.
 */
export function createOverlayPainter(win: Window, layer: HTMLElement): Painter {
  const doc = layer.ownerDocument;
  let items: Array<{ range: Range; tone: Tone }> = [];
  let flashRange: Range | undefined;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;

  const draw = () => {
    frame = 0;
    layer.replaceChildren();
    const add = (range: Range, color: string) => {
      for (const r of range.getClientRects()) {
        const box = doc.createElement('div');
        box.style.cssText = `position:fixed;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;background:${color};pointer-events:none;`;
        layer.append(box);
      }
    };
    for (const { range, tone } of items) add(range, OVERLAY[tone]);
    if (flashRange) add(flashRange, 'rgba(255,120,0,0.5)');
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(draw);
  };
  win.addEventListener('scroll', schedule, { passive: true, capture: true });
  win.addEventListener('resize', schedule, { passive: true });

  return {
    paint(next) {
      items = next;
      schedule();
    },
    flash(range) {
      clearTimeout(flashTimer);
      flashRange = range;
      schedule();
      flashTimer = setTimeout(() => {
        flashRange = undefined;
        schedule();
      }, FLASH_MS);
    },
    rangeAt(x, y) {
      return items.find((i) => hit(i.range, x, y))?.range;
    },
    destroy() {
      clearTimeout(flashTimer);
      if (frame) win.cancelAnimationFrame(frame);
      win.removeEventListener('scroll', schedule, { capture: true });
      win.removeEventListener('resize', schedule);
      layer.replaceChildren();
      items = [];
    },
  };
}
