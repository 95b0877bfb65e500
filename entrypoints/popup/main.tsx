import { render } from 'preact';
import { browser } from 'wxt/browser';
import { useMessages } from '../../src/ui/i18n';
import type { ReportReply } from '../../src/messaging/contract';
import { Popup } from '../../src/ui/Popup';
import { POPUP_CSS } from '../../src/ui/popup-css';

// The tab to report on: the active one, or ?tabId= when the popup is opened as a page (tests, keyboard users).
async function targetTab(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const language = browser.i18n.getUILanguage();
useMessages((key, subs) => browser.i18n.getMessage(key as never, subs), language);
document.documentElement.lang = language;

const style = document.createElement('style');
style.textContent = POPUP_CSS;
document.head.append(style);

/** For npm run bench:browser: when the popup first showed its answer (not "loading", not "being read"). */
let answered = false;
const markAnswer = (reply: ReportReply) => {
  if (answered || reply?.state === 'loading' || reply?.state === 'reading') return;
  answered = true;
  requestAnimationFrame(() => performance.mark('claimlight:popup-answer'));
};

void targetTab().then((tabId) => {
  render(
    <Popup
      tabId={tabId}
      openOptions={() => void browser.runtime.openOptionsPage()}
      wrongMatch={(id, sentence) => browser.runtime.sendMessage({ type: 'ui/wrong-match', tabId: id, sentence })}
      load={async (id) => {
        const reply = (await browser.runtime.sendMessage({ type: 'ui/report', tabId: id })) as ReportReply;
        markAnswer(reply);
        return reply;
      }}
      reveal={(id, sentence) =>
        (browser.tabs.sendMessage(id, { type: 'ui/reveal', sentence }) as Promise<{ ok: boolean }>).then(
          (r) => r?.ok ?? false,
          () => false,
        )
      }
    />,
    document.getElementById('app')!,
  );
  // For npm run bench:browser: when the popup first showed something.
  requestAnimationFrame(() => performance.mark('claimlight:popup-rendered'));
});
