import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLED_PACKS } from '../../src/packs/bundled';
import type { Pack } from '../../src/packs/types';
import { validatePack } from '../../src/packs/validate';

export const ROOT = resolve(__dirname, '..', '..');
export const SHARED = resolve(process.env.CLAIMLIGHT_SHARED ?? join(ROOT, '..', 'shared'));

export function bundledPacks(): Pack[] {
  return BUNDLED_PACKS.map((raw) => {
    const r = validatePack(raw);
    if (!r.ok) throw new Error(`${r.error.path}: ${r.error.message}`);
    return r.value;
  });
}

export function readShared(...parts: string[]): string {
  return readFileSync(join(SHARED, ...parts), 'utf8');
}

/** A deep copy of the bundled seed-story pack, to modify in a test. */
export function seedPackJson(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(BUNDLED_PACKS[0])) as Record<string, unknown>;
}
