import { isoDay } from '../match/dates';
import { foldText } from '../match/normalize';
import type { Claim, Pack, PackSource, Stance } from './types';

/**
 * Turns fact-checkers' published data into a claim pack: schema.org ClaimReview JSON-LD (one object, an array, an
 * `@graph`, a DataFeed of `dataFeedElement` items, or HTML pages that embed it), Google Fact Check Tools API
 * `claims:search` responses, and Claimlight packs. The same claim from several inputs becomes one claim with all
 * their coverage; every source is kept.
 */

/**
 * How a fact-checker's verdict maps to a stance on the claim as worded. Textual verdicts are matched after
 * folding case, punctuation and spacing; the original label is always kept as the claim's rating.
 */
export const RATING_TABLE: Array<{ stance: Stance; labels: string[] }> = [
  {
    stance: 'refutes',
    labels: ['false', 'mostly false', 'pants on fire', 'pants on fire!', 'incorrect', 'inaccurate', 'wrong', 'not true', 'untrue', 'fake', 'hoax', 'fabricated', 'baseless', 'no evidence', 'unfounded', 'debunked', 'scam', 'four pinocchios', 'three pinocchios', 'misattributed', 'false headline', 'altered', 'doctored', 'manipulated'],
  },
  {
    stance: 'supports',
    labels: ['true', 'mostly true', 'correct', 'accurate', 'mostly accurate', 'verified', 'confirmed', 'geppetto checkmark', 'correct attribution'],
  },
  {
    stance: 'mixed',
    labels: ['half true', 'half-true', 'mixture', 'mixed', 'partly true', 'partly false', 'partially true', 'partially false', 'misleading', 'missing context', 'needs context', 'lacks context', 'out of context', 'exaggerated', 'exaggeration', 'cherry picks', 'unproven', 'unsupported', 'unsubstantiated', 'outdated', 'two pinocchios', 'one pinocchio', 'spins the facts', 'distorts the facts', 'satire', 'labeled satire', 'research in progress', 'legend'],
  },
];

const LABEL_STANCE = new Map<string, Stance>();
for (const { stance, labels } of RATING_TABLE) for (const l of labels) LABEL_STANCE.set(normLabel(l), stance);

