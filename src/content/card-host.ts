import { h, render } from 'preact';
import type { MatchView } from '../claims/views';
import { Card, type CardActions } from '../ui/Card';
import { CARD_CSS } from '../ui/theme';
import { createElement, rootOf } from '../util/dom';

/**
 * Our one element in the page: an empty host on <html> (not <body>, which frameworks re-render) with a closed
 * shadow root holding the hover card and, where the Highlight API is missing, the highlight layer. It is created
 * only when first needed (a card shown, or the fallback painter), so a page that hydrates after we ran sees its
 * markup exactly as the server sent it. Inline !important styles keep page CSS from moving or hiding it; the page
 * cannot reach inside.
 */
export interface CardHost {
  /** Layer for the fallback painter (creates the host). */
  readonly layer: HTMLElement;
  /** Shows the card for a match beside a line of text; with `focus`, moves keyboard focus into it. */
  show(match: MatchView, anchor: DOMRect, actions?: CardActions, focus?: boolean): void;
  hide(): void;
  /** Whether a viewport point is over the card. */
  contains(x: number, y: number): boolean;
  destroy(): void;
}

const GAP = 8;
/** The shortest card still worth reading: its claim, tally and notes (about 240 px) and the top of its sources. */
const MIN_CARD_HEIGHT = 260;

export function createCardHost(doc: Document): CardHost {
  const win = doc.defaultView!;
  let parts: { host: HTMLElement; layer: HTMLElement; pop: HTMLElement } | undefined;

  const ensure = () => {
    if (parts) return parts;
    const host = createElement(doc, 'div');
    host.setAttribute('style', 'all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important;');
    const root = host.attachShadow({ mode: 'closed' });
    const style = createElement(doc, 'style');
    style.textContent = `${CARD_CSS}
      .layer { position: fixed; inset: 0; pointer-events: none; }
      .pop { position: fixed; pointer-events: auto; }
      .pop[hidden] { display: none; }`;
    const layer = createElement(doc, 'div');
    layer.className = 'layer';
    const pop = createElement(doc, 'div');
    pop.className = 'pop';
    pop.hidden = true;
    root.append(style, layer, pop);
    rootOf(doc)!.append(host);
    parts = { host, layer, pop };
    return parts;
  };

  return {
    get layer() {
      return ensure().layer;
    },
    show(match, anchor, actions = {}, focus = false) {
      const { pop } = ensure();
      render(h(Card, { match, ...actions }), pop);
      pop.style.removeProperty('--cl-card-room');
      pop.hidden = false;
      let { width, height } = pop.getBoundingClientRect();
      const vw = win.innerWidth;
      const vh = win.innerHeight;
      // Below the line if it fits, else above if it fits, else on the roomier side; always inside the viewport.
      const below = vh - anchor.bottom - GAP;
      const above = anchor.top - GAP;
      // Where it fits on neither side, it is made as short as the roomier side (its coverage list scrolls), so as
      // not to cover the sentence it is about; only a window too short for even that gets a card over the line.
      const room = Math.max(below, above) - GAP;
      if (height > below && height > above && room >= MIN_CARD_HEIGHT) {
        pop.style.setProperty('--cl-card-room', `${room}px`);
        ({ width, height } = pop.getBoundingClientRect());
      }
      let top = anchor.bottom + GAP;
      if (height > below && (height <= above || above > below)) top = anchor.top - GAP - height;
      top = Math.min(Math.max(GAP, top), vh - height - GAP);
      const left = Math.min(Math.max(GAP, anchor.left), Math.max(GAP, vw - width - GAP));
      pop.style.left = `${left}px`;
      pop.style.top = `${Math.max(GAP, top)}px`;
      if (focus) (pop.firstElementChild as HTMLElement | null)?.focus({ preventScroll: true });
    },
    hide() {
      if (!parts) return;
      parts.pop.hidden = true;
      render(null, parts.pop);
    },
    contains(x, y) {
      if (!parts || parts.pop.hidden) return false;
      const r = parts.pop.getBoundingClientRect();
      return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
    },
    destroy() {
      if (!parts) return;
      render(null, parts.pop);
      parts.host.remove();
      parts = undefined;
    },
  };
}
