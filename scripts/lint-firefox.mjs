// `web-ext lint` on the Firefox build, failing on any error and on any unsafe-assignment warning that is not one
// of the known ones (each checked by the code around it, so a new one from our code fails): those inside libraries,
// and our one dynamic import, of the content script's later stages (article and reader).
// Run after `npm run build:firefox`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = '.output/firefox-mv2';
// Known unsafe-looking code, with why it is safe here.
const KNOWN = [
  {
    pattern: /async function ([\w$]+)\([\w$]+,([\w$]+)\)\{let [\w$]+=[\w$]+\([\w$]+\),[\w$]+=globalThis\[[\w$]+\];if\([\w$]+\)return [\w$]+;await import\(\2\)/,
    owner: 'src/content/handoff.ts loadStage: import(article.js or reader.js)',
    why: 'every call passes runtime.getURL(`/<stage>.js`) for its own stage: the address never comes from the page',
    // The import takes its address as a parameter, so the warning alone cannot show where it comes from: check that
    // every call of the function in the file passes the extension's own file of the stage it names.
    holds: (source, match) => {
      const name = match[1].replace(/\$/g, '\\$');
      const calls = [...source.matchAll(new RegExp(`(?<![\\w$.])(function )?${name}\\(`, 'g'))].filter((m) => !m[1]);
      const safe = new RegExp(`^${name}\\(\`(article|reader)\`,[\\w$]+(\\.runtime)?\\.getURL\\(\`/\\1\\.js\`\\)\\)`);
      return calls.length > 0 && calls.every((m) => safe.test(source.slice(m.index)));
    },
  },
  { pattern: /innerHTML=t\.innerHTML/, owner: '@mozilla/readability _unwrapNoscriptImages', why: 'runs on our inert clone of the page (no browsing context: nothing loads or runs)' },
  { pattern: /_charThreshold\)\{if\([\w$]+=!1,[\w$]+\.innerHTML=[\w$]+,this\._attempts\.push/, owner: '@mozilla/readability grabArticle retry (page.innerHTML = pageCacheHtml)', why: 'restores the clone’s own earlier HTML, on the inert clone' },
  { pattern: /innerHTML=f\.__html|innerHTML=[a-z]\.__html/, owner: 'preact dangerouslySetInnerHTML', why: 'never used by our code (ESLint forbids it)' },
  { pattern: /createDocumentFragment\(\),[\w$]+=[\w$]+\.createElement\(``\);[\w$]+\.innerHTML=[\w$]+;/, owner: 'linkedom createContextualFragment', why: 'linkedom’s own DOM in JavaScript, in the background, on our parsed copy of the page: nothing is rendered' },
  { pattern: /set outerHTML\([\w$]+\)\{let [\w$]+=this\.ownerDocument\.createElement\(``\);[\w$]+\.innerHTML=[\w$]+/, owner: 'linkedom Element.outerHTML setter', why: 'linkedom’s own DOM in JavaScript, in the background: nothing is rendered' },
];

let out;
try {
  out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', DIR, '--output', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
} catch (e) {
  out = e.stdout; // web-ext exits non-zero on errors; the JSON says which
}
const report = JSON.parse(out);
const problems = [];
for (const e of report.errors) problems.push(`error ${e.code} ${e.file ?? ''}: ${e.message}`);
const accepted = [];
for (const w of report.warnings) {
  if (w.code !== 'UNSAFE_VAR_ASSIGNMENT') {
    problems.push(`warning ${w.code} ${w.file ?? ''}: ${w.message}`);
    continue;
  }
  const line = readFileSync(join(DIR, w.file), 'utf8').split('\n')[w.line - 1] ?? '';
  const around = line.slice(Math.max(0, w.column - 80), w.column + 80);
  const known = KNOWN.find((k) => {
    const match = around.match(k.pattern);
    return match && (!k.holds || k.holds(line, match));
  });
  if (known) accepted.push(`${w.file}:${w.line}:${w.column} ${known.owner} (${known.why})`);
  else problems.push(`unsafe assignment not known to come from a library: ${w.file}:${w.line}:${w.column}: …${around}…`);
}
console.log(`web-ext lint ${DIR}: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
for (const a of accepted) console.log(`  known: ${a}`);
if (problems.length) {
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
