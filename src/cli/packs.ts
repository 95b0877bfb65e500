import { readFile } from 'node:fs/promises';
import { BUNDLED_PACKS } from '../packs/bundled';
import type { Pack } from '../packs/types';
import { formatPackError, parsePack, validatePack } from '../packs/validate';
import { UsageError } from './input';

/** Reads and validates a pack file; a UsageError names the file, the JSON path and the problem. */
export async function readPackFile(file: string): Promise<Pack> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read pack ${file}`);
  }
  const r = parsePack(text);
  if (!r.ok) throw new UsageError(`invalid pack ${file}: ${formatPackError(r.error)}`);
  return r.value;
}

/** The bundled packs (unless left out) and the given pack files; a pack id given twice is an error. */
export async function loadPacks(files: string[], bundled: boolean): Promise<Pack[]> {
  const packs: Pack[] = [];
  if (bundled) {
    for (const raw of BUNDLED_PACKS) {
      const r = validatePack(raw);
      if (!r.ok) throw new Error(`bundled pack invalid: ${formatPackError(r.error)}`);
      packs.push(r.value);
    }
  }
  for (const f of files) {
    const p = await readPackFile(f);
    const i = packs.findIndex((q) => q.id === p.id);
    // A file with a bundled pack's id replaces it, as a newer version would.
    if (i >= 0 && i < (bundled ? BUNDLED_PACKS.length : 0)) packs.splice(i, 1);
    else if (i >= 0) throw new UsageError(`two packs given with the id ${JSON.stringify(p.id)} (${f})`);
    packs.push(p);
  }
  return packs;
}
