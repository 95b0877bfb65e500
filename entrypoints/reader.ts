import { browser } from 'wxt/browser';
import { showMatches } from '../src/content/controller';
import { offerReader } from '../src/content/reader-handoff';
import { useBrowserMessages } from '../src/ui/i18n';

// The content script's second stage (anchoring, painting, the card), imported by the first stage from the
// extension's files only on pages where claims were found. See src/content/scan.ts.
export default defineUnlistedScript(() => {
  useBrowserMessages((key, subs) => browser.i18n.getMessage(key as never, subs), browser.i18n.getUILanguage());
  offerReader(showMatches);
});
