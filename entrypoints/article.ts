import { articleStage } from '../src/content/article-stage';
import { offerStage } from '../src/content/handoff';

/**
 * The content script's article stage (src/content/article-stage.ts), imported by the first stage
 * (`entrypoints/gate.ts`) from the extension's files on pages that look like an article; see src/content/handoff.ts.
 */
export default defineUnlistedScript(() => offerStage('article', articleStage));
