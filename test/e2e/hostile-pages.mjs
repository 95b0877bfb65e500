// Hostile and awkward pages for the reliability tests, served by the e2e server at /hostile/<name>. Each states
// some of the seed story's claims, so that we can tell "still works" from "silently gave up".
import { build } from 'esbuild';
import { ROOT } from './harness.mjs';

export const CLAIM_A = 'Top members of Meta’s new Superintelligence Lab have reportedly discussed moving away from the company’s powerful open-source AI model, Behemoth.';
export const CLAIM_B = 'A Meta spokesperson clarified that the company’s official position on open-source AI remains “unchanged.”';
const FILLER = [
  'The report set off a week of debate among developers who build on the company’s models, many of whom said they had planned their products around continued access to new releases.',
  'Analysts noted that the company has spent heavily on data centres and on hiring researchers, and that investors have asked how that spending will pay off in the coming years.',
  'Several researchers said that the performance of recent models had disappointed people inside the company, which added to the pressure on the new team to show results quickly.',
  'Smaller firms that fine-tune open models for customers said they were watching closely, since a change in direction would force them to look for other suppliers or train their own.',
];

function article(title, extra = '', head = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body><header><a href="/">Home</a> · <a href="/tech">Tech</a></header>
<article><h1>${title}</h1>
<p>${FILLER[0]} ${CLAIM_A}</p>
<p>${FILLER[1]}</p>
<p>${CLAIM_B} ${FILLER[2]}</p>
<p>${FILLER[3]}</p>
${extra}
</article><footer>© Test News</footer></body></html>`;
}

async function hydrationBundle() {
  const out = await build({
    stdin: {
      contents: `
        import { hydrateRoot } from 'react-dom/client';
        import { createElement as h } from 'react';
        window.__hydrationErrors = [];
        const paragraphs = JSON.parse(document.getElementById('data').textContent);
        function App() {
          return h('article', null, h('h1', null, 'Meta and open models'), ...paragraphs.map((p, i) => h('p', { key: i }, p)));
        }
        // Hydrate late, after Claimlight has read the page, as slow sites do.
        setTimeout(() => {
          hydrateRoot(document.getElementById('root'), h(App), {
            onRecoverableError: (e) => window.__hydrationErrors.push(String(e && e.message || e)),
          });
          window.__hydrated = true;
        }, 2500);`,
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

function reactPage(script) {
  const paragraphs = [`${FILLER[0]} ${CLAIM_A}`, FILLER[1], `${CLAIM_B} ${FILLER[2]}`, FILLER[3]];
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Meta and open models</title></head><body>
<div id="root"><article><h1>Meta and open models</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</article></div>
<script type="application/json" id="data">${JSON.stringify(paragraphs).replace(/</g, '\\u003c')}</script>
<script>${script}</script></body></html>`;
}

function hugePage() {
  // About 1.6 MB of HTML around 30,000 words of article: 680 paragraphs, each in the heavy markup of a real site
  // (wrappers, long class lists, data attributes, inline icons).
  const classes = Array.from({ length: 12 }, (_, k) => `c-${k}-${'x'.repeat(18)}`).join(' ');
  const icon = `<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="${'M12 2L2 7l10 5 10-5-10-5z '.repeat(12)}"/></svg>`;
  const paras = [];
  for (let i = 0; i < 680; i++) {
    const words = `${FILLER[i % 4]} Section ${i} adds detail on the costs, the hiring and the schedule of the next release.`;
    paras.push(`<div class="${classes}" data-track='${JSON.stringify({ i, kind: 'para', ab: 'variant-b', ts: 1700000000 + i })}'><div class="${classes}"><p data-i="${i}">${words} ${i === 40 ? CLAIM_A : ''}</p><aside class="${classes}">${icon}${icon}<span class="${classes}">Share</span></aside></div></div>`);
  }
  return article('A very long page', paras.join('\n'));
}

