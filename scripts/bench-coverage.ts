// Reads a batch of real coverage, labelled by hand, the way the figures in test/relation/README.md and the design
// notes ("The seed story on fresh coverage") were measured. The batches themselves stay out of the repository (they
// are the outlets' words); this is the command that reads one.
// Run: npm run bench:coverage -- FILE.jsonl [--show]
//   --show prints each sentence read wrongly. Rows with a claim are also matched against a pack of the batch's own
//   claims, as a reader with a story pack would have them matched.
//
// One JSON object a line:
//   {"sentence": "...", "relation": "asserts" | "denies", "claim": "..."}   the relation alone, against that claim
//   {"sentence": "...", "relation": "asserts" | "denies", "ids": ["claim-id", ...]}
//       matched against the bundled packs: right when the sentence is matched to one of `ids` (claims it states)
import { ClaimBase } from '../src/claims/claim-base';
import { relationOf, type Relation } from '../src/match/relation';
import { BUNDLED_PACKS } from '../src/packs/bundled';
import { validBundledPacks } from '../src/store/seed';
import { readRows, storyPack } from './bench-relation';

interface Row {
  sentence: string;
  relation: Relation;
  claim?: string;
  ids?: string[];
}

const parseRows = (file: string) =>
  readRows<Row>(
    file,
    (r) => typeof r.sentence === 'string' && (r.relation === 'asserts' || r.relation === 'denies') && (typeof r.claim === 'string' || (Array.isArray(r.ids) && r.ids.length > 0)),
    '"sentence", "relation" (asserts or denies) and "claim" or "ids"',
  );

const file = process.argv[2];
if (!file || file.startsWith('--')) {
  console.error('usage: npm run bench:coverage -- FILE.jsonl [--show]');
  process.exit(2);
}
let rows: Row[];
try {
  rows = parseRows(file);
} catch (e) {
  console.error(`bench:coverage: ${(e as Error).message}`);
  process.exit(2);
}
const show = process.argv.includes('--show');

const alone = rows.filter((r) => r.claim !== undefined);
if (alone.length > 0) {
  const wrong = alone.filter((r) => relationOf(r.sentence, r.claim!) !== r.relation);
  console.log(`relation against the given claim: ${alone.length - wrong.length} of ${alone.length} right (${alone.filter((r) => r.relation === 'denies').length} denials)`);
  if (show) for (const r of wrong) console.log(`  expected ${r.relation}: ${r.sentence}\n      claim: ${r.claim}`);

  // The batch's claims as one story pack: is each sentence matched to its own claim, to another, or to none?
  const claims = [...new Set(alone.map((r) => r.claim!))];
  const base = new ClaimBase([storyPack('batch', 'The batch\'s claims', claims)]);
  let own = 0;
  let ownRelation = 0;
  let other = 0;
  for (const r of alone) {
    const [m] = await base.matchSentences([{ text: r.sentence }]);
    const mine = m?.claim.claimId === `c${claims.indexOf(r.claim!)}`;
    if (mine) {
      own++;
      if (m.relation === r.relation) ownRelation++;
    } else if (m) other++;
    if (show && !mine) console.log(`  ${m ? `to "${m.claim.text}"` : "not matched"}: ${r.sentence}`);
  }
  console.log(`against a pack of the batch's ${claims.length} claims: ${own} of ${alone.length} matched to their own claim, ${ownRelation} of them with the right relation; ${other} to another`);
}

const matched = rows.filter((r) => r.ids !== undefined);
if (matched.length > 0) {
  const base = new ClaimBase(validBundledPacks(BUNDLED_PACKS));
  let right = 0;
  let relationRight = 0;
  let other = 0;
  for (const r of matched) {
    // Each sentence on its own: a batch's sentences come from different articles, and an article's sentence borrows
    // names from the one before it.
    const [m] = await base.matchSentences([{ text: r.sentence }]);
    const id = m?.claim.claimId;
    if (m && r.ids!.includes(id!)) {
      right++;
      if (m.relation === r.relation) relationRight++;
      else if (show) console.log(`  relation ${m.relation}, expected ${r.relation}: ${r.sentence}`);
    } else {
      if (m) other++;
      if (show) console.log(`  ${m ? `to ${id}` : 'missed'}: ${r.sentence}`);
    }
  }
  console.log(`bundled packs: ${right} of ${matched.length} matched to a claim they state, ${relationRight} of them with the right relation; ${other} to a claim they do not state`);
}
