import type { ClaimDb, Subscription } from '../store/db';
import { installPack } from '../store/db';
import { formatPackError, validatePack } from './validate';
import { checkPublicKey, verify } from './signing';

/**
 * Pack subscriptions: a pack at an https address, signed by its publisher. A new version is accepted only if its
 * Ed25519 signature (at the same address plus ".sig") verifies against the key pinned when subscribing, it
 * validates as a pack, and its "data as of" date is newer than the installed one's. It is then installed as a new
 * generation and switched live at once (store/db.ts); on any failure the live data stays as it was, and the
 * subscription keeps a message that says what went wrong.
 */

export interface UpdateEnv {
  db: ClaimDb;
  fetch: typeof fetch;
  now(): number;
}

export type UpdateOutcome =
  | { ok: true; status: 'installed' | 'not-modified' | 'unchanged'; message: string; packId?: string }
  | { ok: false; message: string };

const TIMEOUT_MS = 30_000;
const MAX_BYTES = 200 * 1024 * 1024;

/** Checks a subscription address as a reader types it; the reason if it will not do. */
export function checkPackUrl(text: string): { ok: true; url: string } | { ok: false; message: string } {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return { ok: false, message: 'That is not a web address.' };
  }
  const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) return { ok: false, message: 'Pack addresses must start with https://.' };
  if (u.username || u.password) return { ok: false, message: 'Pack addresses cannot carry a user name or password.' };
  return { ok: true, url: u.href };
}

async function get(env: UpdateEnv, url: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await env.fetch(url, { headers, cache: 'no-store', credentials: 'omit', redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    const why = (e as Error).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : 'the server could not be reached';
    throw new Error(`Could not download ${url}: ${why}.`);
  }
}

async function record(env: UpdateEnv, sub: Subscription, outcome: UpdateOutcome, extra: Partial<Subscription> = {}): Promise<UpdateOutcome> {
  const at = env.now();
  await env.db.put('subscriptions', { ...sub, ...extra, lastChecked: at, lastResult: { ok: outcome.ok, message: outcome.message, at } });
  return outcome;
}

/** Downloads, checks and (when newer) installs the pack of one subscription. */
export async function checkSubscription(env: UpdateEnv, url: string): Promise<UpdateOutcome> {
  const sub = await env.db.get('subscriptions', url);
  if (!sub) return { ok: false, message: 'No such subscription.' };
  const fail = async (message: string) => {
    const live = sub.packId ? await env.db.get('packs', sub.packId) : undefined;
    const kept = live ? ` The installed version (data as of ${live.updated.slice(0, 10)}) stays in use.` : '';
    return record(env, sub, { ok: false, message: message + kept });
  };
  try {
    const headers: Record<string, string> = {};
    if (sub.etag) headers['If-None-Match'] = sub.etag;
    if (sub.lastModified) headers['If-Modified-Since'] = sub.lastModified;
    const res = await get(env, url, headers);
    if (res.status === 304) return record(env, sub, { ok: true, status: 'not-modified', message: 'Up to date: the publisher has nothing new.' });
    if (!res.ok) return fail(`The server answered ${res.status} ${res.statusText}`.trim() + '.');
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.byteLength > MAX_BYTES) return fail(`The pack is larger than ${MAX_BYTES / 1024 / 1024} MB.`);
    const declared = Number(res.headers.get('content-length'));
    if (declared && declared !== body.byteLength && !res.headers.get('content-encoding')) {
      return fail(`The download was cut short (${body.byteLength} of ${declared} bytes).`);
    }
    const sigRes = await get(env, `${url}.sig`, {});
    if (!sigRes.ok) return fail(`No signature found at ${url}.sig (the server answered ${sigRes.status}).`);
    const verified = await verify(body, await sigRes.text(), sub.publicKey);
    if (!verified.ok) return fail(`Rejected: ${verified.error}.`);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      return fail('Rejected: the signed file is not valid JSON.');
    }
    const parsed = validatePack(json);
    if (!parsed.ok) return fail(`Rejected: not a valid pack (${formatPackError(parsed.error)}).`);
    const pack = parsed.value;
    if (sub.packId && pack.id !== sub.packId) return fail(`Rejected: this address used to serve the pack "${sub.packId}", now it serves "${pack.id}".`);
    const installed = await env.db.get('packs', pack.id);
    if (installed && installed.origin.type === 'subscription' && installed.origin.url !== url) {
      return fail(`Rejected: a pack with the id "${pack.id}" comes from another subscription.`);
    }
    const cache = { etag: res.headers.get('etag') ?? undefined, lastModified: res.headers.get('last-modified') ?? undefined, packId: pack.id };
    if (installed && installed.origin.type === 'subscription') {
      const have = Date.parse(installed.updated);
      const got = Date.parse(pack.updated);
      if (got === have) return record(env, sub, { ok: true, status: 'unchanged', message: 'Up to date.', packId: pack.id }, cache);
      if (got < have) return fail(`Rejected: the pack offered is older (data as of ${pack.updated.slice(0, 10)}) than the one installed (${installed.updated.slice(0, 10)}).`);
    }
    try {
      await installPack(env.db, pack, { type: 'subscription', url }, env.now());
    } catch (e) {
      const quota = (e as Error).name === 'QuotaExceededError';
      return fail(quota ? 'Not enough storage to install the new version; the previous one stays.' : `Could not store the new version: ${(e as Error).message}.`);
    }
    return record(env, sub, { ok: true, status: 'installed', message: `Installed: ${pack.claims.length} claims, data as of ${pack.updated.slice(0, 10)}.`, packId: pack.id }, cache);
  } catch (e) {
    return fail((e as Error).message);
  }
}

/** Adds a subscription with its pinned key and installs its pack; nothing is kept if the key or address is bad. */
export async function subscribe(env: UpdateEnv, urlText: string, publicKey: string): Promise<UpdateOutcome> {
  const u = checkPackUrl(urlText);
  if (!u.ok) return u;
  const key = checkPublicKey(publicKey);
  if (!key.ok) return { ok: false, message: `That public key will not do: ${key.error}.` };
  if (await env.db.get('subscriptions', u.url)) return { ok: false, message: 'You are already subscribed to this address.' };
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
