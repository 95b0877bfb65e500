import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Claim, Pack, PackSource } from '../packs/types';
import { ClaimIndex, INDEX_SERIALIZATION_VERSION, type SerializedIndex } from '../match/index';
import { NORMALISER_VERSION } from '../match/normalize';
import type { Said } from '../ui/i18n';

/**
 * The claim database, owned by the background. Version history (each upgrade keeps what came before):
 *   1: packs, claims (key [packId, id], index byPack), meta.
 *   2: claims carry the generation of their pack (key [packId, gen, id], index byPackGen), so that a new version
 *      of a pack is written beside the live one and switched live by one small write (see installPack);
 *      subscriptions.
 *   3: claims are stored about a hundred to a record (`batches`, key [packId, gen, batch]; the pack's record says
 *      how many batches its live generation has, and a claim's batch follows from its id, `batchOf`). One record a
 *      claim, a 100,000-claim pack took about 22 s to write in Chromium and 3 s to read back (`npm run bench:idb`:
 *      170 µs a claim, 18 as records of 100). Only each pack's live generation is carried over.
 */
export const DB_NAME = 'claimlight';
export const DB_VERSION = 3;

/** Where an installed pack came from. */
export type PackOrigin = { type: 'bundled' } | { type: 'subscription'; url: string };

export interface StoredPack {
  id: string;
  title: string;
  /** The pack's own "data as of" date. */
  updated: string;
  language: string;
  sources: PackSource[];
  claimCount: number;
  origin: PackOrigin;
  /** When this version was written (ms since epoch). */
  installedAt: number;
  /** Fingerprint of the pack's content, to skip re-seeding an unchanged bundled pack. */
  digest: string;
  /** The generation of claims that is live for this pack. */
  gen: number;
  /** How many batch records that generation has (a claim's is `batchOf(claim.id, batches)`). */
  batches: number;
}

/** Claims of one generation of a pack, those whose id falls in this batch (`batchOf`). */
export interface ClaimBatch {
  packId: string;
  gen: number;
  batch: number;
  claims: Claim[];
}

/** A pack the reader subscribed to: where it comes from, the key it must be signed with, how the last check went. */
export interface Subscription {
  url: string;
  /** The publisher's Ed25519 public key (base64), pinned when subscribing. */
  publicKey: string;
  /** The pack id, once a first version was installed. */
  packId?: string;
  etag?: string;
  lastModified?: string;
  addedAt: number;
  lastChecked?: number;
  /** What the last check did. */
  lastResult?: CheckResult;
}

/** What a subscription's check did, said as the options page puts it into the reader's words. */
export interface CheckResult {
  ok: boolean;
  said?: Said[];
  /** Where earlier builds wrote the words themselves, in English (shown as they are). */
  message?: string;
  at: number;
}

export interface ClaimlightSchema extends DBSchema {
  packs: { key: string; value: StoredPack };
  batches: { key: [string, number, number]; value: ClaimBatch };
  subscriptions: { key: string; value: Subscription };
  meta: { key: string; value: unknown };
}

export type ClaimDb = IDBPDatabase<ClaimlightSchema>;

/** Claims written per transaction while staging a new pack version. */
const CHUNK = 2_000;

/** Claims to a batch record, about. */
const BATCH_SIZE = 100;

/**
 * The batch of a claim, by its id, among a generation's `batches` (a damaged count reads as one batch: the claim is
 * then not found, rather than asked for under a key IndexedDB refuses).
 */
export function batchOf(claimId: string, batches: number): number {
  return Number.isInteger(batches) && batches > 1 ? fnv1a(claimId) % batches : 0;
}

/** FNV-1a over a string's code units, as an unsigned 32-bit number. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Claims grouped into batches of about `size`, each at the place `batchOf` gives it. */
function batched(claims: Claim[], size = BATCH_SIZE): Claim[][] {
  const groups: Claim[][] = Array.from({ length: Math.max(1, Math.ceil(claims.length / size)) }, () => []);
  for (const c of claims) groups[batchOf(c.id, groups.length)]!.push(c);
  return groups;
}

/** Every record of one generation of a pack: [packId, gen, []] sorts after all of them (an array after any number). */
const generation = (packId: string, gen: number) => IDBKeyRange.bound([packId, gen], [packId, gen, []]);

