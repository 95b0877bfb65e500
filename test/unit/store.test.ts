import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { collectGarbage, installPack, listPacks, loadPacks, lookupClaims, openClaimDb, type ClaimDb } from '../../src/store/db';
import { seedBundled, validBundledPacks } from '../../src/store/seed';
import { BUNDLED_PACKS } from '../../src/packs/bundled';
import type { Pack } from '../../src/packs/types';

let n = 0;
const freshDb = () => openClaimDb(`test-${++n}`);
/** How many claims the batch records hold, live or not. */
const claimsStored = async (db: ClaimDb) => (await db.getAll('batches')).reduce((sum, b) => sum + b.claims.length, 0);

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

  it('takes a generation just installed from memory, and reads any other from the database', async () => {
    const db = await freshDb();
    const p = pack('p', ['c', 'a', 'b']);
    const gen = await installPack(db, p, { type: 'bundled' });
    await installPack(db, pack('q', ['x']), { type: 'bundled' });
    // What the database holds for p is damaged after the install: only a read back would see it.
    for (const batch of await db.getAll('batches')) if (batch.packId === 'p') await db.put('batches', { ...batch, claims: [] });
    const loaded = await loadPacks(db, () => {}, new Map([['p', { gen, claims: p.claims }]]));
    expect(loaded.map((x) => [x.id, x.claims.map((c) => c.id)])).toEqual([['p', ['a', 'b', 'c']], ['q', ['x']]]);
    // A generation that is no longer the live one is not taken.
    expect((await loadPacks(db, () => {}, new Map([['p', { gen: gen - 1, claims: p.claims }]])))[0]!.claims).toEqual([]);
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

/** Makes a database as an earlier version of Claimlight wrote it: `write` creates its stores and records. */
function olderDb(name: string, version: number, write: (db: IDBDatabase, tx: IDBTransaction) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(name, version);
    req.onupgradeneeded = () => write(req.result, req.transaction!);
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

describe('claim database: versions and interrupted updates', () => {
  it('migrates a version 1 database without losing packs or claims', async () => {
    const name = `v1-${++n}`;
    await olderDb(name, 1, (db, tx) => {
      db.createObjectStore('packs', { keyPath: 'id' });
      db.createObjectStore('claims', { keyPath: ['packId', 'id'] }).createIndex('byPack', 'packId');
      db.createObjectStore('meta');
      tx.objectStore('packs').put({ id: 'old', title: 'Old', updated: '2026-01-01', language: 'en', sources: [], claimCount: 2, origin: { type: 'subscription', url: 'https://x.test/p.json' }, installedAt: 1, digest: 'd' });
      tx.objectStore('claims').put({ packId: 'old', id: 'a', text: 'Claim a.', alternates: [], coverage: [] });
      tx.objectStore('claims').put({ packId: 'old', id: 'b', text: 'Claim b.', alternates: [], coverage: [] });
    });
    const db = await openClaimDb(name);
    const [p] = await loadPacks(db);
    expect(p).toMatchObject({ id: 'old', title: 'Old' });
    expect(p!.claims.map((c) => c.id).sort()).toEqual(['a', 'b']);
    expect((await listPacks(db))[0]).toMatchObject({ gen: 0, origin: { type: 'subscription', url: 'https://x.test/p.json' } });
    // And the migrated pack updates like any other.
    await installPack(db, pack('old', ['c']), { type: 'bundled' });
    expect((await loadPacks(db))[0]!.claims.map((c) => c.id)).toEqual(['c']);
  });

  it('migrates a version 2 database to claims in batches, keeping each pack\'s live claims and no leftovers', async () => {
    const name = `v2-${++n}`;
    // One record a claim, with a leftover generation of pack "p".
    await olderDb(name, 2, (db, tx) => {
      db.createObjectStore('packs', { keyPath: 'id' });
      db.createObjectStore('meta');
      db.createObjectStore('subscriptions', { keyPath: 'url' });
      db.createObjectStore('claims', { keyPath: ['packId', 'gen', 'id'] }).createIndex('byPackGen', ['packId', 'gen']);
      tx.objectStore('packs').put({ id: 'p', title: 'P', updated: '2026-01-01', language: 'en', sources: [], claimCount: 250, origin: { type: 'bundled' }, installedAt: 1, digest: 'd', gen: 7 });
      for (let i = 0; i < 250; i++) tx.objectStore('claims').put({ packId: 'p', gen: 7, id: `c${String(i).padStart(3, '0')}`, text: `Claim ${i}.`, alternates: [], coverage: [] });
      tx.objectStore('claims').put({ packId: 'p', gen: 6, id: 'old', text: 'Left over.', alternates: [], coverage: [] });
      tx.objectStore('subscriptions').put({ url: 'https://x.test/p.json', publicKey: 'k', addedAt: 1 });
    });
    const db = await openClaimDb(name);
    const [p] = await loadPacks(db);
    expect(p!.claims.map((c) => c.id)).toEqual(Array.from({ length: 250 }, (_, i) => `c${String(i).padStart(3, '0')}`));
    const [stored] = await listPacks(db);
    expect(stored).toMatchObject({ gen: 7, batches: 3 });
    expect(await claimsStored(db)).toBe(250);
    expect((await lookupClaims(db, [stored!], ['p/c042', 'p/old'])).map((c) => c?.text)).toEqual(['Claim 42.', undefined]);
    expect(await db.count('subscriptions')).toBe(1);
  });

  it('leaves exactly one complete version live when an update is cut off at any step (126 trials)', async () => {
    const db = await freshDb();
    // Small chunks, so that a 50-claim pack is staged in five transactions, as a large pack would be in many.
    const CHUNK = 10;
    const v1 = pack('big', Array.from({ length: 45 }, (_, i) => `a-${i}`), '2026-01-01');
    await installPack(db, v1, { type: 'bundled' }, Date.now(), undefined, CHUNK);
    const v2 = pack('big', Array.from({ length: 50 }, (_, i) => `b-${i}`), '2026-02-01');
    const steps: string[] = [];
    await installPack(db, v2, { type: 'bundled' }, Date.now(), (s) => void steps.push(s), CHUNK);
    expect(steps).toEqual(['stage 0', 'stage 10', 'stage 20', 'stage 30', 'stage 40', 'switch', 'cleanup']);
    let trials = 0;
    let version = 2;
    for (let round = 0; round < 18; round++) {
      for (const cut of steps) {
        trials++;
        version++;
        const next = pack('big', Array.from({ length: 50 }, (_, i) => `v${version}-${i}`), `2026-03-${String((version % 28) + 1).padStart(2, '0')}`);
        const before = (await loadPacks(db))[0]!;
        const attempt = installPack(
          db,
          next,
          { type: 'bundled' },
          Date.now() + version,
          (s) => {
            if (s === cut) throw new Error(`cut at ${s}`);
          },
          CHUNK,
        );
        if (cut === 'cleanup') await expect(attempt).rejects.toThrow();
        else await expect(attempt).rejects.toThrow(`cut at ${cut}`);
        const [live] = await loadPacks(db);
        // Before the switch the old version is live, after it the new one: never a mix, never a partial set.
        const expected = cut === 'cleanup' ? next : before;
        expect(live!.updated).toBe(expected.updated);
        expect(live!.claims).toHaveLength(expected.claims.length);
        expect(new Set(live!.claims.map((c) => c.id.split('-')[0]))).toHaveProperty('size', 1);
        await collectGarbage(db);
      }
    }
    expect(trials).toBeGreaterThanOrEqual(100);
    // Nothing is left over once garbage is collected.
    const [live] = await listPacks(db);
    expect(await claimsStored(db)).toBe(live!.claimCount);
  });
});

describe('claim database: garbage', () => {
  it('deletes the claims of old generations and removed packs, and keeps every live one', async () => {
    const db = await freshDb();
    await installPack(db, pack('a', ['a1', 'a2', 'a3']), { type: 'bundled' });
    await installPack(db, pack('b', ['b1', 'b2']), { type: 'bundled' });
    await installPack(db, pack('c', ['c1']), { type: 'bundled' });
    const [a, b, c] = await listPacks(db);
    // Left over as a crash leaves them: an old generation of a (two batches), a staged one of c, the claims of a pack
    // since removed (two generations).
    const left = (id: string) => [{ id, text: 'Left over.', alternates: [], coverage: [] }];
    for (const [packId, gen, batch] of [['a', a!.gen - 5, 0], ['a', a!.gen - 5, 1], ['c', c!.gen + 5, 0], ['gone', 1, 0], ['gone', 2, 0]] as const) {
      await db.put('batches', { packId, gen, batch, claims: left(`${packId}-${batch}`) });
    }
    expect(await collectGarbage(db)).toBe(4);
    expect(await claimsStored(db)).toBe(a!.claimCount + b!.claimCount + c!.claimCount);
    expect((await loadPacks(db)).map((p) => p.claims.map((x) => x.id))).toEqual([['a1', 'a2', 'a3'], ['b1', 'b2'], ['c1']]);
    expect(await collectGarbage(db)).toBe(0);
  });
});

describe('claim database: damaged records', () => {
  it('skips a damaged claim with a logged reason and loads the rest', async () => {
    const db = await freshDb();
    await installPack(db, pack('p', ['a', 'b']), { type: 'bundled' });
    const [stored] = await listPacks(db);
    const [batch] = await db.getAll('batches');
    await db.put('batches', { ...batch!, claims: [...batch!.claims, { id: 'bad', text: 42 } as never] });
    const logged: string[] = [];
    const [p] = await loadPacks(db, (m) => logged.push(m));
    expect(p!.claims.map((c) => c.id).sort()).toEqual(['a', 'b']);
    expect(logged).toEqual([expect.stringMatching(/skipped a damaged claim record in pack p \("bad"\): no text/)]);
    // The matcher's lookup skips it too, and finds the others.
    const found = await lookupClaims(db, [stored!], ['p/a', 'p/bad', 'p/gone'], (m) => logged.push(m));
    expect(found.map((c) => c?.id)).toEqual(['a', undefined, undefined]);
    expect(logged[1]).toMatch(/skipped a damaged claim record in pack p \("bad"\): no text/);
    // A pack record whose batch count is damaged: its claims are not found, and nothing throws.
    const damaged = { ...stored!, batches: undefined as unknown as number };
    expect(await lookupClaims(db, [damaged], ['p/a'])).toHaveLength(1);
  });

  it('skips a damaged batch record with a logged reason and loads the rest', async () => {
    const db = await freshDb();
    await installPack(db, pack('p', Array.from({ length: 300 }, (_, i) => `c${i}`)), { type: 'bundled' });
    const [stored] = await listPacks(db);
    expect(stored!.batches).toBe(3);
    const [first] = await db.getAll('batches');
    await db.put('batches', { ...first!, claims: 'broken' as never });
    const logged: string[] = [];
    const [p] = await loadPacks(db, (m) => logged.push(m));
    expect(p!.claims.length).toBe(300 - first!.claims.length);
    expect(logged).toEqual([expect.stringMatching(/skipped a damaged batch record in pack p \(0\): claims are not a list/)]);
    // Looked up, its claims are not found, and it is logged once however many of them matched.
    const lost = first!.claims.slice(0, 3).map((c) => `p/${c.id}`);
    logged.length = 0;
    expect(await lookupClaims(db, [stored!], [...lost, 'p/missing'], (m) => logged.push(m))).toEqual([undefined, undefined, undefined, undefined]);
    expect(logged).toHaveLength(1);
  });
});
