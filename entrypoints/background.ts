import { browser } from 'wxt/browser';
import { BackgroundService, type ButtonMark } from '../src/background/service';
import { PAGE_LOOK_KEY, parseCStoBG, parsePageLook, parseUItoBG, type TabReport, type TabStatus } from '../src/messaging/contract';
import { t, tn, useMessages } from '../src/ui/i18n';
import type { MessageKey } from '../src/ui/messages';
import { BUNDLED_PACKS } from '../src/packs/bundled';
import { openClaimDb } from '../src/store/db';
import { parseSettings, SETTINGS_KEY } from '../src/settings';
import { CORRECTIONS_KEY, parseCorrections } from '../src/corrections';

/** The toolbar button's title on a tab whose page was read: what the popup would say first. */
function buttonTitle({ status, claims }: ButtonMark): string {
  const said = claims > 0 ? tn('claimsFound', claims) : t(STATUS_MESSAGE[status]);
  return `${t('extName')}: ${said}`;
}

const STATUS_MESSAGE: Record<TabStatus, MessageKey> = {
  claims: 'noClaims', // (every claim on it called a wrong match)
  'no-claims': 'noClaims',
  'not-article': 'notArticle',
  'unsupported-language': 'otherLanguage',
  'site-off': 'siteOff',
};

/**
 * A value of the extension's local storage, read once and kept until it changes. Every page read asks for two (the
 * settings, for whether its site is switched off, and the reader's corrections), and while a page loads, one such
 * call from the background took 6–30 ms (the long article at 1x).
 */
function keptLocal<T>(key: string, parse: (stored: unknown) => T): () => Promise<T> {
  let kept: Promise<T> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && key in changes) kept = undefined;
  });
  return () => {
    if (kept) return kept;
    const reading = browser.storage.local.get(key).then((got) => parse(got[key]));
    kept = reading;
    // (A failed read is not kept: the next asks again.)
    reading.catch(() => {
      if (kept === reading) kept = undefined;
    });
    return reading;
  };
}

export default defineBackground(() => {
  // (For the benchmark: what a page that wakes the worker waits for before its read begins.)
  const worker = { started: performance.timeOrigin, ready: performance.timeOrigin + performance.now() };
  useMessages((key, subs) => browser.i18n.getMessage(key as never, subs), () => browser.i18n.getUILanguage());
  const reportKey = (tabId: number) => `report:${tabId}`;
  // Manifest V3 calls the toolbar button `action`; Firefox's Manifest V2 build calls it `browserAction`.
  const action = browser.action ?? browser.browserAction;
  // Asked for at once: a page that woke the worker waits for the settings (is its site switched off?) before its read.
  const settings = keptLocal(SETTINGS_KEY, parseSettings);
  const corrections = keptLocal(CORRECTIONS_KEY, parseCorrections);
  void settings().catch(() => undefined);
  void corrections().catch(() => undefined);
  const service = new BackgroundService({
    openDb: () => openClaimDb(),
    bundled: BUNDLED_PACKS,
    async markButton(tabId, mark) {
      const text = mark?.claims ? String(mark.claims) : '';
      // (A tab's title is set back by giving it the button's own: Chrome takes no null, and keeps an empty one.)
      const title = mark ? buttonTitle(mark) : await action.getTitle({});
      await Promise.all([action.setBadgeText({ tabId, text }), action.setTitle({ tabId, title })]).catch(() => undefined); // the tab may be gone
      if (text) await action.setBadgeBackgroundColor({ tabId, color: '#b45309' }).catch(() => undefined);
    },
    buttonMarked: async (tabId) => (await action.getTitle({ tabId })) !== (await action.getTitle({})),
    async saveReport(tabId, report) {
      if (report) await browser.storage.session.set({ [reportKey(tabId)]: report });
      else await browser.storage.session.remove(reportKey(tabId));
    },
    async loadReport(tabId) {
      const got = await browser.storage.session.get(reportKey(tabId));
      return got[reportKey(tabId)] as TabReport | undefined;
    },
    settings,
    corrections: {
      list: corrections,
      save: (list) => browser.storage.local.set({ [CORRECTIONS_KEY]: list }),
    },
    privateCorrections: {
      list: async () => parseCorrections((await browser.storage.session.get(CORRECTIONS_KEY))[CORRECTIONS_KEY]),
      save: (list) => browser.storage.session.set({ [CORRECTIONS_KEY]: list }),
    },
    hideInTab: async (tabId, sentence) => {
      await browser.tabs.sendMessage(tabId, { type: 'bg/hide', sentence });
    },
    // The content script notes its look in the extension's isolated world (entrypoints/gate.ts), where this runs, and
    // the page's address is read there as it is now. Refused without access to the tab: the tab the reader opened the
    // popup on (activeTab) has it.
    async askPage(tabId) {
      const [tab, [found]] = await Promise.all([
        browser.tabs.get(tabId),
        browser.scripting.executeScript({ target: { tabId }, func: (key: string) => ({ look: (globalThis as Record<string, unknown>)[key], url: location.href }), args: [PAGE_LOOK_KEY] }),
      ]);
      const look = parsePageLook(found?.result);
      return look && { ...look, private: tab.incognito };
    },
    log: (m) => console.warn(`[claimlight] ${m}`),
    worker,
  });

  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const fromPage = sender.url ? new URL(sender.url).origin === extensionOrigin : false;
    if (fromPage) {
      const msg = parseUItoBG(raw);
      return msg ? service.fromUI(msg) : undefined;
    }
    // Content scripts run in top frames only; a message from anywhere else is not ours.
    if (sender.tab?.id === undefined || sender.frameId !== 0) return undefined;
    const msg = parseCStoBG(raw);
    return msg ? service.fromContentScript(msg, sender.tab.id, sender.tab.incognito) : undefined;
  });

  // Subscribed packs are checked every six hours (and on demand from the options page).
  const UPDATE_ALARM = 'claimlight-pack-updates';
  void browser.alarms.get(UPDATE_ALARM).then((a) => {
    if (!a) void browser.alarms.create(UPDATE_ALARM, { periodInMinutes: 360, delayInMinutes: 5 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) void service.updateAll();
  });

  // Keyboard: the next and previous claim in the page (chrome://extensions/shortcuts to change the keys).
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'next-claim' && command !== 'previous-claim') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'bg/step', direction: command === 'next-claim' ? 1 : -1 }).catch(() => undefined);
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) void service.tabNavigated(tabId, change.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void service.tabClosed(tabId));
});
