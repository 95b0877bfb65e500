// Pack subscriptions end to end: a publisher on 127.0.0.1 signs packs with the CLI; the reader subscribes on the
// options page; new claims highlight in pages; every kind of bad update leaves the live data as it was and says why.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { highlights, launch, screenshot, startServer, waitForHighlights } from './harness.mjs';
import { localNewsPack, startPackServer } from './pack-server.mjs';

let server;
let browser;
let publisher;
let options;

before(async () => {
  server = await startServer();
  publisher = await startPackServer();
  browser = await launch();
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.waitForSelector('table.packs');
});
after(async () => {
  await browser?.close();
  await server?.close();
  await publisher?.close();
});

const row = () => options.locator('tr[data-pack="local-news"]');
async function liveState() {
  await options.reload();
  await options.waitForSelector('table.packs tbody tr');
  const cells = row().locator('td');
  return { claims: await cells.nth(1).innerText(), asOf: await cells.nth(2).innerText() };
}
async function updateNow() {
  await row().getByRole('button', { name: 'Update now' }).click();
  await options.waitForFunction(() => !document.querySelector('tr[data-pack="local-news"] button[disabled]'));
  await options.waitForTimeout(100);
  return (await row().locator('.outcome').innerText()).replace(/^[✓✗]\s*/, '');
}

describe('subscribing to a signed pack', () => {
  it('subscribes from the options page and highlights the new claims in pages', async () => {
    publisher.publish(localNewsPack('2026-10-05T00:00:00Z'));
    await options.fill('#sub-url', publisher.url);
    await options.fill('#sub-key', publisher.publicKey);
    await options.getByRole('button', { name: 'Subscribe' }).click();
    await options.waitForSelector('.outcome.ok');
    assert.match(await options.locator('section[aria-labelledby="sub-h"] .outcome').innerText(), /Installed: 1 claim, data as of Oct 5, 2026\./);
    await options.waitForSelector('tr[data-pack="local-news"]');
    assert.deepEqual(await liveState(), { claims: '1', asOf: 'Oct 5, 2026' });
    await screenshot(options, 'options-subscribed');

    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/fixture/city-news.html`);
    await waitForHighlights(page);
    assert.ok((await highlights(page))['claimlight-asserts'].some((t) => t.includes('voted to ban plastic bags')));
    await page.close();
  });

  it('installs a newer version on "Update now", and answers 304 when nothing changed', async () => {
    publisher.publish(
      localNewsPack('2026-11-01T00:00:00Z', [
        { id: 'rule-starts-march', text: 'The plastic bag rule takes effect in March.', coverage: [{ source: 'minutes', stance: 'supports' }] },
      ]),
    );
    assert.match(await updateNow(), /Installed: 2 claims, data as of Nov 1, 2026/);
    assert.deepEqual(await liveState(), { claims: '2', asOf: 'Nov 1, 2026' });
    assert.match(await updateNow(), /Up to date: the publisher has nothing new/);
    assert.ok(publisher.log.some((r) => r.path === '/packs/local-news.json' && r.inm), 'a conditional request was made');
  });

  const bad = [
    ['a tampered pack', () => publisher.publish(localNewsPack('2026-12-01T00:00:00Z'), { tamper: ['grocery stores', 'all stores'] }), /signature does not match/],
    ['a pack signed with the wrong key', () => publisher.publish(localNewsPack('2026-12-01T00:00:00Z'), { key: 'other-keys' }), /signature does not match/],
    ['a truncated download', () => publisher.publish(localNewsPack('2026-12-01T00:00:00Z'), { truncate: true }), /download|cut short|signature|could not/i],
    ['a malformed pack, correctly signed', () => publisher.publishUnchecked('{"format":"claimlight-pack","version":1,"id":"local-news","title":"x","updated":"2026-12-01","claims":[{"id":"a"}]}'), /not a valid pack \(\$\.claims\[0\]\.text/],
    ['an older version', () => publisher.publish(localNewsPack('2026-09-01T00:00:00Z')), /older/],
  ];
  for (const [name, breakIt, message] of bad) {
    it(`keeps the live data and says why for ${name}`, async () => {
      breakIt();
      assert.match(await updateNow(), message);
      assert.deepEqual(await liveState(), { claims: '2', asOf: 'Nov 1, 2026' });
      if (name === 'a tampered pack') await screenshot(options, 'options-rejected-update');
    });
  }

  it('refuses a subscription with a bad key, keeping nothing', async () => {
    await options.fill('#sub-url', `${publisher.origin}/packs/other.json`);
    await options.fill('#sub-key', 'not-a-key');
    await options.getByRole('button', { name: 'Subscribe' }).click();
    await options.waitForSelector('section[aria-labelledby="sub-h"] .outcome.bad');
    assert.match(await options.locator('section[aria-labelledby="sub-h"] .outcome').innerText(), /public key will not do/);
    assert.equal(await options.locator('tr[data-subscription]').count(), 0);
  });

  it('stays off on a site the reader lists, and honours "only contested"', async () => {
    await options.fill('#site', 'localhost');
    await options.getByRole('button', { name: 'Add' }).click();
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/fixture/city-news.html`);
    await page.waitForTimeout(1500);
    assert.deepEqual(Object.values(await highlights(page)).flat(), []);
    await options.getByRole('button', { name: 'Turn Claimlight back on for localhost' }).click();
    // Back on without a reload; then only contested claims (coverage both ways) are painted.
    await waitForHighlights(page);
    await options.getByLabel(/Only contested claims/).check();
    await page.waitForFunction(() => [...CSS.highlights].filter(([k]) => k.startsWith('claimlight-asserts')).every(([, h]) => h.size === 0));
    await options.getByLabel(/All known claims/).check();
    await waitForHighlights(page);
    await page.close();
  });
});
