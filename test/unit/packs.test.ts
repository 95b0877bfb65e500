import { describe, expect, it } from 'vitest';
import { parsePack, validatePack } from '../../src/packs/validate';
import { bundledPacks, seedPackJson } from './helpers';

const minimal = () => ({
  format: 'claimlight-pack',
  version: 1,
  id: 'tiny',
  title: 'Tiny',
  updated: '2026-01-02',
  claims: [{ id: 'c1', text: 'The moon is made of cheese.' }],
});

function errorOf(json: unknown) {
  const r = validatePack(json);
  if (r.ok) throw new Error('expected the pack to be rejected');
  return r.error;
}

describe('pack format v1', () => {
  it('accepts the bundled seed-story pack, with at least 12 claims that all have coverage', () => {
    const [pack] = bundledPacks();
    expect(pack!.id).toBe('meta-open-source-ai');
    expect(pack!.claims.length).toBeGreaterThanOrEqual(12);
    for (const c of pack!.claims) expect(c.coverage.length, c.id).toBeGreaterThan(0);
    // Every source is either linked or says what it is.
    for (const s of pack!.sources) expect(s.url ?? s.title, s.id).toBeTruthy();
  });

  it('fills in defaults and drops fields it does not know', () => {
    const r = validatePack({ ...minimal(), future: { x: 1 }, claims: [{ id: 'c1', text: 'T.', extra: true }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.language).toBe('en');
    expect(r.value.sources).toEqual([]);
    expect(r.value.claims[0]).toEqual({ id: 'c1', text: 'T.', alternates: [], coverage: [] });
    expect(r.value).not.toHaveProperty('future');
  });

  it.each([
    [{ format: 'other' }, '$.format', /claimlight-pack/],
    [{ version: 2 }, '$.version', /version 1/],
    [{ id: 'Has Spaces' }, '$.id', /a-z, 0-9/],
    [{ updated: 'yesterday' }, '$.updated', /ISO 8601/],
    [{ claims: [] }, '$.claims', /at least one claim/],
    [{ claims: 'none' }, '$.claims', /expected an array, got string/],
    [{ claims: [{ id: 'c1' }] }, '$.claims[0].text', /expected a string, got nothing \(the field is missing\)$/],
    [{ claims: [{ id: 'c1', text: 'a' }, { id: 'c1', text: 'b' }] }, '$.claims[1].id', /duplicate claim id/],
    [{ claims: [{ id: 'c1', text: 'a', alternates: ['x', 3] }] }, '$.claims[0].alternates[1]', /expected a string, got number/],
    [{ claims: [{ id: 'c1', text: 'a', date: 'last spring' }] }, '$.claims[0].date', /ISO 8601/],
    [{ claims: [{ id: 'c1', text: 'a', coverage: [{ source: 'nope', stance: 'supports' }] }] }, '$.claims[0].coverage[0].source', /no source with id "nope"/],
    [
      { sources: [{ id: 's1', outlet: 'X' }], claims: [{ id: 'c1', text: 'a', coverage: [{ source: 's1', stance: 'agrees' }] }] },
      '$.claims[0].coverage[0].stance',
      /one of "supports", "refutes", "mixed"/,
    ],
    [{ sources: [{ id: 's1', outlet: 'X', url: 'javascript:alert(1)' }] }, '$.sources[0].url', /http\(s\)/],
    [{ sources: [{ id: 's1', outlet: 'X', kind: 'rumour' }] }, '$.sources[0].kind', /expected one of/],
    [{ sources: [{ id: 's1', outlet: 'X' }, { id: 's1', outlet: 'Y' }] }, '$.sources[1].id', /duplicate source id/],
  ])('rejects %j at %s', (patch, path, message) => {
    const e = errorOf({ ...minimal(), ...patch });
    expect(e.path).toBe(path);
    expect(e.message).toMatch(message);
  });

  it('reports JSON syntax errors at the root', () => {
    const r = parsePack('{"format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ path: '$', message: expect.stringMatching(/not valid JSON/) });
  });

  it('finds a broken reference deep inside the real pack', () => {
    const json = seedPackJson();
    const claims = json.claims as Array<{ coverage: Array<{ source: string }> }>;
    claims[5]!.coverage[1]!.source = 'missing-source';
    expect(errorOf(json).path).toBe('$.claims[5].coverage[1].source');
  });
});
