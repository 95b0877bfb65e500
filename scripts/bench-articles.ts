// Reads whole articles as a reader meets them, with the bundled packs, and scores every highlight against labels
// written by hand: the figure behind "wrong highlights per article" in the design notes. The articles themselves stay
// out of the repository (they are the outlets' words); this is the command that reads a set of them.
// Run: npm run bench:articles -- LABELS.jsonl [--show]
//   The saved pages (HTML) sit beside LABELS.jsonl. One JSON object a line:
//     {"page": "a.html"}                                     a page of the set; its sentences not labelled below
//                                                            state none of the packs' claims
//     {"page": "a.html", "sentence": "The first words of a sentence", "claims": {"claim-id": "asserts"}}
//                                                            a sentence that states these claims: "asserts" or
//                                                            "denies", or "either" where a highlight to that claim is
//                                                            fair but not required (a claim the sentence implies)
//     {"story": ["A claim.", "Another claim."]}                 optional, at most one: match with a story pack of
//                                                            these claims instead of the bundled packs; labels then
//                                                            name a claim by its text
//   --show prints each highlight that is wrong and each labelled sentence left without one.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { ClaimBase } from '../src/claims/claim-base';
import { extractArticle } from '../src/extract/article';
import { BUNDLED_PACKS } from '../src/packs/bundled';
import { validBundledPacks } from '../src/store/seed';
import { readRows, storyPack } from './bench-relation';

type Expected = 'asserts' | 'denies' | 'either';
interface Row {
  page?: string;
  sentence?: string;
  claims?: Record<string, Expected>;
  story?: string[];
}

const file = process.argv[2];
if (!file || file.startsWith('--')) {
  console.error('usage: npm run bench:articles -- LABELS.jsonl [--show]');
  process.exit(2);
}
const isExpected = (v: unknown) => v === 'asserts' || v === 'denies' || v === 'either';
let rows: Row[];
try {
  rows = readRows<Row>(
    file,
    (r) =>
      (Array.isArray(r.story) && r.story.length > 0 && r.story.every((c) => typeof c === 'string') && r.page === undefined) ||
      (typeof r.page === 'string' &&
        (r.sentence === undefined ||
          (typeof r.sentence === 'string' && typeof r.claims === 'object' && r.claims !== null && Object.values(r.claims).length > 0 && Object.values(r.claims).every(isExpected)))),
    '"page", and with "sentence" a "claims" object of claim ids to asserts, denies or either; or a "story" list of claims',
  );
} catch (e) {
  fail((e as Error).message);
}
function fail(message: string): never {
  console.error(`bench:articles: ${message}`);
  process.exit(2);
}
const show = process.argv.includes('--show');
const stories = rows.filter((r) => r.story);
if (stories.length > 1) fail('at most one "story" row');
const story = stories[0]?.story;
const packs = story ? [storyPack('story', 'The labelled story', story)] : validBundledPacks(BUNDLED_PACKS);
const base = new ClaimBase(packs);
// A label names a claim by its id, or, with a story, by its text (the story pack's ids are c0, c1, …). A name that is
// no claim of the packs would only ever count as missed: a typo, said as one.
const known = new Set(packs.flatMap((p) => p.claims.map((c) => c.id)));
const idOf = (claim: string) => (story?.includes(claim) ? `c${story.indexOf(claim)}` : claim);
for (const r of rows) {
  if (!r.claims) continue;
  r.claims = Object.fromEntries(Object.entries(r.claims).map(([c, e]) => [idOf(c), e]));
  const unknown = Object.keys(r.claims).find((c) => !known.has(c));
  if (unknown) fail(`${r.page}: "${unknown}" is no claim of ${story ? 'the story' : 'the bundled packs'}`);
}
const pages = [...new Set(rows.flatMap((r) => (r.page ? [r.page] : [])))];
const htmlOf = (page: string) => {
  try {
    return readFileSync(join(dirname(file), page), 'utf8');
  } catch (e) {
    return fail(`${page}: cannot be read beside the labels (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
};

let sentences = 0;
let highlights = 0;
let rightRelation = 0;
let either = 0;
let wrongRelation = 0;
let notStated = 0;
let required = 0;
let missed = 0;
for (const page of pages) {
  const { document } = parseHTML(htmlOf(page));
  const article = extractArticle(document as never);
  const labels = rows.filter((r) => r.page === page && r.sentence !== undefined);
  if (!article) {
    // Nothing for a reader either: every labelled sentence of it goes without a highlight.
    console.log(`  ${page}: not read as an article`);
    const stating = labels.filter((l) => Object.values(l.claims!).some((e) => e !== 'either')).length;
    required += stating;
    missed += stating;
    continue;
  }
  sentences += article.sentences.length;
  const labelOf = (text: string) => labels.find((l) => text.trim().startsWith(l.sentence!.trim()));
  for (const l of labels) {
    if (!article.sentences.some((s) => s.text.trim().startsWith(l.sentence!.trim()))) fail(`${page}: no sentence starts "${l.sentence}"`);
  }
  const views = await base.matchSentences(article.sentences, { title: article.title, published: article.published });
  highlights += views.length;
  for (const v of views) {
    const expected = labelOf(v.text)?.claims?.[v.claim.claimId];
    const seen = `${v.relation}${v.hedged ? ' (suggests)' : ''} ${v.claim.claimId}`;
    if (expected === 'either') either++;
    else if (expected === v.relation) rightRelation++;
    else if (expected) {
      wrongRelation++;
      if (show) console.log(`  ${page}: ${seen}, expected ${expected}: ${v.text}`);
    } else {
      notStated++;
      if (show) console.log(`  ${page}: ${seen}, a claim it does not state: ${v.text}`);
    }
  }
  for (const l of labels) {
    if (!Object.values(l.claims!).some((e) => e !== 'either')) continue;
    required++;
    if (!views.some((v) => v.text.trim().startsWith(l.sentence!.trim()))) {
      missed++;
      if (show) console.log(`  ${page}: missed (${Object.keys(l.claims!).join(', ')}): ${l.sentence}…`);
    }
  }
}
console.log(`${pages.length} articles, ${sentences} sentences, ${highlights} highlights with ${story ? `a story pack of ${story.length} claims` : 'the bundled packs'}:`);
console.log(`  ${rightRelation + either} to a claim the sentence states (${rightRelation} with the labelled relation, ${either} to a claim it implies), ${wrongRelation} with the wrong relation, ${notStated} to a claim it does not state`);
console.log(`  ${required - missed} of the ${required} sentences labelled as stating a claim have a highlight`);
