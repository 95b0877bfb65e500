import type { ClaimView } from './views';

/**
 * A claim card as schema.org ClaimReview JSON-LD, for readers and publishers to reuse: the claim, the pack as the
 * reviewer, its verdict (the fact-checker's label when the pack has one, else a summary of the coverage), and each
 * source as an appearance of the claim. `claimlight pack build` reads it back.
 */
export function toClaimReview(claim: ClaimView, pageUrl?: string): Record<string, unknown> {
  const appearances = claim.coverage
    .filter((c) => c.url)
    .map((c) => ({
      '@type': 'CreativeWork',
      url: c.url,
      ...(c.title && { headline: c.title }),
      ...(c.published && { datePublished: c.published }),
      publisher: { '@type': 'Organization', name: c.outlet },
    }));
  if (pageUrl && /^https?:/.test(pageUrl)) appearances.unshift({ '@type': 'CreativeWork', url: pageUrl, publisher: { '@type': 'Organization', name: new URL(pageUrl).hostname } });
  const summary = `${claim.supports} source${claim.supports === 1 ? '' : 's'} support, ${claim.refutes} refute${claim.refutes === 1 ? 's' : ''}, ${claim.mixed} mixed`;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: claim.text,
    datePublished: claim.packUpdated.slice(0, 10),
    author: { '@type': 'Organization', name: `${claim.packTitle} (Claimlight claim pack)` },
    reviewRating: claim.rating
      ? { '@type': 'Rating', alternateName: claim.rating.label, ...(claim.rating.outlet && { author: { '@type': 'Organization', name: claim.rating.outlet } }) }
      : { '@type': 'Rating', alternateName: claim.refutes > 0 && claim.supports > 0 ? 'Contested' : claim.refutes > claim.supports ? 'Refuted by coverage' : 'Supported by coverage', ratingExplanation: summary },
    itemReviewed: { '@type': 'Claim', ...(appearances.length && { appearance: appearances }) },
  };
}
