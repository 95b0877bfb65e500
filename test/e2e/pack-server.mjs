// A pack publisher on 127.0.0.1 for the subscription tests: it serves a pack and its signature with ETag and
// Last-Modified, answers conditional requests with 304, and allows cross-origin reads (as a static host must for
// Claimlight to fetch from it without extra permissions). Packs are signed with the real CLI.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { ROOT } from './harness.mjs';

const CLI = join(ROOT, 'bin', 'claimlight.mjs');
const cli = (...args) => execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

export async function startPackServer() {
  const dir = mkdtempSync(join(tmpdir(), 'claimlight-publisher-'));
  cli('pack', 'keygen', '--out-dir', join(dir, 'keys'));
  cli('pack', 'keygen', '--out-dir', join(dir, 'other-keys'));
  const files = new Map(); // path -> { body: Buffer, lastModified, truncateTo? }
  const log = [];
  const server = createServer((req, res) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'If-None-Match, If-Modified-Since',
      'access-control-expose-headers': 'ETag, Last-Modified, Content-Length',
    };
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    log.push({ path: req.url, inm: req.headers['if-none-match'] });
    const f = files.get(req.url);
    if (!f) return res.writeHead(404, cors).end('not found');
    const etag = `"${createHash('sha256').update(f.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, { ...cors, etag }).end();
    const body = f.truncateTo ? f.body.subarray(0, f.truncateTo) : f.body;
    res.writeHead(200, { ...cors, 'content-type': 'application/json', etag, 'last-modified': f.lastModified, 'content-length': String(f.body.length) });
    // A truncated download: the server promises the whole length and stops short.
    if (f.truncateTo) {
      res.write(body);
      res.destroy();
      return;
    }
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;

  return {
    origin,
    url: `${origin}/packs/local-news.json`,
    publicKey: readFileSync(join(dir, 'keys', 'public.key'), 'utf8').trim(),
    log,
    /** Publishes a pack (object) signed with the publisher's key, or another key; `tamper` changes it after signing. */
    publish(pack, { key = 'keys', tamper, truncate, raw } = {}) {
      const file = join(dir, 'local-news.json');
      writeFileSync(file, raw ?? JSON.stringify(pack, null, 1));
      cli('pack', 'sign', file, '--key', join(dir, key, 'private.key'));
      let body = readFileSync(file);
      if (tamper) body = Buffer.from(body.toString('utf8').replace(tamper[0], tamper[1]));
      const lastModified = new Date().toUTCString();
      files.set('/packs/local-news.json', { body, lastModified, truncateTo: truncate ? Math.floor(body.length / 2) : undefined });
      files.set('/packs/local-news.json.sig', { body: readFileSync(`${file}.sig`), lastModified });
    },
    /** Signs a file that is not a valid pack, as a careless publisher might (bypassing the CLI's check). */
    publishUnchecked(text) {
      const file = join(dir, 'local-news.json');
      writeFileSync(file, text);
      const sig = execFileSync(process.execPath, ['--input-type=module', '-e', `
        const { readFileSync } = await import('node:fs');
        const key = readFileSync(${JSON.stringify(join(dir, 'keys', 'private.key'))}, 'utf8').trim();
        const der = Uint8Array.from(atob(key), (c) => c.charCodeAt(0));
        const k = await crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign']);
        const s = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, k, readFileSync(${JSON.stringify(file)})));
        process.stdout.write(btoa(String.fromCharCode(...s)));`], { encoding: 'utf8' });
      const lastModified = new Date().toUTCString();
      files.set('/packs/local-news.json', { body: readFileSync(file), lastModified });
      files.set('/packs/local-news.json.sig', { body: Buffer.from(sig), lastModified });
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

/** A small pack about the fixture page city-news.html; `extra` claims make a newer version distinguishable. */
export function localNewsPack(updated, extra = []) {
  return {
    format: 'claimlight-pack',
    version: 1,
    id: 'local-news',
    title: 'Riverside local news',
    updated,
    sources: [
      { id: 'minutes', outlet: 'Riverside city council', title: 'Minutes of the council session', published: '2026-10-02', kind: 'primary' },
      { id: 'grocers', outlet: 'Riverside Grocers Association', title: 'Statement on the bag rule', published: '2026-10-03', kind: 'statement' },
    ],
    claims: [
      {
        id: 'council-bans-plastic-bags',
        text: 'The city council voted to ban plastic bags at all grocery stores.',
        coverage: [
          { source: 'minutes', stance: 'supports', note: 'The vote as recorded.' },
          { source: 'grocers', stance: 'mixed', note: 'Says small shops were given an exemption.' },
        ],
      },
      ...extra,
    ],
  };
}
