import type { MatchView } from '../claims/views';
import { confidenceOf, sideOfPage } from '../claims/views';
import { CoverageItem } from './Coverage';
import { formatDate, plural, relationLabel } from './format';

const TOP_SOURCES = 3;

export interface CardActions {
  /** The reader says this sentence does not state the claim. */
  onWrong?(): void;
  /** Close the card (Escape, or the close button). */
  onClose?(): void;
}

/** The hover card over a highlighted sentence: the claim, what the page does with it, why, and the coverage. */
export function Card({ match, onWrong, onClose }: { match: MatchView } & CardActions) {
  const confidence = confidenceOf(match.score);
  const { claim, relation } = match;
  const sides = claim.coverage.map((c) => ({ item: c, side: sideOfPage(relation, c.stance) }));
  // Contradicting coverage first: it is what the reader of this page would otherwise not see.
  const order = { contradicts: 0, corroborates: 1, mixed: 2 } as const;
  const top = [...sides].sort((a, b) => order[a.side] - order[b.side]).slice(0, TOP_SOURCES);
  return (
    <div
      class="card"
      role="dialog"
      aria-label="Claimlight: known claim"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose?.();
      }}
    >
      <div class="card-top">
        <div class={`rel rel-${relation}`}>
          <span aria-hidden="true">{relation === 'asserts' ? '▲' : '▼'}</span> {relationLabel(relation)}
        </div>
        {onClose && (
          <button type="button" class="close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        )}
      </div>
      <p class="claim">{claim.text}</p>
      <p class={`why why-${confidence.level}`}>
        {confidence.words}
        {match.shared.length > 0 && <span class="shared"> Words in common: {match.shared.join(', ')}.</span>}
        {match.phrasing && <span class="shared"> Matched as worded: “{match.phrasing}”.</span>}
      </p>
      <div class="tally" aria-label="Coverage of this claim">
        <span class="t-lbl">The claim:</span>
        <span class="t-sup">{plural(claim.supports, 'source')} support{claim.supports === 1 ? 's' : ''}</span>
        <span class="t-ref">{claim.refutes} refute{claim.refutes === 1 ? 's' : ''}</span>
        {claim.mixed > 0 && <span class="t-mix">{claim.mixed} mixed</span>}
      </div>
      {claim.rating && (
        <div class="rating">
          Fact-check: <strong>{claim.rating.label}</strong>
          {claim.rating.outlet ? ` (${claim.rating.outlet})` : ''}
        </div>
      )}
      {top.length > 0 && <div class="legend">Sources, as they bear on this page: ✓ corroborate · ✗ contradict · ≈ mixed</div>}
      {top.length > 0 && (
        <ul class="covs">
          {top.map(({ item, side }) => (
            <CoverageItem item={item} side={side} note={false} />
          ))}
        </ul>
      )}
      <div class="foot">
        <span>
          {claim.coverage.length > TOP_SOURCES ? `${claim.coverage.length - TOP_SOURCES} more in the toolbar popup · ` : ''}
          Data as of {formatDate(claim.packUpdated)}
        </span>
        {onWrong && (
          <button type="button" class="wrong" onClick={onWrong}>
            Wrong match? Hide it
          </button>
        )}
      </div>
    </div>
  );
}
