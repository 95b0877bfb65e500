// What writing claims to IndexedDB costs in the extension's service worker, in Chromium: N claims shaped like a
// subscribed pack's (a text, an alternate, one source of coverage), written as the claim store holds them now (one
// record each, keyed [packId, gen, id], with the byPackGen index), without that index, in transactions of 10,000
// instead of 2,000, and as records of 100 claims each. Each into a database of its own in the extension's origin,
// deleted afterwards. For the question of how claims are stored: installing a 100,000-claim pack spent about 22 s of
// its 27 writing them (design notes, "Installing a large pack").
// Run: npm run build && npm run bench:idb [-- N]   (N: 20000 unless given)
import { launch } from '../test/e2e/harness.mjs';

const N = Number(process.argv[2] ?? 20_000);
if (!Number.isInteger(N) || N < 100) throw new Error(`claims: a whole number of at least 100, not ${process.argv[2]}`);

const browser = await launch();
try {
  const rows = await browser.worker.evaluate(async (n) => {
    const open = (name, withIndex) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open(name, 1);
        req.onupgradeneeded = () => {
          const store = req.result.createObjectStore('claims', { keyPath: ['packId', 'gen', 'id'] });
          if (withIndex) store.createIndex('byPackGen', ['packId', 'gen']);
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const claim = (i) => ({
      packId: 'synthetic',
      gen: 1,
      id: `c${i}`,
      text: `Claim number ${i} says something about the world and the people in it`,
      alternates: ['Another way of saying it'],
      coverage: [{ source: 's1', stance: 'supports', headline: 'A headline of some length about the claim', url: `https://example.org/${i}`, date: '2026-01-01' }],
    });
    const write = async (name, { withIndex = true, chunk = 2000, perRecord = 1 }) => {
      const db = await open(name, withIndex);
      const start = performance.now();
      for (let i = 0; i < n; i += chunk) {
        await new Promise((resolve, reject) => {
          const tx = db.transaction('claims', 'readwrite');
          const store = tx.objectStore('claims');
          for (let j = i; j < Math.min(n, i + chunk); j += perRecord) {
            if (perRecord === 1) store.put(claim(j));
            else store.put({ packId: 'synthetic', gen: 1, id: `b${j / perRecord}`, claims: Array.from({ length: Math.min(perRecord, n - j) }, (_, k) => claim(j + k)) });
          }
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      }
      const ms = performance.now() - start;
      db.close();
      await new Promise((resolve) => {
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = req.onerror = resolve;
      });
      return ms;
    };
    const tag = Date.now();
    return [
      ['one record a claim, with the byPackGen index (as now)', await write(`bench-a-${tag}`, {})],
      ['one record a claim, no index', await write(`bench-b-${tag}`, { withIndex: false })],
      ['one record a claim, transactions of 10,000', await write(`bench-c-${tag}`, { chunk: 10_000 })],
      ['records of 100 claims', await write(`bench-d-${tag}`, { perRecord: 100 })],
    ];
  }, N);
  console.log(`writing ${N.toLocaleString('en')} claims to IndexedDB in the service worker`);
  for (const [what, ms] of rows) console.log(`  ${what.padEnd(56)} ${ms.toFixed(0).padStart(6)} ms  (${((ms * 1000) / N).toFixed(0)} µs a claim)`);
} finally {
  await browser.close();
}
