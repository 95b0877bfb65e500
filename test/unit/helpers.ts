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

/**
 * The database with one of its methods replaced (`replace` gets the original, bound), as storage that fails in one
 * place: a full disk for one store's writes, a read that goes away.
 */
export function dbWith<T extends object, K extends keyof T>(db: T, method: K, replace: (original: T[K]) => T[K]): T {
  return new Proxy(db, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      const bound = typeof v === 'function' ? v.bind(target) : v;
      return prop === method ? replace(bound) : bound;
    },
  });
}
