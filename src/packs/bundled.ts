import metaOpenSourceAi from '../../assets/packs/meta-open-source-ai.json';

/**
 * The packs that ship inside the extension and the CLI, as raw JSON: they are validated like any other pack when
 * loaded, so a mistake in one shows up in the tests rather than in a reader's browser.
 */
export const BUNDLED_PACKS: readonly unknown[] = [metaOpenSourceAi];
