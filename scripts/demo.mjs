// The main job, for a newcomer: build the extension and open it in Chromium on a demo article from the seed story.
// On a machine without a screen, runs the CLI on the same article instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:http';
import { seedPage } from './seed-pages.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SLUG = process.argv[2] ?? 'lab-discussed';
const html = seedPage(SLUG);
if (!html) {
  console.error(`demo: no seed page "${SLUG}"`);
  process.exit(2);
}
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasScreen = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && existsSync(chromium);

if (!hasScreen) {
  console.log(`No screen here: running the CLI on the demo article "${SLUG}" instead.\n`);
  const file = join(mkdtempSync(join(tmpdir(), 'claimlight-demo-')), `${SLUG}.html`);
  writeFileSync(file, html);
  run(process.execPath, [join(ROOT, 'bin', 'claimlight.mjs'), 'check', file]);
  process.exit(0);
}

run('npm', ['run', 'build']);
const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
server.listen(0, '127.0.0.1', () => {
  const url = `http://localhost:${server.address().port}/${SLUG}`;
  const ext = join(ROOT, '.output', 'chrome-mv3');
  const profile = mkdtempSync(join(tmpdir(), 'claimlight-demo-profile-'));
  console.log(`Opening ${url} in Chromium with Claimlight loaded. Hover a highlighted sentence; click the toolbar button.`);
  const child = spawn(chromium, [`--user-data-dir=${profile}`, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', url], { stdio: 'ignore' });
  child.on('exit', () => server.close());
});
