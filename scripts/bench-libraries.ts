// MiniSearch and FlexSearch as reference points for the matcher, on the same claims and queries: ranking quality
// on the CheckThat! dev queries, and build, size, load and query time at scale. Used by bench-match.ts.
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import { terms } from '../src/match/normalize';

export interface Doc {
  id: string;
  text: string;
  title: string;
}

/** A library behind the same small interface: build, search k ids, save, load. */
export interface Library {
  name: string;
  build(docs: Doc[]): void;
  search(query: string, k: number): string[];
  save(): string;
  load(saved: string): void;
}

/** Both libraries get the matcher's own tokeniser (folding, stop words, stemming), so that only indexing differs. */
const tokenize = (text: string) => [...terms(text)];

export let failures = 0;

export function miniSearch(): Library {
  let ms: MiniSearch<Doc>;
  const options = { fields: ['text', 'title'], idField: 'id', tokenize, processTerm: (t: string) => t, searchOptions: { combineWith: 'OR' as const } };
  return {
    name: 'MiniSearch',
    build(docs) {
      ms = new MiniSearch<Doc>(options);
      ms.addAll(docs);
    },
    search(query, k) {
      try {
        return ms.search(query).slice(0, k).map((r) => String(r.id));
      } catch {
        // MiniSearch 7 throws on some terms after loadJSON (a query containing "constructor"): counted as no result.
        failures++;
        return [];
      }
    },
    save: () => JSON.stringify(ms),
    load(saved) {
      ms = MiniSearch.loadJSON<Doc>(saved, options);
    },
  };
}

export function flexSearch(): Library {
  type Index = InstanceType<typeof FlexSearch.Index>;
  let index: Index;
  let ids: string[] = [];
  const make = () => new FlexSearch.Index({ tokenize: 'strict', encode: (s: string) => tokenize(s), resolution: 9 });
  return {
    name: 'FlexSearch',
    build(docs) {
      index = make();
      ids = docs.map((d) => d.id);
      docs.forEach((d, i) => index.add(i, `${d.text} ${d.title}`));
    },
    search(query, k) {
      // FlexSearch's default query is an AND of the terms: a claim is found only if it has all of them. The
      // "suggest" mode relaxes that into a ranking by how many terms match, the closest it has to BM25's OR.
      return (index.search(query, { limit: k, suggest: true }) as number[]).map((i) => ids[i]!);
    },
    save() {
      const parts: Record<string, string> = {};
      index.export((key: string | number, data: string) => {
        parts[String(key)] = data;
      });
      return JSON.stringify({ parts, ids });
    },
    load(saved) {
      const { parts, ids: savedIds } = JSON.parse(saved) as { parts: Record<string, string>; ids: string[] };
      index = make();
      for (const [key, data] of Object.entries(parts)) index.import(key, data);
      ids = savedIds;
    },
  };
}