export async function hostilePages(origin) {
  const pages = {
    clobber: article('Clobbered document', `<img name="body" src="data:,"><form id="getElementById"></form><form name="querySelectorAll"></form><a id="createElement"></a><form name="createRange"><input name="cloneNode"></form><img name="documentElement" src="data:,"><img name="adoptedStyleSheets" src="data:,"><img name="wrappedJSObject" src="data:,">`),
    pollute: article(
      'Polluted prototypes',
      '<p id="counter">0</p>',
      `<script>
        Object.prototype.type = 'ui/reveal'; Object.prototype.sentence = 0; Object.prototype.then = undefined;
        Array.prototype.map = function () { return []; }; Array.prototype.filter = function () { return []; };
        String.prototype.trim = function () { return 'polluted'; }; JSON.parse = () => ({ evil: true });
        Function.prototype.apply = function () { throw new Error('apply hijacked'); };
        window.addEventListener('load', () => {
          for (let i = 0; i < 20; i++) window.postMessage({ type: 'cs/match', url: 'x', article: {}, sentences: [] }, '*');
          window.postMessage({ type: 'ui/reveal', sentence: 0 }, '*');
          let n = 0; setInterval(() => { document.getElementById('counter').textContent = String(++n); }, 50);
        });
      </script>`,
    ),
    css: article(
      'Aggressive CSS',
      '',
      `<style>
        html > div, body ~ div, div[style] { display: none !important; visibility: hidden !important; opacity: 0 !important; }
        * { all: unset; } p { display: block !important; }
        ::highlight(claimlight-asserts) { background: transparent !important; }
        :host { display: none !important; }
      </style>`,
    ),
    react: reactPage(await hydrationBundle()),
    editor: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Editor</title></head><body><article><h1>Draft</h1>
      <p>${FILLER[0]} ${FILLER[1]}</p>
      <div id="editor" contenteditable="true"><p>${CLAIM_A}</p><p>${FILLER[2]}</p></div>
      <textarea id="ta" rows="4" cols="80">${CLAIM_B}</textarea>
      <p>${CLAIM_B} ${FILLER[3]}</p></article></body></html>`,
    storm: article(
      'A page that never stops changing',
      '<div id="ticker"></div>',
      `<script>
        window.__ownMutations = 0;
        new MutationObserver((records) => { window.__ownMutations += records.length; }).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
        addEventListener('load', () => {
          const t = document.getElementById('ticker');
          setInterval(() => {
            const s = document.createElement('span'); s.textContent = 'tick ' + Date.now(); t.append(s);
            if (t.childNodes.length > 20) t.firstChild.remove();
            document.body.dataset.t = String(Date.now());
          }, 10);
        });
      </script>`,
    ),
    spa: article(
      'First story',
      `<p><a id="to-end" href="#end">To the end</a> <a id="next" href="/hostile/spa-two">Next story</a></p><p id="end">The end.</p>`,
      `<script>
        // The site styles itself with an adopted sheet, as web-component sites do: it must keep it.
        const own = new CSSStyleSheet();
        own.replaceSync('footer { color: rgb(1, 2, 3); }');
        document.adoptedStyleSheets = [own];
        addEventListener('click', (e) => {
          if (e.target.id !== 'next') return;
          e.preventDefault();
          history.pushState({}, '', '/hostile/spa-two');
          const a = document.querySelector('article');
          a.replaceChildren();
          const h = document.createElement('h1'); h.textContent = 'Second story'; a.append(h);
          for (const t of ${JSON.stringify([FILLER[3], 'Meta’s decision to open-source new AI models reflects a strategic pivot that builds on its historic contributions to the open-source ecosystem.', FILLER[1], FILLER[2]])}) {
            const p = document.createElement('p'); p.textContent = t; a.append(p);
          }
        });
      </script>`,
    ),
    huge: hugePage(),
    rtl: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر</title></head><body><article><h1>ميتا والنماذج المفتوحة</h1>
      ${Array.from({ length: 8 }, () => '<p>قالت الشركة يوم الثلاثاء إنها ستواصل إصدار نماذجها للجمهور، وإن الخطة لم تتغير منذ الربيع، بحسب متحدث باسمها. Meta open-source AI Behemoth.</p>').join('')}
      </article></body></html>`,
    'rtl-unlabelled': `<!doctype html><html><head><meta charset="utf-8"><title>خبر</title></head><body><article><h1>ميتا</h1>
      ${Array.from({ length: 8 }, () => `<p>قالت الشركة يوم الثلاثاء إنها ستواصل إصدار نماذجها للجمهور، وإن الخطة لم تتغير منذ الربيع. ${CLAIM_B}</p>`).join('')}
      </article></body></html>`,
    frames: article('Page with frames', `<iframe id="inner" src="${origin}/hostile/framed" width="600" height="300"></iframe>`),
    framed: article('Framed article'),
    // A page that knows the extension's id (public for any store extension: ?id=) and tries to switch it off on
    // itself by forging the events WXT's content script context listens to: "a newer copy of this script has
    // started" (WXT then stops the old one) and "the location changed" (Claimlight drops its highlights and reads
    // again), the second sent every 250 ms. It also records every window message, to see whether ours reach it.
    silencer: article(
      'A page that wants Claimlight off',
      '',
      `<script>
        window.__messages = [];
        addEventListener('message', (e) => window.__messages.push(JSON.stringify(e.data)));
        const id = new URLSearchParams(location.search).get('id');
        addEventListener('load', () => setTimeout(() => {
          document.dispatchEvent(new CustomEvent(id + ':content:wxt:content-script-started', { detail: { contentScriptName: 'content', messageId: 'forged' } }));
          let n = 0;
          const spam = setInterval(() => {
            window.dispatchEvent(new Event(id + ':content:wxt:locationchange'));
            if (++n === 8) { clearInterval(spam); window.__forged = true; }
          }, 250);
        }, 1000));
      </script>`,
    ),
    // A page whose adopted style sheets ignore whatever is set, from its own world: in Firefox, where the content
    // script's sheet goes in through the page's view of the document, highlights would be registered but unstyled.
    sheets: article(
      'A page that ignores adopted sheets',
      '',
      `<script>
        Object.defineProperty(Document.prototype, 'adoptedStyleSheets', { configurable: true, get: () => [], set: () => {} });
      </script>`,
    ),
    // A page that is no article and claims, in its own world, to be one being read: the key the content script
    // notes its look under, as a property and as a getter on the prototypes.
    'forged-look': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title></head><body>
      <h1>Search flights</h1><form><input name="from"><button>Search</button></form>
      <script>
        const forged = { look: 'article', url: location.href };
        window['__claimlight:look'] = forged;
        Object.defineProperty(Object.prototype, '__claimlight:look', { get: () => forged, configurable: true });
      </script></body></html>`,
  };
  pages['spa-two'] = pages.spa;
  return pages;
}

/** Run in the page: the gaps between 100 ticks of a 10 ms timer, which a busy main thread stretches. */
export async function timerGaps() {
  const out = [];
  let last = performance.now();
  await new Promise((r) => {
    const t = setInterval(() => {
      const now = performance.now();
      out.push(now - last);
      last = now;
      if (out.length > 100) {
        clearInterval(t);
        r();
      }
    }, 10);
  });
  return out;
}
