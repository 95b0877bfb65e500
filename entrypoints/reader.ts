import { showMatches } from '../src/content/controller';
import { offerStage } from '../src/content/handoff';

// The content script's reader stage (anchoring, painting, the card), imported by the article stage from the
// extension's files only on pages where claims were found. See src/content/handoff.ts. It takes the browser's APIs
// from the article stage (ReaderEnv), so that it does not carry another copy of the polyfill.
export default defineUnlistedScript(() => {
  offerStage('reader', showMatches);
});
