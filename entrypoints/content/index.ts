import { browser } from 'wxt/browser';
import { runClaimlight, type Session } from '../../src/content/controller';
import { parseUItoCS, type CStoBG, type MatchReply } from '../../src/messaging/contract';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Top frames only: articles are read there, and frames are strangers' ads and embeds.
  allFrames: false,
  async main(ctx) {
    const state: { session?: Session } = {};
    const onMessage = (raw: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const msg = parseUItoCS(raw);
      if (!msg) return undefined;
      return Promise.resolve({ ok: state.session?.reveal(msg.sentence) ?? false });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    state.session = await runClaimlight({
      window,
      document,
      signal: ctx.signal,
      send: (msg: CStoBG) => browser.runtime.sendMessage(msg) as Promise<MatchReply | null>,
    });
  },
});
