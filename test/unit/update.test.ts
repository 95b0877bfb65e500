import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkSubscription, subscribe, unsubscribe, type UpdateEnv } from '../../src/packs/update';
import { generateKeyPair, sign } from '../../src/packs/signing';
import { loadPacks, openClaimDb, removePack } from '../../src/store/db';
import { useMessages } from '../../src/ui/i18n';
import { wordsOf } from '../../src/ui/format';
import { messagesIn } from '../../src/ui/messages';
import { dbWith } from './helpers';

const URL_ = 'https://packs.example/news.json';
const encoder = new TextEncoder();

function packJson(updated: string, claims: string[], id = 'news') {
  return JSON.stringify({ format: 'claimlight-pack', version: 1, id, title: 'News', updated, claims: claims.map((c) => ({ id: c, text: `Claim ${c}.` })) });
}

/** A pack server in memory: what it serves can be changed, and it answers conditional requests. */
function server() {
  const files = new Map<string, { body: Uint8Array<ArrayBuffer>; headers?: Record<string, string> }>();
  const requests: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    requests.push({ url, headers });
    const f = files.get(url);
    if (!f) return new Response('not found', { status: 404 });
    const etag = `"${f.body.byteLength}-${f.body[10] ?? 0}"`;
    if (headers['If-None-Match'] === etag) return new Response(null, { status: 304 });
    return new Response(f.body, { status: 200, headers: { etag, ...(f.headers ?? {}) } });
  }) as unknown as typeof globalThis.fetch;
  return { files, requests, fetch };
}

async function publish(s: ReturnType<typeof server>, text: string, privateKey: string) {
  const body = encoder.encode(text);
  s.files.set(URL_, { body });
  s.files.set(`${URL_}.sig`, { body: encoder.encode(await sign(body, privateKey)) });
}

let n = 0;
async function setup() {
  const s = server();
  const keys = await generateKeyPair();
  const db = await openClaimDb(`update-${++n}`);
  const env: UpdateEnv = { db, fetch: s.fetch, now: () => Date.now() };
  return { s, keys, db, env };
}

const liveClaims = async (db: Awaited<ReturnType<typeof openClaimDb>>) => (await loadPacks(db)).find((p) => p.id === 'news')?.claims.map((c) => c.id) ?? [];

