import { render } from 'preact';
import { browser } from 'wxt/browser';
import { useMessages } from '../../src/ui/i18n';
import type { PacksReply } from '../../src/messaging/contract';
import type { UpdateOutcome } from '../../src/packs/update';
import { parseSettings, SETTINGS_KEY, type Settings } from '../../src/settings';
import { Options } from '../../src/ui/Options';
import { CORRECTIONS_KEY, parseCorrections } from '../../src/corrections';
import { OPTIONS_CSS } from '../../src/ui/options-css';

useMessages((key, subs) => browser.i18n.getMessage(key as never, subs), browser.i18n.getUILanguage());
document.documentElement.lang = browser.i18n.getUILanguage();

const style = document.createElement('style');
style.textContent = OPTIONS_CSS;
document.head.append(style);

const send = <T,>(msg: object) => browser.runtime.sendMessage(msg) as Promise<T>;

render(
  <Options
    packs={() => send<PacksReply>({ type: 'ui/packs' })}
    subscribe={(url, publicKey) => send<UpdateOutcome>({ type: 'ui/subscribe', url, publicKey })}
    update={(url) => send<UpdateOutcome[]>({ type: 'ui/update', url })}
    unsubscribe={(url) => send({ type: 'ui/unsubscribe', url })}
    loadSettings={async () => parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY])}
    saveSettings={(s: Settings) => browser.storage.local.set({ [SETTINGS_KEY]: s })}
    loadCorrections={async () => parseCorrections((await browser.storage.local.get(CORRECTIONS_KEY))[CORRECTIONS_KEY])}
    clearCorrections={() => browser.storage.local.set({ [CORRECTIONS_KEY]: [] })}
  />,
  document.getElementById('app')!,
);
