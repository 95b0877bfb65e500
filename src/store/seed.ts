import { formatPackError, validatePack } from '../packs/validate';
import type { Pack } from '../packs/types';
import { digestOf, installPack, listPacks, type ClaimDb } from './db';

export interface SeedReport {
  installed: string[];
  unchanged: string[];
  /** Bundled packs that failed validation: a build mistake, reported rather than crashing the extension. */
  invalid: string[];
}

/** Validates the bundled packs, dropping (and reporting) any that fail. */
export function validBundledPacks(raw: readonly unknown[], log: (msg: string) => void = console.warn): Pack[] {
  const packs: Pack[] = [];
  raw.forEach((json, i) => {
    const r = validatePack(json);
    if (r.ok) packs.push(r.value);
    else log(`bundled pack #${i} is invalid: ${formatPackError(r.error)}`);
  });
  return packs;
}

/**
 * Installs each bundled pack that is missing or differs from what is stored, on install, on update and whenever
 * the store was wiped. A pack the reader subscribed to under the same id is left alone.
 */
export async function seedBundled(db: ClaimDb, packs: Pack[]): Promise<SeedReport> {
  const stored = new Map((await listPacks(db)).map((p) => [p.id, p]));
  const report: SeedReport = { installed: [], unchanged: [], invalid: [] };
  for (const pack of packs) {
    const have = stored.get(pack.id);
    if (have && (have.origin.type !== 'bundled' || have.digest === digestOf(pack))) {
      report.unchanged.push(pack.id);
      continue;
    }
    await installPack(db, pack, { type: 'bundled' });
    report.installed.push(pack.id);
  }
  return report;
}
