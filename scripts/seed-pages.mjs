// Local news pages made from the seed story (../shared/seeds): each seed's text laid out as a real article page
// (masthead, navigation, headline, byline, paragraphs, sidebar, footer), served by the e2e tests and the demo.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The shared folder beside the repository. Found from this file, or, when a bundler has copied this file elsewhere
// (scripts/ts-run.mjs runs the TypeScript benchmarks from node_modules/.cache), from the working directory, the
// repository's root, as the benchmarks' own paths are.
const besideRepo = join(import.meta.dirname, '..', '..', 'shared');
export const SEEDS_DIR = resolve(process.env.CLAIMLIGHT_SHARED ?? (existsSync(besideRepo) ? besideRepo : resolve('..', 'shared')), 'seeds');

/** What each seed is, as far as the seed files show; headlines are the articles' own where they have one. */
const SEEDS = [
  { slug: 'suspension', site: 'Unattributed blog', title: 'Meta open-source model suspension', byline: 'Unknown author', date: '' },
  { slug: 'lab-discussed', site: 'BitcoinWorld', title: null, byline: 'Editorial Team', date: '2025-07-15' },
  { slug: 'will-open-source', site: 'Pulse', title: null, byline: 'Pulse newsroom', date: '' },
  { slug: 'moving-to-closed', site: 'Editorialge', title: 'Meta shifts to proprietary AI', byline: 'Editorialge', date: '' },
];

const escape = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function seedFiles() {
  if (!existsSync(SEEDS_DIR)) throw new Error(`seed articles not found at ${SEEDS_DIR} (set CLAIMLIGHT_SHARED to the shared/ folder)`);
  return readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
}

/** The slugs of the seed pages, in seed order. */
export function seedSlugs() {
  return seedFiles().map((_, i) => SEEDS[i]?.slug ?? `seed-${i}`);
}

/** The HTML of one seed page. */
export function seedPage(slug) {
  const files = seedFiles();
  const i = seedSlugs().indexOf(slug);
  if (i < 0) return undefined;
  const meta = SEEDS[i] ?? { site: 'News', title: null, byline: '', date: '' };
  let lines = readFileSync(join(SEEDS_DIR, files[i]), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  // Boilerplate the seed files carry from their pages (dates, reading times, comment prompts) is left out.
  lines = lines.filter((l) => !/^(\w+ \d{1,2}, \d{4}|\d+ min read|Comments|Loading comments\.\.\.|Want to join the conversation\?|Leave a Reply|You may have missed|Source: .*|Bitcoin World logo|Your email address.*)$/.test(l));
  let title = meta.title;
  if (!title) title = lines.shift();
  // One seed keeps its whole article on one line; it is cut into paragraphs of four sentences as a page has them.
  lines = lines.flatMap((l) => {
    if (l.length < 1200) return [l];
    const sentences = l.split(/(?<=[.!?]["”]?)\s+(?=[A-Z“"])/);
    const out = [];
    for (let j = 0; j < sentences.length; j += 4) out.push(sentences.slice(j, j + 4).join(' '));
    return out;
  });
  const body = lines
    .map((l) => {
      const text = escape(l.replace(/\s*\?\?+$/, ''));
      if (/^- /.test(l)) return `<li>${escape(l.replace(/^-\s*•?/, ''))}</li>`;
      if (l.length < 90 && !/[.!?:"”]$/.test(l)) return `<h2>${text}</h2>`;
      return `<p>${text}</p>`;
    })
    .join('\n')
    .replace(/(<li>[\s\S]*?<\/li>)(?!\n<li>)/g, '$1')
    .replace(/((?:<li>.*<\/li>\n?)+)/g, '<ul>$1</ul>\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} | ${escape(meta.site)}</title>
<meta property="og:site_name" content="${escape(meta.site)}">
<meta property="og:title" content="${escape(title)}">
${meta.date ? `<meta property="article:published_time" content="${meta.date}">` : ''}
<style>
  body { margin: 0; font: 18px/1.6 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; }
  .masthead { border-bottom: 3px solid #111; padding: 14px 32px; font: 700 26px/1 Helvetica, Arial, sans-serif; letter-spacing: -0.5px; }
  nav { padding: 8px 32px; border-bottom: 1px solid #ddd; font: 14px Helvetica, Arial, sans-serif; }
  nav a { margin-right: 18px; color: #333; text-decoration: none; }
  .wrap { display: flex; gap: 40px; max-width: 1100px; margin: 0 auto; padding: 24px 32px; }
  article { flex: 1; max-width: 680px; }
  h1 { font: 700 36px/1.15 Helvetica, Arial, sans-serif; margin: 0 0 12px; }
  h2 { font: 700 22px/1.25 Helvetica, Arial, sans-serif; margin: 28px 0 8px; }
  .byline { font: 14px Helvetica, Arial, sans-serif; color: #555; margin-bottom: 20px; }
  aside { width: 260px; font: 14px/1.4 Helvetica, Arial, sans-serif; }
  aside h3 { font-size: 13px; text-transform: uppercase; border-bottom: 2px solid #111; }
  aside li { margin-bottom: 10px; }
  footer { border-top: 1px solid #ddd; padding: 20px 32px; font: 13px Helvetica, Arial, sans-serif; color: #666; }
</style>
</head>
<body>
<header class="masthead">${escape(meta.site)}</header>
<nav><a href="#">Tech</a><a href="#">AI</a><a href="#">Business</a><a href="#">Markets</a><a href="#">Opinion</a></nav>
<div class="wrap">
<article>
<h1>${escape(title)}</h1>
<div class="byline">By ${escape(meta.byline)}${meta.date ? ` · ${meta.date}` : ''}</div>
${body}
</article>
<aside><h3>Most read</h3><ul><li><a href="#">Chip makers race to build new fabs</a></li><li><a href="#">What the new privacy rules mean for apps</a></li><li><a href="#">Five gadgets worth buying this winter</a></li></ul></aside>
</div>
<footer>© ${escape(meta.site)}. Newsletter · Contact · Privacy</footer>
</body>
</html>
`;
}

/**
 * A long article of about 5,000 words for the performance benchmark: the four seed articles one after another
 * under section headings, then the two longest again, in one page of a news site's layout.
 */
export function longArticle() {
  const slugs = seedSlugs();
  const order = [1, 3, 0, 2, 1, 3].map((i) => slugs[i]);
  const sections = order.map((slug, n) => {
    const html = seedPage(slug);
    const body = html.slice(html.indexOf('<article>') + 9, html.indexOf('</article>')).replace(/<h1>/g, '<h2>').replace(/<\/h1>/g, '</h2>').replace(/<div class="byline">[^<]*<\/div>/, '');
    return `<section id="part-${n + 1}">${body}</section>`;
  });
  const first = seedPage(slugs[1]);
  return first.slice(0, first.indexOf('<article>') + 9) + '<h1>Meta and open-source AI: the whole story</h1><div class="byline">By Staff · Long read</div>' + sections.join('\n') + first.slice(first.indexOf('</article>'));
}
