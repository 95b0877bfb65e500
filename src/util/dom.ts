/**
 * DOM access that a hostile page cannot redirect. Named elements clobber document properties ("<img name=body>"
 * makes document.body the image, "<form name=createElement>" replaces the method), and that holds in a content
 * script's isolated world too. Going through the prototype's own getters and methods bypasses the clobbering, and
 * the prototypes of an isolated world are not the page's to change.
 */

function descriptor(obj: object, name: string): PropertyDescriptor | undefined {
  for (let p = Object.getPrototypeOf(obj); p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d;
  }
  return undefined;
}

/** The value of an accessor property as the prototype defines it. */
export function protoGet<T>(obj: object, name: string): T | undefined {
  return descriptor(obj, name)?.get?.call(obj) as T | undefined;
}

/** Sets an accessor property through the prototype's setter; throws where the prototype has none. */
export function protoSet(obj: object, name: string, value: unknown): void {
  const set = descriptor(obj, name)?.set;
  if (!set) throw new TypeError(`no setter ${name}`);
  set.call(obj, value);
}

/** Calls a method as the prototype defines it. */
export function protoCall<T>(obj: object, name: string, ...args: unknown[]): T {
  const fn = descriptor(obj, name)?.value as ((...a: unknown[]) => T) | undefined;
  if (typeof fn !== 'function') throw new TypeError(`no method ${name}`);
  return fn.apply(obj, args);
}

export const bodyOf = (doc: Document): HTMLElement | null => protoGet<HTMLElement | null>(doc, 'body') ?? null;
export const rootOf = (doc: Document): HTMLElement | null => protoGet<HTMLElement | null>(doc, 'documentElement') ?? null;
export const createElement = (doc: Document, tag: string): HTMLElement => protoCall<HTMLElement>(doc, 'createElement', tag);
export const createRange = (doc: Document): Range => protoCall<Range>(doc, 'createRange');

/** The element at a path of indices among element children from root, if there is one. */
export function elementAt(root: Element, path: readonly number[]): Element | null {
  let el: Element | null = root;
  for (const i of path) {
    if (!Number.isInteger(i) || i < 0) return null;
    el = protoGet<HTMLCollection>(el, 'children')?.[i] ?? null;
    if (!el) return null;
  }
  return el;
}

/**
 * Removes, in a document of our own (a clone), the id and name attributes that would clobber a property of
 * the document or of the forms in it, so that a library that reads `document.body` (Readability) reads the body.
 * Returns how many were removed.
 */
export function unclobber(doc: Document): number {
  const root = rootOf(doc);
  if (!root) return 0;
  let removed = 0;
  const all = protoCall<ArrayLike<Element>>(root, 'querySelectorAll', '[id], [name]');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    for (const attr of ['id', 'name']) {
      const v = protoCall<string | null>(el, 'getAttribute', attr);
      if (v && (v in doc || v in root)) {
        protoCall(el, 'removeAttribute', attr);
        removed++;
      }
    }
  }
  return removed;
}
