// Types for seed-pages.mjs, a plain ESM helper shared by the e2e tests, the benchmarks and the unit tests.

/** Where the seed articles are read from (../shared/seeds, or CLAIMLIGHT_SHARED/seeds). */
export const SEEDS_DIR: string;
/** The slugs of the seed pages, in seed order. */
export function seedSlugs(): string[];
/** The HTML of one seed page; undefined for a slug that is none. */
export function seedPage(slug: string): string | undefined;
/** A long article of about 5,000 words for the performance benchmark. */
export function longArticle(): string;
