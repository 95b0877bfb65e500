import type { ClaimDb, Subscription } from '../store/db';
import { installPack } from '../store/db';
import type { Pack } from './types';
import { formatPackError, validatePack } from './validate';
import { checkPublicKey, verify } from './signing';
import { say, sayCounted, type Said } from '../ui/i18n';

/**
 * Pack subscriptions: a pack at an https address, signed by its publisher. A new version is accepted only if its
 * Ed25519 signature (at the same address plus ".sig") verifies against the key pinned when subscribing, it
 * validates as a pack, and its "data as of" date is newer than the installed one's. It is then installed as a new
 * generation and switched live at once (store/db.ts); on any failure the live data stays as it was, and the
 * subscription keeps what went wrong, said as messages that the options page puts in the reader's language.
 */

export interface UpdateEnv {
  db: ClaimDb;
  fetch: typeof fetch;
  now(): number;
  /** Told of each pack version installed, with its generation, while its claims are still in memory. */
  installed?(pack: Pack, gen: number): void;
}

export type UpdateOutcome =
  | { ok: true; status: 'installed' | 'not-modified' | 'unchanged'; said: Said[]; packId?: string }
  | { ok: false; said: Said[] };

/** A failure that says what went wrong in the reader's words. */
class Failure extends Error {
  constructor(readonly said: Said) {
    super('key' in said ? said.key : said.counted);
  }
}

const TIMEOUT_MS = 30_000;
const MAX_BYTES = 200 * 1024 * 1024;

/** Checks a subscription address as a reader types it; the reason if it will not do. */
export function checkPackUrl(text: string): { ok: true; url: string } | { ok: false; said: Said[] } {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return { ok: false, said: [say('subNotAddress')] };
  }
  const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) return { ok: false, said: [say('subNeedsHttps')] };
  if (u.username || u.password) return { ok: false, said: [say('subNoCredentials')] };
  return { ok: true, url: u.href };
}

async function get(env: UpdateEnv, url: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await env.fetch(url, { headers, cache: 'no-store', credentials: 'omit', redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    throw new Failure((e as Error).name === 'TimeoutError' ? say('subTimeout', url, TIMEOUT_MS / 1000) : say('subUnreachable', url));
  }
}

/**
 * Stores a check's outcome with its subscription, and returns it. A failure to store it (a full disk) changes nothing
 * of what the check did: the outcome is returned all the same, saying that it was not saved (the subscription keeps
 * its last stored check, and the next check asks the publisher for the whole pack again).
 */
async function record(env: UpdateEnv, sub: Subscription, outcome: UpdateOutcome, extra: Partial<Subscription> = {}): Promise<UpdateOutcome> {
  const at = env.now();
  try {
    await env.db.put('subscriptions', { ...sub, ...extra, lastChecked: at, lastResult: { ok: outcome.ok, said: outcome.said, at } });
  } catch (e) {
    return { ...outcome, said: [...outcome.said, say('subNotRecorded', String(e instanceof Error ? e.message : e).replace(/\.$/, ''))] };
  }
  return outcome;
}

/** Downloads, checks and (when newer) installs the pack of one subscription. */
export async function checkSubscription(env: UpdateEnv, url: string): Promise<UpdateOutcome> {
  const sub = await env.db.get('subscriptions', url);
  if (!sub) return { ok: false, said: [say('subNoSuch')] };
  const fail = async (why: Said) => {
    const live = sub.packId ? await env.db.get('packs', sub.packId) : undefined;
    return record(env, sub, { ok: false, said: live ? [why, say('subKept', { date: live.updated.slice(0, 10) })] : [why] });
  };
  try {
    const headers: Record<string, string> = {};
    if (sub.etag) headers['If-None-Match'] = sub.etag;
    if (sub.lastModified) headers['If-Modified-Since'] = sub.lastModified;
    const res = await get(env, url, headers);
    if (res.status === 304) return record(env, sub, { ok: true, status: 'not-modified', said: [say('subNotModified')] });
    if (!res.ok) return fail(say('subServerAnswered', `${res.status} ${res.statusText}`.trim()));
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.byteLength > MAX_BYTES) return fail(say('subTooLarge', MAX_BYTES / 1024 / 1024));
    const declared = Number(res.headers.get('content-length'));
    if (declared && declared !== body.byteLength && !res.headers.get('content-encoding')) {
      return fail(say('subCutShort', body.byteLength, declared));
    }
    const sigRes = await get(env, `${url}.sig`, {});
    if (!sigRes.ok) return fail(say('subNoSignature', `${url}.sig`, sigRes.status));
    const verified = await verify(body, await sigRes.text(), sub.publicKey);
    if (!verified.ok) return fail(say('subBadSignature', verified.error));
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      return fail(say('subNotJson'));
    }
    const parsed = validatePack(json);
    if (!parsed.ok) return fail(say('subInvalidPack', formatPackError(parsed.error)));
    const pack = parsed.value;
    if (sub.packId && pack.id !== sub.packId) return fail(say('subOtherPack', sub.packId, pack.id));
    const installed = await env.db.get('packs', pack.id);
    if (installed && installed.origin.type === 'subscription' && installed.origin.url !== url) {
      return fail(say('subIdTaken', pack.id));
    }
    const cache = { etag: res.headers.get('etag') ?? undefined, lastModified: res.headers.get('last-modified') ?? undefined, packId: pack.id };
    if (installed && installed.origin.type === 'subscription') {
      const have = Date.parse(installed.updated);
      const got = Date.parse(pack.updated);
      if (got === have) return record(env, sub, { ok: true, status: 'unchanged', said: [say('subUnchanged')], packId: pack.id }, cache);
      if (got < have) return fail(say('subOlder', { date: pack.updated.slice(0, 10) }, { date: installed.updated.slice(0, 10) }));
    }
    try {
      const gen = await installPack(env.db, pack, { type: 'subscription', url }, env.now());
      env.installed?.(pack, gen);
    } catch (e) {
      return fail((e as Error).name === 'QuotaExceededError' ? say('subNoSpace') : say('subStoreFailed', (e as Error).message));
    }
    return record(env, sub, { ok: true, status: 'installed', said: [sayCounted('subInstalled', pack.claims.length, { date: pack.updated.slice(0, 10) })], packId: pack.id }, cache);
  } catch (e) {
    return fail(e instanceof Failure ? e.said : say('subFailed', (e as Error).message));
  }
}

/** Adds a subscription with its pinned key and installs its pack; nothing is kept if the key or address is bad. */
export async function subscribe(env: UpdateEnv, urlText: string, publicKey: string): Promise<UpdateOutcome> {
  const u = checkPackUrl(urlText);
  if (!u.ok) return u;
  const key = checkPublicKey(publicKey);
  if (!key.ok) return { ok: false, said: [say('subBadKey', key.error)] };
  if (await env.db.get('subscriptions', u.url)) return { ok: false, said: [say('subAlready')] };
  await env.db.put('subscriptions', { url: u.url, publicKey: publicKey.trim(), addedAt: env.now() });
  return checkSubscription(env, u.url);
}

/** Ends a subscription and removes the pack it installed. */
export async function unsubscribe(env: UpdateEnv, url: string, removePack: (db: ClaimDb, id: string) => Promise<void>): Promise<void> {
  const sub = await env.db.get('subscriptions', url);
  if (!sub) return;
  await env.db.delete('subscriptions', url);
  const pack = sub.packId ? await env.db.get('packs', sub.packId) : undefined;
  if (pack && pack.origin.type === 'subscription' && pack.origin.url === url) await removePack(env.db, pack.id);
}
