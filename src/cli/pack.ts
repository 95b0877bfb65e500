import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { buildPack, readInput } from '../packs/import';
import { checkPublicKey, generateKeyPair, sign, verify } from '../packs/signing';
import { formatPackError, validatePack } from '../packs/validate';
import { parseArgs } from './args';
import { UsageError } from './input';
import type { Io } from './main';
import { readPackFile } from './packs';
import { plural } from '../ui/format';

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${what} ${file}`);
  }
}

async function readBytes(file: string, what: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const b = await readFile(file);
    return new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
  } catch {
    throw new UsageError(`cannot read ${what} ${file}`);
  }
}

/** `claimlight pack …`: validate, keygen, sign, verify, build. */
export async function packCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'validate': {
      if (rest.length !== 1) throw new UsageError('usage: claimlight pack validate FILE');
      const p = await readPackFile(rest[0]!);
      io.out(`ok: ${p.id} (${p.title}), data as of ${p.updated}: ${plural(p.claims.length, 'claim')}, ${plural(p.sources.length, 'source')}\n`);
      return 0;
    }
    case 'keygen': {
      const a = parseArgs(rest, ['out-dir'], []);
      const dir = a.values.get('out-dir')?.at(-1);
      if (!dir || a.positional.length) throw new UsageError('usage: claimlight pack keygen --out-dir DIR');
      const keys = await generateKeyPair();
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'public.key'), keys.publicKey + '\n');
      await writeFile(join(dir, 'private.key'), keys.privateKey + '\n', { mode: 0o600 });
      io.out(`wrote ${join(dir, 'public.key')} (give this to subscribers) and ${join(dir, 'private.key')} (keep it secret)\n`);
      return 0;
    }
    case 'sign': {
      const a = parseArgs(rest, ['key'], []);
      const key = a.values.get('key')?.at(-1);
      if (!key || a.positional.length !== 1) throw new UsageError('usage: claimlight pack sign PACK --key DIR/private.key');
      const file = a.positional[0]!;
      const bytes = await readBytes(file, 'pack');
      // Sign only what would be accepted: a pack that does not validate is refused here, not by every subscriber.
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        throw new UsageError(`invalid pack ${file}: not valid JSON`);
      }
      const valid = validatePack(json);
      if (!valid.ok) throw new UsageError(`invalid pack ${file}: ${formatPackError(valid.error)}`);
      let signature: string;
      try {
        signature = await sign(bytes, await readText(key, 'private key'));
      } catch (e) {
        throw new UsageError(`${key}: ${(e as Error).message}`);
      }
      await writeFile(`${file}.sig`, signature + '\n');
      io.out(`wrote ${file}.sig\n`);
      return 0;
    }
    case 'verify': {
      const a = parseArgs(rest, ['pubkey'], []);
      const pub = a.values.get('pubkey')?.at(-1);
      if (!pub || a.positional.length !== 1) throw new UsageError('usage: claimlight pack verify PACK --pubkey DIR/public.key');
      const file = a.positional[0]!;
      const key = (await readText(pub, 'public key')).trim();
      const k = checkPublicKey(key);
      if (!k.ok) throw new UsageError(`${pub}: ${k.error}`);
      const result = await verify(await readBytes(file, 'pack'), await readText(`${file}.sig`, 'signature'), key);
      if (!result.ok) throw new UsageError(`${file}: ${result.error}`);
      io.out(`ok: ${basename(file)} is signed by the holder of ${basename(pub)}\n`);
      return 0;
    }
    case 'build': {
      const a = parseArgs(rest, ['o', 'out', 'id', 'title'], []);
      const out = a.values.get('o')?.at(-1) ?? a.values.get('out')?.at(-1);
      if (!out || a.positional.length === 0) throw new UsageError('usage: claimlight pack build INPUT... -o OUT.json [--id ID] [--title TITLE]');
      const id = a.values.get('id')?.at(-1) ?? basename(out).replace(/\.json$/i, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
      const parts = [];
      for (const file of a.positional) {
        try {
          parts.push(readInput({ name: file, text: await readText(file, 'input') }));
        } catch (e) {
          if (e instanceof UsageError) throw e;
          throw new UsageError((e as Error).message);
        }
      }
      const pack = buildPack(parts, { id, title: a.values.get('title')?.at(-1) ?? 'Imported fact-checks' });
      const valid = validatePack(pack);
      if (!valid.ok) throw new UsageError(`the inputs do not make a valid pack: ${formatPackError(valid.error)}`);
      await writeFile(out, JSON.stringify(valid.value, null, 2) + '\n');
      io.out(`wrote ${out}: ${plural(valid.value.claims.length, 'claim')} from ${plural(valid.value.sources.length, 'source')}\n`);
      return 0;
    }
    default:
      throw new UsageError('usage: claimlight pack validate|keygen|sign|verify|build … (see claimlight --help)');
  }
}
