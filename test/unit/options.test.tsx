// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { PacksReply } from '../../src/messaging/contract';
import type { UpdateOutcome } from '../../src/packs/update';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { Options } from '../../src/ui/Options';
import { say, sayCounted, useMessages, type CountedKey } from '../../src/ui/i18n';
import { messagesIn, type MessageKey } from '../../src/ui/messages';

const root = () => document.getElementById('root') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
afterEach(() => {
  render(null, root());
  useMessages(messagesIn('en'), 'en');
});

const pack = (id: string, url: string) => ({ id, title: id, claimCount: 12_345, updated: '2026-10-05', version: 1, origin: { type: 'subscription' as const, url }, installedAt: 0 });

/** Two subscriptions: one checked by this build (its outcome said as messages), one by an earlier build (English words). */
const reply: PacksReply = {
  storage: true,
  packs: [pack('a', 'https://a.test/p.json'), pack('b', 'https://b.test/p.json'), pack('c', 'https://c.test/p.json'), pack('d', 'https://d.test/p.json')],
  subscriptions: [
    { url: 'https://a.test/p.json', publicKey: 'k', packId: 'a', lastChecked: 1, lastResult: { ok: true, said: [sayCounted('subInstalled', 12_345, { date: '2026-10-05' })], at: 1 } },
    { url: 'https://b.test/p.json', publicKey: 'k', packId: 'b', lastChecked: 1, lastResult: { ok: false, message: 'The server answered 500.', at: 1 } },
    // Said by another build, in messages this one does not have (renamed, or from a later version).
    { url: 'https://c.test/p.json', publicKey: 'k', packId: 'c', lastChecked: 1, lastResult: { ok: true, said: [{ key: 'subInstalledAll' as MessageKey, subs: ['3'] }], at: 1 } },
    { url: 'https://d.test/p.json', publicKey: 'k', packId: 'd', lastChecked: 1, lastResult: { ok: false, said: [{ counted: 'subRejected' as CountedKey, n: 2, subs: [] }, say('subKept', { date: '2026-10-05' })], at: 1 } },
  ],
};

async function show(subscribe: () => Promise<UpdateOutcome> = async () => ({ ok: false, said: [say('subAlready')] })) {
  await act(async () => {
    render(
      <Options
        packs={async () => reply}
        subscribe={subscribe}
        update={async () => []}
        unsubscribe={async () => undefined}
        loadSettings={async () => DEFAULT_SETTINGS}
        saveSettings={async () => undefined}
      />,
      root(),
    );
  });
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  const outcome = (id: string) => root().querySelector(`tr[data-pack="${id}"] .outcome`)!.textContent;
  return { outcome, cells: (id: string) => [...root().querySelectorAll(`tr[data-pack="${id}"] td.nowrap`)].map((td) => td.textContent) };
}

describe('options page', () => {
  it('says what each subscription\'s last check did in the reader\'s words, and an earlier build\'s words as they were', async () => {
    let page = await show();
    expect(page.outcome('a')).toBe('✓ Installed: 12,345 claims, data as of Oct 5, 2026.');
    expect(page.outcome('b')).toBe('✗ The server answered 500.');
    expect(page.cells('a')).toEqual(['12,345', 'Oct 5, 2026']);
    render(null, root());
    useMessages(messagesIn('de'), 'de');
    page = await show();
    expect(page.outcome('a')).toBe('✓ Installiert: 12.345 Behauptungen, Datenstand 5. Okt. 2026.');
    expect(page.cells('a')).toEqual(['12.345', '5. Okt. 2026']);
  });

  it('leaves out what an outcome stored by another build says in messages this one does not have', async () => {
    const page = await show();
    expect(page.outcome('c')).toBe('✓ The last check succeeded.');
    expect(page.outcome('d')).toBe('✗ The installed version (data as of Oct 5, 2026) stays in use.');
  });

  it('says so when a request to the background fails outright, and lets the reader try again', async () => {
    await show(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const input = (id: string, value: string) => {
      const el = root().querySelector<HTMLInputElement>(`#${id}`)!;
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await act(async () => {
      input('sub-url', 'https://c.test/p.json');
      input('sub-key', 'k');
    });
    await act(async () => {
      root().querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    const button = root().querySelector<HTMLButtonElement>('form button[type="submit"]')!;
    expect(button.disabled).toBe(false);
    expect(button.textContent).toBe('Subscribe');
    expect(root().querySelector('form + .outcome, section[aria-labelledby="sub-h"] .outcome')!.textContent).toBe('✗ Claimlight could not do that: Could not establish connection. Receiving end does not exist.');
  });
});
