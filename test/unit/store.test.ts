import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { installPack, listPacks, loadPacks, openClaimDb } from '../../src/store/db';
import { seedBundled, validBundledPacks } from '../../src/store/seed';
import { BUNDLED_PACKS } from '../../src/packs/bundled';
import type { Pack } from '../../src/packs/types';

let n = 0;
const freshDb = () => openClaimDb(`test-${++n}`);

const pack = (id: string, claims: string[], updated = '2026-01-01'): Pack => ({
  format: 'claimlight-pack',
  version: 1,
  id,
  title: id,
  updated,
  language: 'en',
  sources: [],
  claims: claims.map((c) => ({ id: c, text: `Claim ${c}.`, alternates: [], coverage: [] })),
});

describe('claim database', () => {
  it('seeds the bundled packs once, and again only when they change', async () => {
    const db = await freshDb();
    const bundled = validBundledPacks(BUNDLED_PACKS);
    expect((await seedBundled(db, bundled)).installed).toEqual(['meta-open-source-ai']);
    expect((await seedBundled(db, bundled)).unchanged).toEqual(['meta-open-source-ai']);
    const changed = [{ ...bundled[0]!, updated: '2027-01-01T00:00:00Z' }];
    expect((await seedBundled(db, changed)).installed).toEqual(['meta-open-source-ai']);
    const [stored] = await listPacks(db);
    expect(stored).toMatchObject({ updated: '2027-01-01T00:00:00Z', origin: { type: 'bundled' }, claimCount: bundled[0]!.claims.length });
  });

  it('gives back the packs it was given', async () => {
    const db = await freshDb();
    const bundled = validBundledPacks(BUNDLED_PACKS);
    await seedBundled(db, bundled);
    const [loaded] = await loadPacks(db);
    expect(loaded!.claims).toEqual(expect.arrayContaining(bundled[0]!.claims));
    expect(loaded!.claims).toHaveLength(bundled[0]!.claims.length);
    expect(loaded!.sources).toEqual(bundled[0]!.sources);
  });

  it('replaces a pack whole: claims dropped from the new version are gone', async () => {
    const db = await freshDb();
    await installPack(db, pack('p', ['a', 'b', 'c']), { type: 'bundled' });
    await installPack(db, pack('p', ['a', 'd']), { type: 'bundled' });
    await installPack(db, pack('q', ['a']), { type: 'bundled' });
    const packs = await loadPacks(db);
    expect(packs.find((p) => p.id === 'p')!.claims.map((c) => c.id).sort()).toEqual(['a', 'd']);
    expect(packs.find((p) => p.id === 'q')!.claims.map((c) => c.id)).toEqual(['a']);
  });

  it('leaves the previous version live when writing a new one fails', async () => {
    const db = await freshDb();
    await installPack(db, pack('p', ['a', 'b']), { type: 'bundled' });
    const broken = pack('p', ['x', 'y'], '2026-02-02');
    // A value IndexedDB cannot store makes the put fail half-way through the transaction.
    (broken.claims[1] as unknown as { bad: unknown }).bad = () => 1;
    await expect(installPack(db, broken, { type: 'bundled' })).rejects.toThrow();
    const [p] = await loadPacks(db);
    expect(p!.updated).toBe('2026-01-01');
    expect(p!.claims.map((c) => c.id).sort()).toEqual(['a', 'b']);
  });

  it('skips an invalid bundled pack with a logged reason', () => {
    const logged: string[] = [];
    const packs = validBundledPacks([{ format: 'claimlight-pack', version: 1 }, ...BUNDLED_PACKS], (m) => logged.push(m));
    expect(packs).toHaveLength(1);
    expect(logged[0]).toMatch(/bundled pack #0 is invalid: \$\.id/);
  });
});