export function openClaimDb(name = DB_NAME): Promise<ClaimDb> {
  return openDB<ClaimlightSchema>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      // Untyped access for the stores of earlier versions.
      const raw = db as unknown as IDBPDatabase;
      const rawTx = tx as unknown as { objectStore(n: string): { getAll(): Promise<unknown[]>; put(v: unknown): Promise<unknown> } };
      if (oldVersion < 1) {
        db.createObjectStore('packs', { keyPath: 'id' });
        db.createObjectStore('meta');
      }
      // The claims of earlier versions, one record each, with their pack's id and generation.
      let carried: Array<Claim & { packId: string; gen: number }> = [];
      if (oldVersion === 1) {
        // Version 1 keyed claims without a generation: carry them over as generation 0.
        carried = ((await rawTx.objectStore('claims').getAll()) as typeof carried).map((c) => ({ ...c, gen: 0 }));
        raw.deleteObjectStore('claims');
        const packs = (await rawTx.objectStore('packs').getAll()) as Array<Record<string, unknown>>;
        for (const p of packs) await rawTx.objectStore('packs').put({ ...p, gen: 0 });
      }
      if (oldVersion < 2) db.createObjectStore('subscriptions', { keyPath: 'url' });
      if (oldVersion === 2) {
        carried = (await rawTx.objectStore('claims').getAll()) as typeof carried;
        raw.deleteObjectStore('claims');
      }
      if (oldVersion < 3) {
        const batches = db.createObjectStore('batches', { keyPath: ['packId', 'gen', 'batch'] });
        // Each pack's live generation, in batches; claims of any other generation were left over.
        for (const p of (await rawTx.objectStore('packs').getAll()) as StoredPack[]) {
          const claims = carried.filter((c) => c.packId === p.id && c.gen === p.gen).map(({ packId: _p, gen: _g, ...claim }) => claim);
          const groups = batched(claims);
          for (const [batch, group] of groups.entries()) await batches.put({ packId: p.id, gen: p.gen, batch, claims: group });
          await rawTx.objectStore('packs').put({ ...p, batches: groups.length });
        }
      }
    },
  });
}

/** A short content fingerprint (FNV-1a over the JSON), enough to notice that a bundled pack changed. */
export function digestOf(pack: Pack): string {
  const text = JSON.stringify(pack);
  return fnv1a(text).toString(16).padStart(8, '0') + text.length.toString(16);
}

/** Runs a batch of requests in one transaction; a request that fails, or throws as it is made, aborts them all. */
type WriteTx = IDBPTransaction<ClaimlightSchema, Array<'packs' | 'batches'>, 'readwrite'>;

