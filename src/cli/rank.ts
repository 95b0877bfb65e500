import { readFile } from 'node:fs/promises';
import { ClaimBase, splitKey } from '../claims/claim-base';
import type { Pack } from '../packs/types';
import { UsageError } from './input';

export interface RankedLine {
  id: string;
  ranked: Array<{ claimId: string; score: number; match: boolean }>;
}

/** Reads `{"id", "text"}` lines; a bad line is reported with its number. */
export async function readQueries(file: string): Promise<Array<{ id: string; text: string }>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read queries ${file}`);
  }
  const out: Array<{ id: string; text: string }> = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let q: unknown;
    try {
      q = JSON.parse(line);
    } catch {
      throw new UsageError(`${file}:${i + 1}: not valid JSON`);
    }
    const { id, text: t } = (q ?? {}) as { id?: unknown; text?: unknown };
    if ((typeof id !== 'string' && typeof id !== 'number') || typeof t !== 'string') throw new UsageError(`${file}:${i + 1}: expected {"id", "text"}`);
    out.push({ id: String(id), text: t });
  });
  return out;
}

/** The k best claims for each query, best first, with whether each passes the highlight threshold. */
export function rankQueries(packs: Pack[], queries: Array<{ id: string; text: string }>, k: number): RankedLine[] {
  const base = new ClaimBase(packs);
  return queries.map((q) => ({
    id: q.id,
    ranked: base.matcher.rank({ text: q.text }, k).map((r) => ({
      claimId: splitKey(r.key).claimId,
      score: Math.round(r.score * 10_000) / 10_000,
      match: r.match,
    })),
  }));
}
