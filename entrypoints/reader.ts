import { showMatches } from '../src/content/controller';
import { offerReader } from '../src/content/reader-handoff';

// The content script's second stage (anchoring, painting, the card), imported by the first stage from the
// extension's files only on pages where claims were found. See src/content/scan.ts. It takes the browser's APIs
// from the first stage (ReaderEnv), so that it does not carry a second copy of the polyfill.
export default defineUnlistedScript(() => {
  offerReader(showMatches);
});