async function inTransaction(db: ClaimDb, stores: Array<'packs' | 'batches'>, requests: (tx: WriteTx) => Array<() => Promise<unknown>>) {
  const tx = db.transaction(stores, 'readwrite');
  // A DataCloneError is thrown by put() rather than reported on its request: each call is guarded, and every request
  // is awaited, so that once one fails the others' aborts are not left unhandled.
  const results = await Promise.allSettled(
    requests(tx).map((make) => {
      try {
        return make();
      } catch (e) {
        return Promise.reject(e);
      }
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    try {
      tx.abort();
    } catch {
      // already aborted by the failed request
    }
    await tx.done.catch(() => undefined);
    throw failed.reason;
  }
  await tx.done;
}

/** Deletes one generation of a pack's claims. */
async function deleteGeneration(db: ClaimDb, packId: string, gen: number): Promise<void> {
  await db.delete('batches', generation(packId, gen));
}

/** Called between the steps of an install, so that tests can cut an update off at any point. */
export type InstallProbe = (step: string) => void;

/**
 * Installs a version of a pack. Its claims are first written as a new generation beside the live one (staging, in
 * batches of about `chunk` claims a transaction, so readers are never blocked for long); then one write of the
 * pack record switches that generation live; then the old generation is deleted. Cut off anywhere, the pack record
 * still names one complete generation: before the switch the old one, after it the new one; leftovers are removed
 * by `collectGarbage`. (A `chunk` under `BATCH_SIZE`, for tests, makes the batches that small.)
 */
export async function installPack(db: ClaimDb, pack: Pack, origin: PackOrigin, now = Date.now(), probe?: InstallProbe, chunk = CHUNK): Promise<number> {
  const live = await db.get('packs', pack.id);
  const gen = Math.max(now, (live?.gen ?? 0) + 1);
  const size = Math.min(BATCH_SIZE, chunk);
  const groups = batched(pack.claims, size);
  const perTransaction = Math.max(1, Math.floor(chunk / size));
  try {
    for (let i = 0; i < groups.length; i += perTransaction) {
      probe?.(`stage ${i * size}`);
      await inTransaction(db, ['batches'], (tx) =>
        groups.slice(i, i + perTransaction).map((claims, k) => () => tx.objectStore('batches').put({ packId: pack.id, gen, batch: i + k, claims })),
      );
    }
    probe?.('switch');
    await inTransaction(db, ['packs'], (tx) => [
      () =>
        tx.objectStore('packs').put({
          id: pack.id,
          title: pack.title,
          updated: pack.updated,
          language: pack.language,
          sources: pack.sources,
          claimCount: pack.claims.length,
          origin,
          installedAt: now,
          digest: digestOf(pack),
          gen,
          batches: groups.length,
        }),
    ]);
  } catch (e) {
    await deleteGeneration(db, pack.id, gen).catch(() => undefined);
    throw e;
  }
  probe?.('cleanup');
  if (live) await deleteGeneration(db, pack.id, live.gen).catch(() => undefined);
  return gen;
}

/**
 * The claims of a generation just installed, still in memory: `loadPacks` takes them instead of reading the
 * generation back (2.1 of the 7.2 s a 100,000-claim pack took from "Subscribe" to live in Chromium).
 */
export interface InMemoryGeneration {
  gen: number;
  claims: readonly Claim[];
}

/** Removes a pack: its record first (so it stops being live at once), then its claims. */
export async function removePack(db: ClaimDb, packId: string): Promise<void> {
  const live = await db.get('packs', packId);
  if (!live) return;
  await db.delete('packs', packId);
  await deleteGeneration(db, packId, live.gen).catch(() => undefined);
}

/**
 * Deletes claims no pack record points at: generations staged by an update that was cut off, old generations whose
 * cleanup did not finish, claims of removed packs. Returns how many generations were deleted.
 */
export async function collectGarbage(db: ClaimDb): Promise<number> {
  const live = new Map((await db.getAll('packs')).map((p) => [p.id, p.gen]));
  // The batches are keyed [packId, gen, batch]: the cursor reads the first key of each generation and jumps past
  // the rest ([packId, gen, []] follows them all). Run as the background wakes, it reads a few keys, not every
  // record: a key at a time over a 100,000-claim pack, one record a claim, took about 3 s in Chromium.
  const orphans: Array<[string, number]> = [];
  let cursor = await db.transaction('batches').store.openKeyCursor();
  while (cursor) {
    const [packId, gen] = cursor.key;
    if (live.get(packId) !== gen) orphans.push([packId, gen]);
    cursor = await cursor.continue([packId, gen, []] as unknown as [string, number, number]);
  }
  for (const [packId, gen] of orphans) await deleteGeneration(db, packId, gen);
  return orphans.length;
}

export function listPacks(db: ClaimDb): Promise<StoredPack[]> {
  return db.getAll('packs');
}

/** Why a stored claim cannot be used, or undefined if it can (records may be damaged on disk or by other code). */
function brokenClaim(c: unknown): string | undefined {
  if (typeof c !== 'object' || c === null) return 'not an object';
  const r = c as Record<string, unknown>;
  if (typeof r.id !== 'string' || !r.id) return 'no id';
  if (typeof r.text !== 'string' || !r.text.trim()) return 'no text';
  if (!Array.isArray(r.alternates) || !r.alternates.every((a) => typeof a === 'string')) return 'alternates are not strings';
  if (!Array.isArray(r.coverage) || !r.coverage.every((x) => typeof x === 'object' && x !== null && typeof (x as Record<string, unknown>).source === 'string' && ['supports', 'refutes', 'mixed'].includes((x as Record<string, unknown>).stance as string))) return 'coverage is malformed';
  return undefined;
}

/** The stored index of all installed packs, and which versions of which packs it was built from. */
export interface StoredIndex {
  fingerprint: string;
  index: SerializedIndex;
}

/** Which pack versions (and which tokenisation) an index covers: a different fingerprint means a rebuild. */
export function fingerprintOf(packs: StoredPack[]): string {
  return [`n${NORMALISER_VERSION}`, `i${INDEX_SERIALIZATION_VERSION}`, ...packs.map((p) => `${p.id}:${p.gen}`).sort()].join('|');
}

/** The index saved for exactly these pack versions, if any (structured clone: its typed arrays come back as they were). */
export async function loadIndex(db: ClaimDb, fingerprint: string): Promise<ClaimIndex | undefined> {
  const stored = (await db.get('meta', 'index')) as StoredIndex | undefined;
  if (!stored || stored.fingerprint !== fingerprint) return undefined;
  try {
    return ClaimIndex.fromJSON(stored.index);
  } catch {
    return undefined;
  }
}

export async function saveIndex(db: ClaimDb, fingerprint: string, index: ClaimIndex): Promise<void> {
  const value: StoredIndex = { fingerprint, index: index.toJSON() };
  await db.put('meta', value, 'index');
}

/** Claims by index key ("packId/claimId") from the live generation of their pack, in one read; damaged ones skipped. */
export async function lookupClaims(db: ClaimDb, packs: StoredPack[], keys: string[], log: (message: string) => void = console.warn): Promise<Array<Claim | undefined>> {
  const byId = new Map(packs.map((p) => [p.id, p]));
  const wanted = keys.map((key) => {
    const at = key.indexOf('/');
    const pack = byId.get(key.slice(0, at));
    const id = key.slice(at + 1);
    return pack && { pack, id, batch: batchOf(id, pack.batches) };
  });
  // Each batch read once, however many of its claims matched.
  const tx = db.transaction('batches');
  const reads = new Map<string, Promise<ClaimBatch | undefined>>();
  for (const w of wanted) {
    if (!w) continue;
    const where = `${w.pack.id}/${w.batch}`;
    if (!reads.has(where)) reads.set(where, tx.store.get([w.pack.id, w.pack.gen, w.batch]));
  }
  // (A damaged batch is logged once, however many of its claims matched.)
  const batches = new Map<string, Claim[]>();
  for (const [where, read] of reads) batches.set(where, claimsOf(await read, where.slice(0, where.lastIndexOf('/')), log));
  await tx.done;
  return wanted.map((w) => {
    if (!w) return undefined;
    const row = batches.get(`${w.pack.id}/${w.batch}`)!.find((c) => c.id === w.id);
    if (!row) return undefined;
    const why = brokenClaim(row);
    if (why) {
      log(`skipped a damaged claim record in pack ${w.pack.id} (${JSON.stringify(w.id)}): ${why}`);
      return undefined;
    }
    return row;
  });
}

/** A batch's claims as stored (each still to be checked), or none if the record is damaged (logged). */
function claimsOf(batch: ClaimBatch | undefined, packId: string, log: (message: string) => void): Claim[] {
  if (!batch) return [];
  if (!Array.isArray(batch.claims)) {
    log(`skipped a damaged batch record in pack ${packId} (${JSON.stringify(batch.batch ?? null)}): claims are not a list`);
    return [];
  }
  return batch.claims.filter((c): c is Claim => typeof c === 'object' && c !== null);
}

/**
 * Every installed pack with its claims (in order of their ids), as packs again: what the matcher is built from.
 * Damaged claim records are skipped with a logged reason rather than failing the whole load.
 */
export async function loadPacks(db: ClaimDb, log: (message: string) => void = console.warn, inMemory?: ReadonlyMap<string, InMemoryGeneration>): Promise<Pack[]> {
  const tx = db.transaction(['packs', 'batches']);
  const packs = await tx.objectStore('packs').getAll();
  const byPack = new Map<string, Claim[]>();
  const byId = (a: Claim, b: Claim) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  // One read transaction: the packs and the generations they name are seen at the same instant.
  await Promise.all(
    packs.map(async (p) => {
      const known = inMemory?.get(p.id);
      if (known?.gen === p.gen) return void byPack.set(p.id, [...known.claims].sort(byId));
      const claims: Claim[] = [];
      for (const batch of await tx.objectStore('batches').getAll(generation(p.id, p.gen))) {
        for (const row of claimsOf(batch, p.id, log)) {
          const why = brokenClaim(row);
          if (why) {
            log(`skipped a damaged claim record in pack ${p.id} (${JSON.stringify((row as { id?: unknown }).id ?? null)}): ${why}`);
            continue;
          }
          claims.push(row);
        }
      }
      byPack.set(p.id, claims.sort(byId));
    }),
  );
  await tx.done;
  return packs.map((p) => ({
    format: 'claimlight-pack',
    version: 1,
    id: p.id,
    title: p.title,
    updated: p.updated,
    language: p.language,
    sources: p.sources,
    claims: byPack.get(p.id) ?? [],
  }));
}
