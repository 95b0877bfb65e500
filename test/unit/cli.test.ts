import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { seedPackJson } from './helpers';
import { seedPage } from '../../scripts/seed-pages.mjs';

const dir = mkdtempSync(join(tmpdir(), 'claimlight-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('claimlight check', () => {
  const page = file('lab.html', seedPage('lab-discussed')!);

  it('prints exactly one JSON object with the article and its matches', async () => {
    const r = await run('check', page, '--json');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!);
    expect(Object.keys(json).sort()).toEqual(['article', 'matches', 'timingsMs']);
    expect(json.article).toMatchObject({ siteName: 'BitcoinWorld', lang: 'en' });
    expect(json.article.words).toBeGreaterThan(800);
    const ids = json.matches.map((m: { claimId: string }) => m.claimId);
    expect(ids).toEqual(expect.arrayContaining(['msl-discussed-closed-behemoth', 'meta-position-unchanged', 'meta-stopped-releasing-open-models']));
    const denial = json.matches.find((m: { claimId: string }) => m.claimId === 'meta-stopped-releasing-open-models');
    expect(denial).toMatchObject({ packId: 'meta-open-source-ai', relation: 'denies', sentence: expect.stringContaining('continue releasing') });
    expect(denial.supports).toBeGreaterThan(0);
    expect(denial.refutes).toBeGreaterThan(0);
    expect(Object.keys(denial).sort()).toEqual(['claimId', 'hedged', 'packId', 'refutes', 'relation', 'score', 'sentence', 'supports']);
    expect(denial.hedged).toBe(false);
    // The page's "potentially pivoting towards a more guarded, closed-source approach" only suggests the shift.
    const suggested = json.matches.find((m: { sentence: string }) => m.sentence.includes('potentially pivoting'));
    expect(suggested).toMatchObject({ claimId: 'meta-shifting-to-closed-models', relation: 'asserts', hedged: true });
  });

  it('writes a readable report by default', async () => {
    const r = await run('check', page);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/known claims in \d+ sentences/);
    expect(r.out).toContain('DENIES');
  });

  it('counts one word or sentence in the singular, and reads no claim in a code listing', async () => {
    const code = file('code.html', `<html lang="en"><head><title>Code</title></head><body><article><h1>Listing</h1><pre>${'SELECT 1; Meta has stopped releasing open-source AI models. '.repeat(40)}</pre></article></body></html>`);
    const r = await run('check', code);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/· 1 word · 1 sentence\n/);
    expect(r.out).toContain('No known claims in this article.');
  });

  it('exits 0 with no matches when no pack is loaded, and with a null article for a non-article', async () => {
    const none = JSON.parse((await run('check', page, '--json', '--no-bundled')).out);
    expect(none.matches).toEqual([]);
    const form = file('form.html', '<html><body><form><input name=q><button>Go</button></form></body></html>');
    const r = await run('check', form, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ article: null, matches: [] });
  });

  it.each([
    [['check', join(dir, 'missing.html')], /no such file/],
    [['check', file('bin.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))], /binary file/],
    [['check', 'ftp://example.com/x'], /only http\(s\) URLs/],
    [['check', 'http://127.0.0.1:9/'], /could not fetch/],
    [['check', 'a', 'b'], /one file or URL/],
    [['check', 'a', '--bogus'], /unknown option --bogus/],
    [['frobnicate'], /unknown command/],
  ])('exits 2 with one line on stderr for %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
  });

  it('rejects an invalid pack, naming the JSON path', async () => {
    const json = seedPackJson();
    (json.claims as Array<{ id: unknown }>)[2]!.id = 42;
    const bad = file('bad.json', JSON.stringify(json));
    const r = await run('check', page, '--pack', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/invalid pack .*bad\.json: \$\.claims\[2\]\.id: expected a string, got number/);
  });
});

describe('claimlight rank and pack validate', () => {
  it('ranks queries against a pack, k per query, best first', async () => {
    const pack = file('pack.json', JSON.stringify(seedPackJson()));
    const queries = file('q.jsonl', ['{"id": "a", "text": "Meta held back the release of its Behemoth model because it performed poorly in internal tests"}', '{"id": 2, "text": "recipe for bread"}'].join('\n'));
    const r = await run('rank', '--pack', pack, '--queries', queries, '--k', '3', '--no-bundled');
    expect(r.code).toBe(0);
    const [a, b] = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(a.id).toBe('a');
    expect(a.ranked.length).toBeLessThanOrEqual(3);
    expect(a.ranked[0]).toMatchObject({ claimId: 'behemoth-delayed-poor-performance', match: true });
    expect(b).toEqual({ id: '2', ranked: [] });
  });

  it('prints its usage for --help after a command too, and exits 0', async () => {
    for (const argv of [['--help'], ['rank', '--help'], ['check', '-h'], ['pack', 'build', '--help']]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^claimlight: find the sentences/);
      expect(r.err).toBe('');
    }
  });

  it('validates a pack file', async () => {
    expect((await run('pack', 'validate', file('ok.json', JSON.stringify(seedPackJson())))).out).toMatch(/^ok: meta-open-source-ai/);
    const one = '{"format":"claimlight-pack","version":1,"id":"x","title":"X","updated":"2026-01-01","sources":[{"id":"s1","outlet":"O","title":"T"}],"claims":[{"id":"a","text":"b","coverage":[{"source":"s1","stance":"supports"}]}]}';
    expect((await run('pack', 'validate', file('one.json', one))).out).toBe('ok: x (X), data as of 2026-01-01: 1 claim, 1 source\n');
    const r = await run('pack', 'validate', file('broken.json', '{"format":"claimlight-pack","version":1,"id":"x","title":"x","updated":"2026-01-01","claims":[{"id":"a","text":"b","coverage":[{"source":"s9","stance":"supports"}]}]}'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\$\.claims\[0\]\.coverage\[0\]\.source: no source with id "s9"/);
  });
});
