/**
 * The visible text of a live DOM subtree as one string with whitespace collapsed, and the way back from a position
 * in that string to a (text node, offset) in the page. Built on demand and thrown away: the page changes under us.
 */

// Text a reader does not read as part of the article, or that we must not touch.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'INPUT', 'BUTTON', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'TITLE']);

export interface TextIndex {
  text: string;
  /** For each character of `text`, its text node and offset there. */
  nodes: Text[];
  offsets: Int32Array;
  /** Which entry of `nodes` each character comes from. */
  nodeOf: Int32Array;
}

function skipped(el: Element): boolean {
  if (SKIP.has(el.tagName.toUpperCase())) return true;
  // Editable regions belong to the reader's own writing: never highlight there.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

export function buildTextIndex(root: Node, exclude?: Node): TextIndex {
  const chars: string[] = [];
  const nodes: Text[] = [];
  const nodeOfList: number[] = [];
  const offsetList: number[] = [];
  let lastSpace = true;

  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child === exclude) continue;
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        if (!value) continue;
        const n = nodes.length;
        nodes.push(child as Text);
        for (let i = 0; i < value.length; i++) {
          const c = value[i]!;
          if (/\s/.test(c)) {
            if (lastSpace) continue;
            chars.push(' ');
            lastSpace = true;
          } else {
            chars.push(c);
            lastSpace = false;
          }
          nodeOfList.push(n);
          offsetList.push(i);
        }
      } else if (child.nodeType === 1 && !skipped(child as Element)) {
        // A block-ish boundary reads as a space, so words of adjacent paragraphs do not run together.
        if (!lastSpace) {
          const tag = (child as Element).tagName.toUpperCase();
          if (/^(P|DIV|LI|H[1-6]|BR|TR|TD|TH|BLOCKQUOTE|SECTION|ARTICLE|FIGCAPTION|DT|DD|HEADER|FOOTER)$/.test(tag)) {
            chars.push(' ');
            nodeOfList.push(Math.max(0, nodes.length - 1));
            offsetList.push(-1);
            lastSpace = true;
          }
        }
        walk(child);
      }
    }
  };
  walk(root);
  return { text: chars.join(''), nodes, offsets: Int32Array.from(offsetList), nodeOf: Int32Array.from(nodeOfList) };
}
