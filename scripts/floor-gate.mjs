// The least a content script doing the gate's job can cost a page, for scale (`npm run bench:ab -- DIR --floor`):
// a hand-written script that does only what every page needs of Claimlight's first stage and nothing more. In a
// task of its own, it reads the body, runs the gate's own check (src/extract/gate.ts), watches the Navigation
// API for a move to another address and, on a page that is no article, waits for the load event to look again. On
// an article it serialises the whole page in one go and, in the next task, hands it to the background (which does
// not know the message): the least the page pays before any answer, with nothing anchored or painted after it. It
// keeps no state: it is a reference, not a build a reader could use.
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
  setTimeout(() => {
    const article = !!document.body && gate.looksLikeArticle(document);
    if (typeof navigation === 'object') navigation.addEventListener('navigate', () => undefined);
    if (article) {
      const html = document.documentElement.outerHTML;
      setTimeout(() => chrome.runtime.sendMessage({ type: 'floor', html }).catch(() => undefined), 0);
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
