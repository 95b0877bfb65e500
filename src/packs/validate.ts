import { err, ok, type Result } from '../util/result';
import {
  ATTRIBUTIONS,
  SOURCE_KINDS,
  type Attribution,
  STANCES,
  type Claim,
  type Coverage,
  type Pack,
  type PackSource,
  type Rating,
  type SourceKind,
  type Stance,
} from './types';

/** Why a pack was rejected: the JSON path of the first problem, and the problem. */
export interface PackError {
  path: string;
  message: string;
}

export function formatPackError(e: PackError): string {
  return `${e.path}: ${e.message}`;
}

const ID = /^[a-z0-9-]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing (the field is missing)';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`;
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid(path, `expected an object, got ${describe(v)}`);
  return v as Record<string, unknown>;
}

function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new Invalid(path, `expected an array, got ${describe(v)}`);
  return v;
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new Invalid(path, `expected a string, got ${describe(v)}`);
  if (v.trim() === '') throw new Invalid(path, 'must not be empty');
  return v;
}

function optStr(v: unknown, path: string): string | undefined {
  return v === undefined ? undefined : str(v, path);
}

function date(v: unknown, path: string): string {
  const s = str(v, path);
  if (!ISO_DATE.test(s) || Number.isNaN(Date.parse(s))) throw new Invalid(path, `expected an ISO 8601 date, got ${JSON.stringify(s)}`);
  return s;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  const s = str(v, path);
  if (!(allowed as readonly string[]).includes(s)) {
    throw new Invalid(path, `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(s)}`);
  }
  return s as T;
}

function httpUrl(v: unknown, path: string): string | undefined {
  const s = optStr(v, path);
  if (s === undefined) return undefined;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new Invalid(path, `not a URL: ${JSON.stringify(s.slice(0, 80))}`);
  }
  // Links are shown to readers: anything but http(s) (javascript:, data:) is refused.
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Invalid(path, `expected an http(s) URL, got ${u.protocol}`);
  return s;
}

function source(v: unknown, path: string): PackSource {
  const o = obj(v, path);
  const s: PackSource = { id: str(o.id, `${path}.id`), outlet: str(o.outlet, `${path}.outlet`) };
  const url = httpUrl(o.url, `${path}.url`);
  if (url !== undefined) s.url = url;
  const title = optStr(o.title, `${path}.title`);
  if (title !== undefined) s.title = title;
  if (o.published !== undefined) s.published = date(o.published, `${path}.published`);
  if (o.kind !== undefined) s.kind = oneOf<SourceKind>(o.kind, SOURCE_KINDS, `${path}.kind`);
  return s;
}

function coverage(v: unknown, path: string, sourceIds: Set<string>): Coverage {
  const o = obj(v, path);
  const src = str(o.source, `${path}.source`);
  if (!sourceIds.has(src)) throw new Invalid(`${path}.source`, `no source with id ${JSON.stringify(src)} in this pack`);
  const c: Coverage = { source: src, stance: oneOf<Stance>(o.stance, STANCES, `${path}.stance`) };
  const note = optStr(o.note, `${path}.note`);
  if (note !== undefined) c.note = note;
  if (o.attribution !== undefined) c.attribution = oneOf<Attribution>(o.attribution, ATTRIBUTIONS, `${path}.attribution`);
  return c;
}

function rating(v: unknown, path: string, sourceIds: Set<string>): Rating {
  const o = obj(v, path);
  const r: Rating = { label: str(o.label, `${path}.label`) };
  if (o.source !== undefined) {
    const src = str(o.source, `${path}.source`);
    if (!sourceIds.has(src)) throw new Invalid(`${path}.source`, `no source with id ${JSON.stringify(src)} in this pack`);
    r.source = src;
  }
  return r;
}

function claim(v: unknown, path: string, sourceIds: Set<string>): Claim {
  const o = obj(v, path);
  const c: Claim = {
    id: str(o.id, `${path}.id`),
    text: str(o.text, `${path}.text`),
    alternates: o.alternates === undefined ? [] : arr(o.alternates, `${path}.alternates`).map((a, i) => str(a, `${path}.alternates[${i}]`)),
    coverage:
      o.coverage === undefined
        ? []
        : arr(o.coverage, `${path}.coverage`).map((c, i) => coverage(c, `${path}.coverage[${i}]`, sourceIds)),
  };
  if (o.rating !== undefined) c.rating = rating(o.rating, `${path}.rating`, sourceIds);
  if (o.date !== undefined) c.date = date(o.date, `${path}.date`);
  return c;
}

/**
 * Checks a parsed JSON value against pack format v1 and returns a clean copy: unknown fields are dropped (later
 * versions may add some), optional ones get their defaults. The first problem found is reported with its path.
 */
export function validatePack(input: unknown): Result<Pack, PackError> {
  try {
    const o = obj(input, '$');
    if (o.format !== 'claimlight-pack') throw new Invalid('$.format', `expected "claimlight-pack", got ${describe(o.format)}`);
    if (o.version !== 1) throw new Invalid('$.version', `this version of Claimlight reads pack version 1, got ${describe(o.version)}`);
    const id = str(o.id, '$.id');
    if (!ID.test(id)) throw new Invalid('$.id', `may use only a-z, 0-9 and "-", got ${JSON.stringify(id)}`);

    const sources = o.sources === undefined ? [] : arr(o.sources, '$.sources').map((s, i) => source(s, `$.sources[${i}]`));
    const sourceIds = new Set<string>();
    sources.forEach((s, i) => {
      if (sourceIds.has(s.id)) throw new Invalid(`$.sources[${i}].id`, `duplicate source id ${JSON.stringify(s.id)}`);
      sourceIds.add(s.id);
    });

    const rawClaims = arr(o.claims, '$.claims');
    if (rawClaims.length === 0) throw new Invalid('$.claims', 'a pack needs at least one claim');
    const claims = rawClaims.map((c, i) => claim(c, `$.claims[${i}]`, sourceIds));
    const claimIds = new Set<string>();
    claims.forEach((c, i) => {
      if (claimIds.has(c.id)) throw new Invalid(`$.claims[${i}].id`, `duplicate claim id ${JSON.stringify(c.id)}`);
      claimIds.add(c.id);
    });

    return ok({
      format: 'claimlight-pack',
      version: 1,
      id,
      title: str(o.title, '$.title'),
      updated: date(o.updated, '$.updated'),
      language: o.language === undefined ? 'en' : str(o.language, '$.language'),
      sources,
      claims,
    });
  } catch (e) {
    if (e instanceof Invalid) return err({ path: e.path, message: e.problem });
    throw e;
  }
}

/** Parses pack JSON text; syntax errors are reported like schema errors, at path "$". */
export function parsePack(text: string): Result<Pack, PackError> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err({ path: '$', message: `not valid JSON (${(e as Error).message})` });
  }
  return validatePack(json);
}
