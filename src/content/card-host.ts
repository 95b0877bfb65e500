import { h, render } from 'preact';
import type { MatchView } from '../claims/views';
import { Card, type CardActions } from '../ui/Card';
import { CARD_CSS } from '../ui/theme';
import { createElement, rootOf } from '../util/dom';

/** Where a card goes: near the line the reader points at, clear of the sentence's box where the window allows. */
export interface CardAnchor {
  line: { left: number; top: number };
  box: { left: number; top: number; right: number; bottom: number };
}

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
  /** Shows the card for a sentence (see `place`); with `focus`, moves keyboard focus into it. */
  show(match: MatchView, anchor: CardAnchor, actions?: CardActions, focus?: boolean): void;
  hide(): void;
  /** Whether a viewport point is over the card. */
  contains(x: number, y: number): boolean;
  destroy(): void;
}

const GAP = 8;
/** The shortest card worth showing clear of the text (its verdict and claim; the rest scrolls). */
const MIN_CARD_HEIGHT = 140;

/**
 * Puts the card where it covers none of the sentence it explains: below it, else above it, else beside it (right,
 * then left of its column); where none of those has room, it is made as short as the roomier side allows (it
 * scrolls); only a window too short even for that gets it over the text. Always inside the window.
 */
function place(pop: HTMLElement, { line, box }: CardAnchor, vw: number, vh: number): void {
  pop.style.removeProperty('--cl-card-room');
  let { width, height } = pop.getBoundingClientRect();
  const below = vh - box.bottom - 2 * GAP;
  const above = box.top - 2 * GAP;
  const x = (left: number) => Math.min(Math.max(GAP, left), Math.max(GAP, vw - width - GAP));
  const y = (top: number) => Math.min(Math.max(GAP, top), Math.max(GAP, vh - height - GAP));
  let left: number;
  let top: number;
  if (height <= below) [left, top] = [x(line.left), box.bottom + GAP];
  else if (height <= above) [left, top] = [x(line.left), box.top - GAP - height];
  else if (width <= vw - box.right - 2 * GAP) [left, top] = [box.right + GAP, y(line.top)];
  else if (width <= box.left - 2 * GAP) [left, top] = [box.left - GAP - width, y(line.top)];
  else {
    const room = Math.max(below, above);
    if (room >= MIN_CARD_HEIGHT) {
      pop.style.setProperty('--cl-card-room', `${room}px`);
      ({ width, height } = pop.getBoundingClientRect());
      [left, top] = [x(line.left), below >= above ? box.bottom + GAP : box.top - GAP - height];
    } else [left, top] = [x(line.left), y(box.bottom + GAP)];
  }
  pop.style.left = `${left}px`;
  pop.style.top = `${y(top)}px`;
}

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
      pop.hidden = false;
      place(pop, anchor, win.innerWidth, win.innerHeight);
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
