import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { buildPack, readInput, stanceOfRating } from '../../src/packs/import';
import { validatePack } from '../../src/packs/validate';
import { seedPackJson } from './helpers';

const FIX = 'test/fixtures/claimreview';
const read = (f: string) => readInput({ name: f, text: readFileSync(join(FIX, f), 'utf8') });

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('rating to stance', () => {
  it.each([
    ['False', 'refutes'],
    ['Pants on Fire!', 'refutes'],
    ['Mostly false', 'refutes'],
    ['TRUE', 'supports'],
    ['Mostly True', 'supports'],
    ['Half-True', 'mixed'],
    ['Misleading', 'mixed'],
    ['Needs context', 'mixed'],
  ])('%s -> %s', (label, stance) => expect(stanceOfRating(label)).toBe(stance));

  it('falls back to the number on the rating\'s own scale, then to mixed', () => {
    expect(stanceOfRating(undefined, 1, 5, 1)).toBe('refutes');
    expect(stanceOfRating(undefined, 4, 5, 1)).toBe('supports');
    expect(stanceOfRating(undefined, 3, 5, 1)).toBe('mixed');
    expect(stanceOfRating(undefined, 9, 10, 0)).toBe('supports');
    expect(stanceOfRating('Something new', 2)).toBe('refutes');
    expect(stanceOfRating('Something new')).toBe('mixed');
  });
});

describe('pack build', () => {
  it('reads real PolitiFact markup, keeping its label even where the number disagrees', () => {
    const { reviews } = read('politifact-schemaorg-1061.json');
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ outlet: 'politifact.com', label: 'True', stance: 'supports', claimant: 'Rich Perry', published: '2014-07-23' });
  });

  it('reads a Fact Check Tools API response, an HTML page with @graph, and a DataFeed', () => {
    expect(read('factcheck-api-response.json').reviews.map((r) => [r.outlet, r.stance])).toEqual([
      ['Example Fact Check', 'refutes'],
      ['Second Example Desk', 'mixed'],
      ['factcheck.example', 'mixed'],
    ]);
    expect(read('factcheck-page.html').reviews).toMatchObject([{ outlet: 'Example Fact Check', label: 'False', stance: 'refutes' }]);
    expect(read('datafeed.json').reviews.map((r) => [r.stance, r.label])).toEqual([
      ['supports', undefined],
      ['refutes', 'Pants on Fire!'],
    ]);
  });

  it('merges the same claim across inputs and keeps every source once', () => {
    const pack = buildPack(['factcheck-api-response.json', 'factcheck-page.html', 'datafeed.json'].map(read), { id: 'imported', title: 'Imported' });
    expect(validatePack(pack).ok).toBe(true);
    const meta = pack.claims.filter((c) => /Meta has stopped releasing open-source AI models/.test(c.text));
    expect(meta).toHaveLength(1);
    // The API's review and the page's are the same article (same URL): one source, one coverage item.
    expect(meta[0]!.coverage.map((c) => c.stance).sort()).toEqual(['mixed', 'refutes', 'refutes']);
    expect(meta[0]!.rating).toMatchObject({ label: 'False' });
    expect(new Set(pack.sources.map((s) => s.url)).size).toBe(pack.sources.length);
  });

  it('merges a Claimlight pack with fact-checks of the same claims', () => {
    const seed = read('factcheck-api-response.json');
    const own = readInput({ name: 'seed.json', text: JSON.stringify(seedPackJson()) });
    const pack = buildPack([own, seed], { id: 'merged', title: 'Merged' });
    expect(validatePack(pack).ok).toBe(true);
    const stopped = pack.claims.find((c) => c.text === 'Meta has stopped releasing open-source AI models.')!;
    expect(stopped.alternates.length).toBeGreaterThan(0);
    expect(stopped.coverage.length).toBeGreaterThan(5);
  });

  it('fails with the input named when nothing in it is a fact-check', () => {
    expect(() => readInput({ name: 'x.json', text: '{"hello": 1}' })).toThrow(/x\.json: no ClaimReview found/);
    expect(() => readInput({ name: 'x.html', text: '<html><body>Nope</body></html>' })).toThrow(/no ClaimReview markup/);
    expect(() => readInput({ name: 'x.txt', text: 'plain words' })).toThrow(/not JSON or HTML/);
  });
});

