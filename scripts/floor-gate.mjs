// The least a content script doing Claimlight's job can cost a page, for scale (`npm run bench:ab -- DIR --floor`):
// a hand-written script that does only what the job needs and nothing more. In a task of its own, it reads the body,
// runs the gate's own check (src/extract/gate.ts), watches the Navigation API for a move to another address and, on
// a page that is no article, waits for the load event to look again. On an article it serialises the whole page in
// one go and, in the next task, hands it to the background as the content script does; in a task after the answer,
// it finds each matched sentence in its paragraph and paints them all as one highlight. It has no card, no settings,
// no slices between which the page may run, and keeps no state: it is a reference, not a build a reader could use.
// (Until the twenty-first session, 2026-11-27, it stopped at the send: the least paid before any answer.)
import { buildSync } from 'esbuild';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** The gate's check as the build has it, minified, defining `gate.looksLikeArticle`. */
const check = buildSync({
  entryPoints: [join(import.meta.dirname, '..', 'src', 'extract', 'gate.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'gate',
  write: false,
}).outputFiles[0].text;

const GATE = `(() => {
  ${check}
  // Each matched sentence found in its paragraph's text (a paragraph found by its path and read once: its text
  // nodes' text with whitespace collapsed; the sentence's first and last characters taken back to their nodes) and
  // all painted as one highlight, with a sheet of its own.
  const show = ({ matches, quotes }) => {
    const ranges = [];
    const read = new Map();
    const textOf = (el) => {
      const nodes = [];
      const starts = [];
      let text = '';
      const walker = document.createTreeWalker(el, 4);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push(node);
        starts.push(text.length);
        text += node.nodeValue.replace(/\\s+/g, ' ');
      }
      return { nodes, starts, text };
    };
    for (const { sentence } of matches) {
      const quote = quotes[sentence];
      let el = document.body;
      for (const i of quote?.path ?? []) el = el?.children[i];
      if (!el) continue;
      if (!read.has(el)) read.set(el, textOf(el));
      const { nodes, starts, text } = read.get(el);
      const exact = quote.exact.trim();
      const at = text.indexOf(exact);
      if (at < 0) continue;
      const place = (pos) => {
        let i = starts.length - 1;
        while (starts[i] > pos) i--;
        return [nodes[i], pos - starts[i]];
      };
      const range = document.createRange();
      range.setStart(...place(at));
      const [node, offset] = place(at + exact.length - 1);
      range.setEnd(node, offset + 1);
      ranges.push(range);
    }
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('::highlight(floor) { background: rgba(255, 200, 40, 0.38); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    CSS.highlights.set('floor', new Highlight(...ranges));
  };
  setTimeout(() => {
    const article = !!document.body && gate.looksLikeArticle(document);
    if (typeof navigation === 'object') navigation.addEventListener('navigate', () => undefined);
    if (article) {
      const html = document.documentElement.outerHTML;
      setTimeout(async () => {
        const reply = await chrome.runtime.sendMessage({ type: 'cs/page', url: location.href, html }).catch(() => null);
        if (reply?.matches?.length && reply.quotes) setTimeout(() => show(reply), 0);
      }, 0);
      return;
    }
    const seen = document.getElementsByTagName('*').length;
    const again = () => setTimeout(() => document.getElementsByTagName('*').length !== seen, 300);
    if (document.readyState === 'complete') again();
    else addEventListener('load', again, { once: true });
  }, 0);
})();
`;

/** A copy of the built extension at `dir` whose content script is the floor's; returns the copy's folder. */
export function floorBuild(dir) {
  // A script that does not compile would measure nothing and look cheap.
  new Script(GATE, { filename: 'floor-gate.js' });
  const copy = mkdtempSync(join(tmpdir(), 'claimlight-floor-'));
  cpSync(dir, copy, { recursive: true });
  writeFileSync(join(copy, 'gate.js'), GATE);
  return copy;
}