function normLabel(s: string): string {
  return foldText(s).replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * The stance a rating gives the claim: its text if the table knows it, else its number on the rating's own scale
 * (bottom third refutes, top third supports, between is mixed; 1 to 5 when the scale is not given), else mixed.
 */
export function stanceOfRating(label: string | undefined, value?: number, best?: number, worst?: number): Stance {
  if (label) {
    const known = LABEL_STANCE.get(normLabel(label));
    if (known) return known;
  }
  if (value !== undefined && Number.isFinite(value)) {
    const hi = best !== undefined && Number.isFinite(best) ? best : 5;
    const lo = worst !== undefined && Number.isFinite(worst) ? worst : 1;
    if (hi !== lo) {
      const x = (value - lo) / (hi - lo);
      if (x <= 1 / 3) return 'refutes';
      if (x >= 2 / 3) return 'supports';
    }
  }
  return 'mixed';
}

/** One fact-check of one claim, whatever format it came in. */
export interface Review {
  claim: string;
  label?: string;
  stance: Stance;
  outlet: string;
  url?: string;
  title?: string;
  published?: string;
  claimant?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const hostOf = (url: string | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
};
/** A person's or organisation's name; an organisation known only by its URL goes by its host name. */
const nameOf = (v: unknown): string | undefined => {
  const o = first(v);
  return isObj(o) ? str(o.name) ?? hostOf(str(o.url)) : str(o);
};
const httpUrl = (v: unknown): string | undefined => {
  const s = str(first(v));
  return s && /^https?:\/\//i.test(s) ? s : undefined;
};
const isoDate = (v: unknown): string | undefined => {
  const s = str(v);
  if (!s || Number.isNaN(Date.parse(s))) return undefined;
  return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, s.length > 10 ? 25 : 10) : new Date(s).toISOString().slice(0, 10);
};

function hasType(o: Obj, type: string): boolean {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && x.replace(/^.*[/#:]/, '') === type);
}

/** Every ClaimReview node in a JSON-LD value: objects, arrays, @graph, DataFeed items, nested as deep as they go. */
export function claimReviewNodes(json: unknown, depth = 0): Obj[] {
  if (depth > 8) return [];
  if (Array.isArray(json)) return json.flatMap((j) => claimReviewNodes(j, depth + 1));
  if (!isObj(json)) return [];
  if (hasType(json, 'ClaimReview')) return [json];
  const nested = [json['@graph'], json.dataFeedElement, json.item, json.mainEntity, json.hasPart].filter((x) => x !== undefined);
  return nested.flatMap((n) => claimReviewNodes(n, depth + 1));
}

export function reviewFromClaimReview(node: Obj): Review | undefined {
  const claim = str(node.claimReviewed) ?? (isObj(node.itemReviewed) ? str(node.itemReviewed.name) : undefined);
  if (!claim) return undefined;
  const rating = isObj(first(node.reviewRating)) ? (first(node.reviewRating) as Obj) : {};
  const label = str(rating.alternateName) ?? str(rating.name);
  const item = isObj(node.itemReviewed) ? node.itemReviewed : {};
  return {
    claim,
    label,
    stance: stanceOfRating(label, num(rating.ratingValue), num(rating.bestRating), num(rating.worstRating)),
    outlet: nameOf(node.author) ?? nameOf(node.publisher) ?? hostOf(httpUrl(node.url)) ?? 'Unknown fact-checker',
    url: httpUrl(node.url),
    title: str(node.headline) ?? str(node.name),
    published: isoDate(node.datePublished),
    claimant: nameOf(item.author),
  };
}

/** Reviews from a Fact Check Tools API `claims:search` response. */
export function reviewsFromFactCheckApi(json: Obj): Review[] {
  const out: Review[] = [];
  for (const c of Array.isArray(json.claims) ? json.claims : []) {
    if (!isObj(c)) continue;
    const claim = str(c.text);
    if (!claim) continue;
    for (const r of Array.isArray(c.claimReview) ? c.claimReview : []) {
      if (!isObj(r)) continue;
      const label = str(r.textualRating);
      const publisher = isObj(r.publisher) ? r.publisher : {};
      out.push({
        claim,
        label,
        stance: stanceOfRating(label),
        outlet: str(publisher.name) ?? str(publisher.site) ?? 'Unknown fact-checker',
        url: httpUrl(r.url),
        title: str(r.title),
        published: isoDate(r.reviewDate),
        claimant: str(c.claimant),
      });
    }
  }
  return out;
}

/** The JSON-LD blocks embedded in an HTML page, parsed; blocks that are not JSON are skipped. */
export function jsonLdInHtml(html: string): unknown[] {
  const out: unknown[] = [];
  const re = /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    try {
      out.push(JSON.parse(m[1]!.replace(/^\s*<!--|-->\s*$/g, '')));
    } catch {
      // a broken block on a page is the page's problem; the others still count
    }
  }
  return out;
}

export type ImportInput = { name: string; text: string };

/**
 * One line of a claim list (JSON lines): a claim with no verdict, as claim-retrieval data sets give them
 * (CheckThat!'s `claims.jsonl`: id, text, the fact-check's title, its date).
 */
export interface ClaimLine {
  id?: string;
  text: string;
  /** A headline for the claim: kept as an alternate phrasing. */
  title?: string;
  alternates?: string[];
  /** When it circulated or was checked; anything Date.parse reads ("2015-05-26", "26 May 2015"). */
  date?: string;
}

/** What one input holds. */
export interface InputParts {
  reviews: Review[];
  pack?: Pack;
  lines?: ClaimLine[];
}

/** The lines of a JSON-lines claim list, or undefined when the text is not one (a bad line names its number). */
function claimLines(name: string, text: string): ClaimLine[] | undefined {
  const rows = text.split('\n').map((l, i) => ({ l: l.trim(), n: i + 1 })).filter((r) => r.l);
  if (rows.length === 0 || !rows[0]!.l.startsWith('{')) return undefined;
  return rows.map(({ l, n }) => {
    let o: unknown;
    try {
      o = JSON.parse(l);
    } catch {
      throw new Error(`${name}:${n}: not a JSON object`);
    }
    if (!isObj(o) || typeof o.text !== 'string' || !o.text.trim()) throw new Error(`${name}:${n}: expected {"text", "id"?, "title"?, "date"?}`);
    const alternates = Array.isArray(o.alternates) ? o.alternates.filter((a): a is string => typeof a === 'string' && !!a.trim()) : [];
    return { text: o.text.trim(), ...(str(o.id) && { id: str(o.id) }), ...(str(o.title) && { title: str(o.title) }), alternates, ...(str(o.date) && { date: str(o.date) }) };
  });
}

/** What one input holds: reviews, a whole pack, or a claim list. Throws with a reason when it is none of these. */
export function readInput(input: ImportInput): InputParts {
  const text = input.text.replace(/^\uFEFF/, '');
  if (/^\s*</.test(text)) {
    const reviews = jsonLdInHtml(text).flatMap((j) => claimReviewNodes(j)).map(reviewFromClaimReview).filter((r): r is Review => !!r);
    if (!reviews.length) throw new Error(`${input.name}: no ClaimReview markup found in this HTML`);
    return { reviews };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const lines = claimLines(input.name, text);
    if (lines) return { reviews: [], lines };
    throw new Error(`${input.name}: not JSON or HTML (${(e as Error).message})`);
  }
  if (isObj(json) && typeof json.text === 'string' && !('@type' in json)) return { reviews: [], lines: claimLines(input.name, text)! };
  if (isObj(json) && json.format === 'claimlight-pack') return { reviews: [], pack: json as unknown as Pack };
  if (isObj(json) && Array.isArray(json.claims) && json.claims.some((c) => isObj(c) && 'claimReview' in c)) return { reviews: reviewsFromFactCheckApi(json) };
  const reviews = claimReviewNodes(json).map(reviewFromClaimReview).filter((r): r is Review => !!r);
  if (!reviews.length) throw new Error(`${input.name}: no ClaimReview found (expected ClaimReview JSON-LD, a Fact Check Tools API response, or a Claimlight pack)`);
  return { reviews };
}

/** A claim's identity across inputs: its words, folded. */
export function claimKey(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function slug(text: string, taken: Set<string>): string {
  const base = claimKey(text).replace(/ /g, '-').slice(0, 60).replace(/-+$/, '') || 'claim';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

export interface BuildOptions {
  id: string;
  title: string;
  /** "Data as of": now, unless given. */
  updated?: string;
}

/** Builds one pack from reviews and packs: claims merged by their words, sources kept and de-duplicated. */
export function buildPack(parts: InputParts[], options: BuildOptions): Pack {
  const sources: PackSource[] = [];
  const sourceByKey = new Map<string, string>();
  const sourceIds = new Set<string>();
  const claims = new Map<string, Claim>();
  const claimIds = new Set<string>();

  const addSource = (s: Omit<PackSource, 'id'>): string => {
    const key = s.url ?? `${s.outlet}|${s.title ?? ''}|${s.published ?? ''}`;
    const have = sourceByKey.get(key);
    if (have) return have;
    const id = slug(s.outlet, sourceIds);
    sources.push({ id, ...s });
    sourceByKey.set(key, id);
    return id;
  };
  const claimFor = (text: string, id?: string): Claim => {
    // A claim list's own ids are kept (results can then be compared with the list): a line with an id of its own is
    // its own claim, even if another says the same words. Otherwise claims are the same when their words are.
    const own = id && !claimIds.has(id) && !id.includes('/') ? id : undefined;
    const key = own ? `\u0000${own}` : claimKey(text);
    let c = claims.get(key);
    if (!c) {
      if (own) claimIds.add(own);
      c = { id: own ?? slug(text, claimIds), text, alternates: [], coverage: [] };
      claims.set(key, c);
    }
    return c;
  };
  const addAlternate = (c: Claim, a: string) => {
    if (!c.alternates.includes(a) && claimKey(a) !== claimKey(c.text)) c.alternates.push(a);
  };

  for (const part of parts) {
    for (const r of part.reviews) {
      const sid = addSource({ outlet: r.outlet, kind: 'fact-check', ...(r.url && { url: r.url }), ...(r.title && { title: r.title }), ...(r.published && { published: r.published }) });
      const c = claimFor(r.claim);
      if (!c.coverage.some((x) => x.source === sid)) {
        const note = r.label ? `Rated "${r.label}"${r.claimant ? `; claim by ${r.claimant}` : ''}.` : undefined;
        c.coverage.push({ source: sid, stance: r.stance, ...(note && { note }) });
      }
      if (r.label && !c.rating) c.rating = { label: r.label, source: sid };
    }
    for (const line of part.lines ?? []) {
      const c = claimFor(line.text, line.id);
      for (const a of [...(line.title ? [line.title] : []), ...(line.alternates ?? [])]) addAlternate(c, a);
      const date = isoDay(line.date);
      if (date && !c.date) c.date = date;
    }
    if (part.pack) {
      const map = new Map<string, string>();
      for (const s of part.pack.sources ?? []) {
        const { id, ...rest } = s;
        map.set(id, addSource(rest));
      }
      for (const pc of part.pack.claims ?? []) {
        const c = claimFor(pc.text);
        for (const a of pc.alternates ?? []) addAlternate(c, a);
        for (const cov of pc.coverage ?? []) {
          const sid = map.get(cov.source);
          if (sid && !c.coverage.some((x) => x.source === sid)) c.coverage.push({ ...cov, source: sid });
        }
        if (pc.rating && !c.rating) c.rating = { label: pc.rating.label, ...(pc.rating.source && map.get(pc.rating.source) ? { source: map.get(pc.rating.source)! } : {}) };
      }
    }
  }
  return {
    format: 'claimlight-pack',
    version: 1,
    id: options.id,
    title: options.title,
    updated: options.updated ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    language: 'en',
    sources,
    claims: [...claims.values()],
  };
}