describe('claimlight pack keygen, sign, verify, build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimlight-keys-'));

  it('signs a pack and verifies it; a changed byte or another key fails with exit 2', async () => {
    expect((await run('pack', 'keygen', '--out-dir', join(dir, 'k1'))).code).toBe(0);
    expect((await run('pack', 'keygen', '--out-dir', join(dir, 'k2'))).code).toBe(0);
    const pack = join(dir, 'pack.json');
    writeFileSync(pack, JSON.stringify(seedPackJson()));
    expect(await run('pack', 'sign', pack, '--key', join(dir, 'k1', 'private.key'))).toMatchObject({ code: 0 });
    expect(await run('pack', 'verify', pack, '--pubkey', join(dir, 'k1', 'public.key'))).toMatchObject({ code: 0, out: expect.stringMatching(/^ok/) });
    const other = await run('pack', 'verify', pack, '--pubkey', join(dir, 'k2', 'public.key'));
    expect(other).toMatchObject({ code: 2, err: expect.stringMatching(/does not match/) });
    writeFileSync(pack, readFileSync(pack, 'utf8').replace('Meta', 'Meka'));
    expect((await run('pack', 'verify', pack, '--pubkey', join(dir, 'k1', 'public.key'))).code).toBe(2);
  });

  it('refuses to sign an invalid pack, and says which file lacks a signature', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"claimlight-pack","version":1}');
    expect(await run('pack', 'sign', bad, '--key', join(dir, 'k1', 'private.key'))).toMatchObject({ code: 2, err: expect.stringMatching(/invalid pack .*\$\.id/) });
    const unsigned = join(dir, 'unsigned.json');
    writeFileSync(unsigned, JSON.stringify(seedPackJson()));
    expect(await run('pack', 'verify', unsigned, '--pubkey', join(dir, 'k1', 'public.key'))).toMatchObject({ code: 2, err: expect.stringMatching(/cannot read signature .*unsigned\.json\.sig/) });
  });

  it('builds a valid pack from the fixtures', async () => {
    const out = join(dir, 'built.json');
    const r = await run('pack', 'build', `${FIX}/politifact-schemaorg-1061.json`, `${FIX}/factcheck-api-response.json`, `${FIX}/factcheck-page.html`, `${FIX}/datafeed.json`, '-o', out, '--title', 'Fixtures');
    // The Meta claim appears in three of the inputs and becomes one: 4 distinct claims, 6 distinct sources.
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/4 claims from 6 sources/) });
    expect((await run('pack', 'validate', out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ id: 'built', title: 'Fixtures' });
  });
});

describe('claim lists (JSON lines)', () => {
  it('keeps each line\'s id, its title as an alternate phrasing and its date as an ISO day', () => {
    const text = [
      '{"id": "vclaim-1", "text": "A video shows a 10-meter-long anaconda.", "title": "Does Video Show a 10-Meter-Long Anaconda?", "date": "6 March 2021"}',
      '{"id": "vclaim-2", "text": "McDonald\'s is offering $1 fries.", "date": "2015-05-26"}',
    ].join('\n');
    const pack = buildPack([readInput({ name: 'claims.jsonl', text })], { id: 'pool', title: 'Pool' });
    expect(validatePack(pack).ok).toBe(true);
    expect(pack.claims.map((c) => [c.id, c.alternates, c.date])).toEqual([
      ['vclaim-1', ['Does Video Show a 10-Meter-Long Anaconda?'], '2021-03-06'],
      ['vclaim-2', [], '2015-05-26'],
    ]);
  });

  it('names the line that is not a claim', () => {
    expect(() => readInput({ name: 'claims.jsonl', text: '{"text": "One."}\n{"id": 2}\n' })).toThrow('claims.jsonl:2');
    expect(() => readInput({ name: 'claims.jsonl', text: '{"text": "One."}\nnot json\n' })).toThrow('claims.jsonl:2: not a JSON object');
  });
});
