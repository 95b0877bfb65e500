// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { BackgroundService } from '../../src/background/service';
import type { ReportReply } from '../../src/messaging/contract';
import { BUNDLED_PACKS } from '../../src/packs/bundled';
import { openClaimDb } from '../../src/store/db';
import { Popup } from '../../src/ui/Popup';
import { Card } from '../../src/ui/Card';
import { CARD_SOURCES, forPage, type MatchView } from '../../src/claims/views';
import { formatDate } from '../../src/ui/format';
import { useMessages } from '../../src/ui/i18n';
import { LANGS, messagesIn } from '../../src/ui/messages';
import { ONLINE_PACK_ID } from '../../src/online/pack-id';

const root = () => document.getElementById('root') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
afterEach(() => render(null, root()));

async function show(reply: ReportReply, reveal: (tab: number, s: number) => Promise<boolean> = async () => true) {
  render(null, root());
  await act(async () => {
    render(<Popup tabId={1} load={async () => reply} reveal={reveal} />, root());
  });
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return root();
}

async function reportFor(sentences: string[]): Promise<ReportReply> {
  const bg = new BackgroundService({
    openDb: () => openClaimDb(`popup-${Math.random()}`),
    bundled: BUNDLED_PACKS,
    markButton: async () => undefined,
    saveReport: async () => undefined,
    loadReport: async () => undefined,
    log: () => undefined,
  });
  await bg.fromContentScript({ type: 'cs/match', url: 'https://x.test/', article: { title: 'T', byline: null, siteName: 'Site', lang: 'en', words: 100 }, sentences }, 1);
  return bg.report(1);
}

describe('popup', () => {
  it.each([
    [{ state: 'loading' } as ReportReply, 'The claim database is still loading'],
    [{ state: 'none' } as ReportReply, 'Claimlight has not checked this page'],
  ])('shows the empty state for %j', async (reply, text) => {
    expect((await show(reply)).textContent).toContain(text);
  });

  it('says when a page is not an article, and when an article has no known claims', async () => {
    const base = { state: 'ready', packs: 1, claims: 17 } as const;
    const report = { url: 'u', article: null, matches: [], at: 0 };
    expect((await show({ ...base, report: { ...report, status: 'not-article' } })).textContent).toContain('does not look like a news article');
    expect((await show({ ...base, report: { ...report, status: 'no-claims' } })).textContent).toContain('No known claims on this page');
  });

  it('lists a denied claim with refuting coverage as corroborating the page', async () => {
    const el = await show(
      await reportFor([
        'A Meta spokesperson clarified that the company’s official position on open-source AI remains “unchanged.”',
        'They stated, “We plan to continue releasing leading open source models.',
      ]),
    );
    const items = [...el.querySelectorAll('.claim-item')];
    expect(items).toHaveLength(2);
    const denied = items.find((i) => i.textContent!.includes('Meta has stopped releasing open-source AI models.'))!;
    expect(denied.textContent).toContain('This page denies this claim');
    // Its sources, as a reader opens them: only the first claim's are open, and what is closed is not made.
    expect(items.indexOf(denied)).toBe(1);
    expect(denied.querySelector('.group-corroborates')).toBeNull();
    const toggle = denied.querySelector('button.toggle') as HTMLButtonElement;
    await act(async () => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // The spokesperson refutes the claim, so corroborates a page that denies it.
    const corroborating = denied.querySelector('.group-corroborates')!;
    expect(corroborating.textContent).toContain('Meta spokesperson, to TechCrunch');
    expect(denied.querySelector('.group-contradicts')!.textContent).toContain('Unattributed web article');
    const spokesperson = [...corroborating.querySelectorAll('li')].find((li) => li.textContent!.includes('Meta spokesperson'))!;
    const link = spokesperson.querySelector('a')!;
    expect(link.getAttribute('href')).toMatch(/^https:\/\/techcrunch\.com\//);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('says the page suggests a claim that it puts forward only as a possibility', async () => {
    const el = await show(await reportFor(['The tech giant appears to be at a crossroads, potentially pivoting towards a more guarded, closed-source approach.']));
    const [item] = [...el.querySelectorAll('.claim-item')];
    expect(item!.textContent).toContain('Meta is shifting its AI strategy');
    expect(item!.querySelector('.rel')!.textContent).toContain('This page suggests this claim');
    expect(item!.querySelector('.rel')!.textContent).not.toContain('asserts');
  });

  it('asks the page to show a sentence when its quote is clicked, and says so if it is gone', async () => {
    const asked: number[] = [];
    const el = await show(await reportFor(['The weather.', 'Meta’s decision to open‑source new AI models reflects a strategic pivot.']), async (_tab, s) => {
      asked.push(s);
      return false;
    });
    await act(async () => (el.querySelector('button.sentence') as HTMLButtonElement).click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(asked).toEqual([1]);
    expect(el.textContent).toContain('no longer on the page');
  });

  it('names the fact-checks found online in the reader\'s language', async () => {
    const reply = await reportFor(['Meta’s decision to open‑source new AI models reflects a strategic pivot.']);
    if (reply.state !== 'ready') throw new Error('no report');
    for (const m of reply.report.matches) Object.assign(m.claim, { packId: ONLINE_PACK_ID, packTitle: 'Found online (Google Fact Check Tools)' });
    try {
      useMessages(messagesIn('de'), 'de');
      expect((await show(reply)).querySelector('.asof')!.textContent).toMatch(/^Online gefunden \(Google Fact Check Tools\) · Datenstand /);
    } finally {
      useMessages(messagesIn('en'), 'en');
    }
  });
});

describe('dates', () => {
  afterEach(() => useMessages(messagesIn('en'), 'en'));

  // The cards and the popup write dates from the messages rather than with Intl (whose formatter costs a page tens of
  // milliseconds to create): they must read as Intl writes them, in each language of the UI.
  it.each(LANGS)('are written in %s as Intl writes them, for every month', (lang) => {
    useMessages(messagesIn(lang), lang);
    for (let month = 1; month <= 12; month++) {
      const m = String(month).padStart(2, '0');
      const day = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
      const monthOnly = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', timeZone: 'UTC' });
      expect(formatDate(`2025-${m}-09`)).toBe(day.format(Date.parse(`2025-${m}-09`)));
      expect(formatDate(`2024-${m}-28T23:30:00Z`)).toBe(day.format(Date.parse(`2024-${m}-28T23:30:00Z`)));
      expect(formatDate(`2026-${m}`)).toBe(monthOnly.format(Date.parse(`2026-${m}-01`)));
    }
    expect(formatDate('not a date')).toBe('');
    expect(formatDate(undefined)).toBe('');
  });
});

describe('hover card', () => {
  it('shows from the match the page gets (its card’s coverage only) what it shows from the whole match', async () => {
    const reply = await reportFor([
      'Top members of Meta’s new Superintelligence Lab have reportedly discussed moving away from the company’s powerful open-source AI model , Behemoth.',
      'They stated, “We plan to continue releasing leading open source models.',
    ]);
    if (reply.state !== 'ready') throw new Error(reply.state);
    const shown = (match: MatchView) => {
      render(null, root());
      render(<Card match={match} />, root());
      return root().textContent;
    };
    for (const whole of reply.report.matches) {
      const text = shown(whole);
      expect(shown(forPage(whole))).toBe(text);
      // The card names the coverage it leaves to the popup.
      expect(text).toContain(`${whole.claim.coverage.length - CARD_SOURCES} more in the toolbar popup`);
    }
  });
});
