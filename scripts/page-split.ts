/**
 * The saved pages in ../shared/pages/readability are split in two halves by a stable hash of their folder name:
 * the decision model is trained with sentences of one half as negatives, and the other half is only measured.
 */
export function isTrainingPage(slug: string): boolean {
  let h = 0;
  for (const c of slug) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 2 === 0;
}
