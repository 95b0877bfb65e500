import { err, ok, type Result } from '../util/result';

/**
 * Ed25519 signatures over a pack's exact bytes, with WebCrypto (browsers, and Node 20+). Keys travel as base64:
 * the public key as its 32 raw bytes, the private key as PKCS #8, the signature as its 64 bytes.
 */

const ALG = { name: 'Ed25519' } as const;
const subtle = () => globalThis.crypto.subtle;

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Strict base64 (whitespace allowed around it); undefined for anything else. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(t) || t.length % 4 !== 0) return undefined;
  try {
    return Uint8Array.from(atob(t), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

export async function generateKeyPair(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = (await subtle().generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey));
  return { publicKey: toBase64(raw), privateKey: toBase64(pkcs8) };
}

/** Checks that a text is an Ed25519 public key as Claimlight writes them; the reason if not. */
export function checkPublicKey(text: string): Result<Uint8Array<ArrayBuffer>, string> {
  const bytes = fromBase64(text);
  if (!bytes) return err('the public key is not base64');
  if (bytes.length !== 32) return err(`an Ed25519 public key is 32 bytes, this one is ${bytes.length}`);
  return ok(bytes);
}

export async function sign(data: Uint8Array<ArrayBuffer>, privateKey: string): Promise<string> {
  const bytes = fromBase64(privateKey);
  if (!bytes) throw new Error('the private key is not base64');
  let key: CryptoKey;
  try {
    key = await subtle().importKey('pkcs8', bytes, ALG, false, ['sign']);
  } catch {
    throw new Error('the private key is not an Ed25519 key in PKCS #8');
  }
  return toBase64(new Uint8Array(await subtle().sign(ALG, key, data)));
}

/** Whether `signature` is the publisher's signature of exactly these bytes; the reason when it is not. */
export async function verify(data: Uint8Array<ArrayBuffer>, signature: string, publicKey: string): Promise<Result<true, string>> {
  const pub = checkPublicKey(publicKey);
  if (!pub.ok) return pub;
  const sig = fromBase64(signature);
  if (!sig || sig.length !== 64) return err('the signature file is not an Ed25519 signature (64 bytes, base64)');
  let key: CryptoKey;
  try {
    key = await subtle().importKey('raw', pub.value, ALG, false, ['verify']);
  } catch {
    return err('the public key is not a valid Ed25519 key');
  }
  const good = await subtle().verify(ALG, key, sig, data);
  return good ? ok(true) : err('the signature does not match the pack: it was changed after signing, or signed with another key');
}
