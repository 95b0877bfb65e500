import type { MatchView } from '../claims/views';
import { cardCoverage, confidenceOf } from '../claims/views';
import { CoverageItem } from './Coverage';
import { formatDate, relationLabel, relationMark } from './format';
import { t, tn } from './i18n';

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
  // (The page gets only these: `forPage`. The tallies count all of the claim's coverage.)
  const top = cardCoverage(match);
  const more = claim.supports + claim.refutes + claim.mixed - top.length;
  return (
    <div
      class="card"
      role="dialog"
      aria-label={t('cardLabel')}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose?.();
      }}
    >
      <div class="card-top">
        <div class={`rel rel-${relation}`}>
          <span aria-hidden="true">{relationMark(relation, match.hedged)}</span> {relationLabel(relation, match.hedged)}
        </div>
        {onClose && (
          <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
            ×
          </button>
        )}
      </div>
      <p class="claim">{claim.text}</p>
      <p class={`why why-${confidence.level}`}>
        {confidence.words}
        {match.shared.length > 0 && <span class="shared">{t('wordsInCommon', match.shared.join(', '))}</span>}
        {match.phrasing && <span class="shared">{t('matchedAs', match.phrasing)}</span>}
      </p>
      <div class="tally" aria-label={t('coverageOfClaim')}>
        <span class="t-lbl">{t('theClaim')}</span>
        <span class="t-sup">{tn('sourcesSupport', claim.supports)}</span>
        <span class="t-ref">{tn('refute', claim.refutes)}</span>
        {claim.mixed > 0 && <span class="t-mix">{t('mixedN', claim.mixed)}</span>}
      </div>
      {claim.rating && (
        <div class="rating">
          {t('factCheck')} <strong>{claim.rating.label}</strong>
          {claim.rating.outlet ? ` (${claim.rating.outlet})` : ''}
        </div>
      )}
      {top.length > 0 && <div class="legend">{t('legend')}</div>}
      {top.length > 0 && (
        <ul class="covs">
          {top.map(({ item, side }) => (
            <CoverageItem item={item} side={side} note={false} />
          ))}
        </ul>
      )}
      <div class="foot">
        <span>
          {more > 0 ? t('moreInPopup', more) : ''}
          {t('dataAsOf', formatDate(claim.packUpdated))}
        </span>
        {onWrong && (
          <button type="button" class="wrong" onClick={onWrong}>
            {t('wrongMatchHide')}
          </button>
        )}
      </div>
    </div>
  );
}
