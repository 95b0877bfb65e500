import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Claim, Pack, PackSource } from '../packs/types';

/**
 * The claim database, owned by the background. Version history (each upgrade step keeps what came before):
 *   1: packs, claims (by pack), meta.
 */
export const DB_NAME = 'claimlight';
export const DB_VERSION = 1;

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
}

export interface StoredClaim extends Claim {
  packId: string;
}

export interface ClaimlightSchema extends DBSchema {
  packs: { key: string; value: StoredPack };
  claims: { key: [string, string]; value: StoredClaim; indexes: { byPack: string } };
  meta: { key: string; value: unknown };
}

export type ClaimDb = IDBPDatabase<ClaimlightSchema>;

export function openClaimDb(name = DB_NAME): Promise<ClaimDb> {
  return openDB<ClaimlightSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('packs', { keyPath: 'id' });
        const claims = db.createObjectStore('claims', { keyPath: ['packId', 'id'] });
        claims.createIndex('byPack', 'packId');
        db.createObjectStore('meta');
      }
    },
  });
}

/** A short content fingerprint (FNV-1a over the JSON), enough to notice that a bundled pack changed. */
export function digestOf(pack: Pack): string {
  const text = JSON.stringify(pack);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0') + text.length.toString(16);
}

/**
 * Writes a pack in one transaction: its old claims go, the new ones come, or (on any failure) nothing changes.
 */
export async function installPack(db: ClaimDb, pack: Pack, origin: PackOrigin, now = Date.now()): Promise<void> {
  const tx = db.transaction(['packs', 'claims'], 'readwrite');
  const claims = tx.objectStore('claims');
  const oldKeys = await claims.index('byPack').getAllKeys(pack.id);
  // A request can fail as it is made (DataCloneError is thrown, not reported): each is wrapped, so that a failure
  // of either kind aborts the transaction instead of letting the requests already made commit. Every request is
  // awaited, so that once one fails the others' aborts are not left unhandled.
  const attempt = (request: () => Promise<unknown>) => {
    try {
      return request();
    } catch (e) {
      return Promise.reject(e);
    }
  };
  const results = await Promise.allSettled([
    ...oldKeys.map((k) => attempt(() => claims.delete(k))),
    ...pack.claims.map((c) => attempt(() => claims.put({ ...c, packId: pack.id }))),
    attempt(() => tx.objectStore('packs').put({
      id: pack.id,
      title: pack.title,
      updated: pack.updated,
      language: pack.language,
      sources: pack.sources,
      claimCount: pack.claims.length,
      origin,
      installedAt: now,
      digest: digestOf(pack),
    })),
  ]);
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

export function listPacks(db: ClaimDb): Promise<StoredPack[]> {
  return db.getAll('packs');
}

/** Every installed pack with its claims, as packs again: what the matcher is built from. */
export async function loadPacks(db: ClaimDb): Promise<Pack[]> {
  const tx = db.transaction(['packs', 'claims']);
  const [packs, claims] = await Promise.all([tx.objectStore('packs').getAll(), tx.objectStore('claims').getAll()]);
  await tx.done;
  const byPack = new Map<string, Claim[]>();
  for (const { packId, ...claim } of claims) {
    const list = byPack.get(packId) ?? [];
    list.push(claim);
    byPack.set(packId, list);
  }
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
