// What makes Claimlight explain itself: explained cards, "wrong match" remembered and honoured, the story
// timeline in the popup, keyboard navigation between claims, corrections on the options page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accessibleText, clickAccessible, focusedRole, highlights, launch, rectOfHighlight, screenshot, startServer, tabIdOf, waitForHighlights } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const texts = async (page) => Object.entries(await highlights(page)).filter(([k]) => !k.startsWith('claimlight-flash')).flatMap(([, v]) => v);

describe('a reader’s extension', () => {
  it('explains a match on the card, in words and with the words in common', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/seed/lab-discussed`);
    await waitForHighlights(page);
    const at = await rectOfHighlight(page, 'release was delayed');
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(400);
    const text = (await accessibleText(page)).join('\n');
    assert.match(text, /(Strong|Likely|Possible) match/);
    assert.match(text, /Words in common:[\s\S]*Behemoth/);
    await screenshot(page, 'card-explained');
    await page.close();
  });

  it('hides a wrong match from the card, and does not show the pair again after a reload', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/seed/lab-discussed`);
    await waitForHighlights(page);
    const fragment = 'Top members of Meta’s new Superintelligence Lab';
    const at = await rectOfHighlight(page, fragment);
    assert.ok(at, 'the sentence is highlighted');
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(400);
    await clickAccessible(page, 'button', 'Wrong match? Hide it');
    await page.waitForTimeout(300);
    assert.ok(!(await texts(page)).some((t) => t.includes(fragment)), 'the highlight is gone');
    await page.reload();
    await waitForHighlights(page);
    assert.ok(!(await texts(page)).some((t) => t.includes(fragment)), 'and stays gone');
    assert.ok((await texts(page)).some((t) => t.includes('release was delayed')), 'other claims are still there');
    await page.close();
  });

  it('moves between claims from the keyboard command, with the card focused', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/seed/moving-to-closed`);
    await waitForHighlights(page);
    const tabId = await tabIdOf(browser.worker, page);
    await page.bringToFront();
    const step = (direction) => browser.worker.evaluate(([id, d]) => chrome.tabs.sendMessage(id, { type: 'bg/step', direction: d }), [tabId, direction]);
    assert.deepEqual(await step(1), { ok: true });
    await page.waitForTimeout(300);
    assert.equal(await focusedRole(page), 'dialog');
    const first = (await accessibleText(page)).join('\n');
    await step(1);
    await page.waitForTimeout(300);
    const second = (await accessibleText(page)).join('\n');
    assert.notEqual(first, second, 'the second claim’s card');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    assert.doesNotMatch((await accessibleText(page)).join('\n'), /\[dialog\] Claimlight/);
    await page.close();
  });

  it('shows how the story moved over time in the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/seed/lab-discussed`);
    await waitForHighlights(page);
    const tabId = await tabIdOf(browser.worker, page);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    const item = popup.locator('.claim-item', { hasText: 'Meta has stopped releasing open-source AI models.' });
    await item.getByRole('button', { name: 'How the story moved over time' }).click();
    const steps = item.locator('.tl-item');
    assert.ok((await steps.count()) >= 4);
    const dates = await steps.locator('.tl-date').allInnerTexts();
    const dated = dates.filter((d) => d !== 'undated').map((d) => Date.parse(d));
    assert.deepEqual(dated, [...dated].sort((a, b) => a - b), 'in date order');
    assert.match(await steps.first().innerText(), /on record|anonymous sources|no source given/);
    await item.locator('.tl').scrollIntoViewIfNeeded();
    await screenshot(popup, 'popup-timeline');
    await popup.close();
    await page.close();
  });

  it('lists the reader’s corrections on the options page, to export or clear', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = options.locator('section[aria-labelledby="corr-h"]');
    await section.getByText('1 correction.').waitFor();
    const [download] = await Promise.all([options.waitForEvent('download'), section.getByRole('button', { name: 'Export as JSON' }).click()]);
    const saved = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
    assert.equal(saved.corrections.length, 1);
    assert.match(saved.corrections[0].claimKey, /^meta-open-source-ai\//);
    await section.getByRole('button', { name: 'Clear all' }).click();
    await section.getByText('No corrections yet.').waitFor();
    await options.close();
  });
});

describe('looks', () => {
  it('follows a dark system theme in the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/seed/lab-discussed`);
    await waitForHighlights(page);
    const tabId = await tabIdOf(browser.worker, page);
    const popup = await browser.context.newPage();
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.claim-item');
    const [bg, fg] = await popup.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    const lum = (c) => c.match(/\d+/g).slice(0, 3).reduce((a, v) => a + Number(v), 0) / 3;
    assert.ok(lum(bg) < 60 && lum(fg) > 180, `dark background (${bg}) and light text (${fg})`);
    await screenshot(popup, 'popup-dark');
    await popup.close();
    await page.close();
  });

  it('saves store screenshots at 1280x800', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.origin}/seed/lab-discussed`);
    await waitForHighlights(page);
    const at = await rectOfHighlight(page, 'We plan to continue releasing');
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(400);
    const shot = await screenshot(page, 'store-1280x800-card');
    const { readFileSync } = await import('node:fs');
    const png = readFileSync(shot);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1280, 800]);
    await page.close();
  });
});

describe('in other languages', () => {
  for (const [lang, expected] of [
    ['de', { count: /bekannte Behauptungen auf dieser Seite/, group: /Bestätigt diese Seite/i, relation: /Diese Seite (behauptet|bestreitet|deutet) das/, https: 'Adressen von Paketen müssen mit https:// beginnen.' }],
    ['es', { count: /afirmaciones conocidas en esta página/, group: /Confirma esta página/i, relation: /Esta página (sostiene|niega|sugiere) esta afirmación/, https: 'Las direcciones de paquetes deben empezar por https://.' }],
  ]) {
    it(`shows the popup in ${lang} when the browser is in ${lang}`, async () => {
      const other = await launch({ lang });
      try {
        const page = await other.context.newPage();
        await page.goto(`${server.origin}/seed/lab-discussed`);
        await waitForHighlights(page);
        const tabId = await tabIdOf(other.worker, page);
        const popup = await other.context.newPage();
        await popup.setViewportSize({ width: 420, height: 600 });
        await popup.goto(`chrome-extension://${other.extensionId}/popup.html?tabId=${tabId}`);
        await popup.waitForSelector('.claim-item');
        const text = await popup.locator('body').innerText();
        assert.match(text, expected.count);
        assert.match(text, expected.group);
        assert.match(text, expected.relation);
        assert.doesNotMatch(text, /known claims found|Corroborates this page/i);
        await screenshot(popup, `popup-${lang}`);

        // What the background says of a subscription is said in the reader's language too.
        const options = await other.context.newPage();
        await options.goto(`chrome-extension://${other.extensionId}/options.html`);
        await options.fill('#sub-url', 'ftp://packs.example/news.json');
        await options.fill('#sub-key', 'AAAA');
        await options.locator('section[aria-labelledby="sub-h"] button[type="submit"]').click();
        const outcome = options.locator('section[aria-labelledby="sub-h"] .outcome.bad');
        await outcome.waitFor();
        assert.equal(await outcome.innerText(), `✗ ${expected.https}`);
      } finally {
        await other.close();
      }
    });
  }
});
