import type { CoverageView, Side } from '../claims/views';
import { attributionLabel, formatDate, headlineOf, safeHref } from './format';
import { t } from './i18n';

const SIDE_ICON: Record<Side, string> = { corroborates: '✓', contradicts: '✗', mixed: '≈' };

/** One coverage item: outlet, date, headline (linked) and, unless left out, why it stands where it stands. */
export function CoverageItem({ item, side, note = true }: { item: CoverageView; side: Side; note?: boolean }) {
  const href = safeHref(item.url);
  const date = formatDate(item.published);
  return (
    <li class={`cov cov-${side}`}>
      <span class="cov-icon" aria-hidden="true">
        {SIDE_ICON[side]}
      </span>
      <div class="cov-body">
        <div class="cov-meta">
          <span class="cov-outlet">{item.outlet}</span>
          {date && <span class="cov-date">{date}</span>}
          {(attributionLabel(item.attribution) ?? item.kind) && (
            <span class={`cov-kind att-${item.attribution ?? item.kind}`} title={t('onWhoseAuthority')}>
              {attributionLabel(item.attribution) ?? item.kind}
            </span>
          )}
        </div>
        {href ? (
          <a class="cov-title" href={href} target="_blank" rel="noopener noreferrer">
            {headlineOf(item)}
          </a>
        ) : (
          <span class="cov-title">{headlineOf(item)}</span>
        )}
        {note && item.note && <div class="cov-note">{item.note}</div>}
      </div>
    </li>
  );
}