describe('pack subscriptions', () => {
  it('subscribes, installs, then updates only when the publisher has something newer', async () => {
    const { s, keys, db, env } = await setup();
    await publish(s, packJson('2026-01-01', ['a', 'b']), keys.privateKey);
    expect(await subscribe(env, URL_, keys.publicKey)).toMatchObject({ ok: true, status: 'installed' });
    expect(await liveClaims(db)).toEqual(['a', 'b']);

    // Nothing new: a conditional request, answered 304.
    expect(await checkSubscription(env, URL_)).toMatchObject({ ok: true, status: 'not-modified' });
    expect(s.requests.at(-1)!.headers['If-None-Match']).toBeTruthy();

    await publish(s, packJson('2026-02-01', ['a', 'c', 'd']), keys.privateKey);
    expect(await checkSubscription(env, URL_)).toMatchObject({ ok: true, status: 'installed' });
    expect((await liveClaims(db)).sort()).toEqual(['a', 'c', 'd']);
    expect(wordsOf((await db.get('subscriptions', URL_))!.lastResult!.said!)).toBe('Installed: 3 claims, data as of Feb 1, 2026.');
  });

  it.each([
    ['a tampered pack', async (s: ReturnType<typeof server>, k: { privateKey: string }) => {
      await publish(s, packJson('2026-03-01', ['x']), k.privateKey);
      s.files.set(URL_, { body: encoder.encode(packJson('2026-03-01', ['evil'])) });
    }, /signature does not match/],
    ['a pack signed with another key', async (s: ReturnType<typeof server>) => {
      await publish(s, packJson('2026-03-01', ['x']), (await generateKeyPair()).privateKey);
    }, /signature does not match/],
    ['a truncated download', async (s: ReturnType<typeof server>, k: { privateKey: string }) => {
      const text = packJson('2026-03-01', ['x', 'y']);
      await publish(s, text, k.privateKey);
      const full = encoder.encode(text);
      s.files.set(URL_, { body: full.slice(0, 40), headers: { 'content-length': String(full.byteLength) } });
    }, /cut short|signature does not match/],
    ['a malformed pack, signed', async (s: ReturnType<typeof server>, k: { privateKey: string }) => {
      await publish(s, JSON.stringify({ format: 'claimlight-pack', version: 1, id: 'news', title: 'News', updated: '2026-03-01', claims: [{ id: 'x' }] }), k.privateKey);
    }, /not a valid pack \(\$\.claims\[0\]\.text/],
    ['an older version', async (s: ReturnType<typeof server>, k: { privateKey: string }) => {
      await publish(s, packJson('2025-12-01', ['old']), k.privateKey);
    }, /older/],
    ['a missing signature', async (s: ReturnType<typeof server>, k: { privateKey: string }) => {
      await publish(s, packJson('2026-03-01', ['x']), k.privateKey);
      s.files.delete(`${URL_}.sig`);
    }, /No signature found/],
    ['an unreachable server', async (s: ReturnType<typeof server>) => {
      s.files.clear();
    }, /answered 404/],
  ])('keeps the live data and says why for %s', async (_name, breakIt, message) => {
    const { s, keys, db, env } = await setup();
    await publish(s, packJson('2026-01-01', ['a', 'b']), keys.privateKey);
    await subscribe(env, URL_, keys.publicKey);
    await breakIt(s, keys);
    const outcome = await checkSubscription(env, URL_);
    expect(outcome.ok).toBe(false);
    expect(wordsOf(outcome.said)).toMatch(message);
    expect(wordsOf(outcome.said)).toMatch(/The installed version \(data as of Jan 1, 2026\) stays in use\.$/);
    expect(await liveClaims(db)).toEqual(['a', 'b']);
    expect((await db.get('subscriptions', URL_))!.lastResult).toMatchObject({ ok: false, said: outcome.said });
  });

  it('says what it did in the reader\'s language, counting as the language counts', async () => {
    const { s, keys, env } = await setup();
    await publish(s, packJson('2026-01-01', ['a']), keys.privateKey);
    const outcome = await subscribe(env, URL_, keys.publicKey);
    expect(wordsOf(outcome.said)).toBe('Installed: 1 claim, data as of Jan 1, 2026.');
    try {
      useMessages(messagesIn('de'), 'de');
      expect(wordsOf(outcome.said)).toBe('Installiert: 1 Behauptung, Datenstand 1. Jan. 2026.');
      expect(wordsOf([{ counted: 'subInstalled', n: 100_000, subs: [{ date: '2026-01-01' }] }])).toBe('Installiert: 100.000 Behauptungen, Datenstand 1. Jan. 2026.');
      expect(wordsOf((await subscribe(env, URL_, keys.publicKey)).said)).toBe('Sie haben diese Adresse bereits abonniert.');
    } finally {
      useMessages(messagesIn('en'), 'en');
    }
  });

  it('refuses a bad address or key without keeping anything', async () => {
    const { keys, db, env } = await setup();
    const words = async (url: string, key: string) => wordsOf((await subscribe(env, url, key)).said);
    expect(await words('ftp://packs.example/x.json', keys.publicKey)).toMatch(/https/);
    expect(await subscribe(env, 'http://packs.example/x.json', keys.publicKey)).toMatchObject({ ok: false });
    expect(await words(URL_, 'not a key')).toMatch(/public key/);
    expect(await words(URL_, btoa('short'))).toMatch(/32 bytes/);
    expect(await db.count('subscriptions')).toBe(0);
  });

  it('keeps the live data and says so when storage is full', async () => {
    const { s, keys, db, env } = await setup();
    await publish(s, packJson('2026-01-01', ['a', 'b']), keys.privateKey);
    await subscribe(env, URL_, keys.publicKey);
    await publish(s, packJson('2026-02-01', ['c']), keys.privateKey);
    // A database whose writes of claims fail as a full disk makes them fail.
    const full = dbWith(db, 'transaction', (transaction) => ((stores: string | string[], mode?: IDBTransactionMode) => {
      if (mode === 'readwrite' && [stores].flat().includes('batches')) throw new DOMException('quota', 'QuotaExceededError');
      return transaction(stores as never, mode);
    }) as typeof transaction);
    const outcome = await checkSubscription({ ...env, db: full }, URL_);
    expect(outcome.ok).toBe(false);
    expect(wordsOf(outcome.said)).toBe('Not enough storage to install this version. The installed version (data as of Jan 1, 2026) stays in use.');
    expect(await liveClaims(db)).toEqual(['a', 'b']);
  });

  it('keeps what a check installed, and says so, when its outcome cannot be stored with the subscription', async () => {
    const { s, keys, db, env } = await setup();
    await publish(s, packJson('2026-01-01', ['a', 'b']), keys.privateKey);
    await subscribe(env, URL_, keys.publicKey);
    await publish(s, packJson('2026-02-01', ['c']), keys.privateKey);
    // The pack's own writes succeed; the subscription's record fails as a full disk makes it fail.
    const full = dbWith(db, 'put', (put) => ((store: string, ...rest: unknown[]) =>
      store === 'subscriptions' ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : (put as (...a: unknown[]) => unknown)(store, ...rest)) as typeof put);
    const outcome = await checkSubscription({ ...env, db: full }, URL_);
    expect(outcome).toMatchObject({ ok: true, status: 'installed' });
    expect(wordsOf(outcome.said)).toBe('Installed: 1 claim, data as of Feb 1, 2026. This result could not be saved with the subscription: The quota has been exceeded.');
    expect(await liveClaims(db)).toEqual(['c']);
    // The subscription keeps its last stored check.
    expect((await db.get('subscriptions', URL_))!.lastResult!.said).toEqual([expect.objectContaining({ counted: 'subInstalled', n: 2 })]);
  });

  it('removes the pack with the subscription', async () => {
    const { s, keys, db, env } = await setup();
    await publish(s, packJson('2026-01-01', ['a']), keys.privateKey);
    await subscribe(env, URL_, keys.publicKey);
    await unsubscribe(env, URL_, removePack);
    expect(await liveClaims(db)).toEqual([]);
    expect(await db.count('batches')).toBe(0);
  });
});
