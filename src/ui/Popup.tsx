import { useEffect, useState } from 'preact/hooks';
import { claimsOnPage, confidenceOf, sideOfPage, type ClaimOnPage, type Side } from '../claims/views';
import type { ReportReply } from '../messaging/contract';
import { CoverageItem } from './Coverage';
import { attributionLabel, formatDate, relationLabel, relationMark, stanceLabel } from './format';
import { t, tn } from './i18n';
import type { MessageKey } from './messages';
import { timelineOf } from '../claims/timeline';
import { toClaimReview } from '../claims/claimreview';
import { ONLINE_PACK_ID } from '../online/pack-id';

export interface PopupProps {
  tabId: number | undefined;
  /** Opens the options page. */
  openOptions?(): void;
  load(tabId: number): Promise<ReportReply>;
  /** Scrolls the tab to a sentence; false if the page no longer has it. */
  reveal(tabId: number, sentence: number): Promise<boolean>;
  /** The reader calls a sentence a wrong match for its claim. */
  wrongMatch?(tabId: number, sentence: number): Promise<unknown>;
}

const POLL_MS = 600;
const POLL_LIMIT = 25;

/** The toolbar popup: the claims found on the tab, each with the coverage that corroborates or contradicts it. */
export function Popup({ tabId, load, reveal, openOptions, wrongMatch }: PopupProps) {
  const [reply, setReply] = useState<ReportReply | { state: 'error'; message: string } | undefined>();

  useEffect(() => {
    if (tabId === undefined) return;
    let polls = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      load(tabId).then(
        (r) => {
          setReply(r ?? { state: 'none' });
          // The database may still be loading, or the page still being read: ask again for a while.
          if ((!r || r.state !== 'ready') && ++polls < POLL_LIMIT) timer = setTimeout(tick, POLL_MS);
        },
        (e: Error) => setReply({ state: 'error', message: e.message }),
      );
    };
    tick();
    return () => clearTimeout(timer);
  }, [tabId]);

  return (
    <main class="popup" aria-labelledby="popup-title">
      <header class="head">
        <h1 id="popup-title">
          <span class="logo" aria-hidden="true" /> {t('extName')}
        </h1>
        {reply?.state === 'ready' && reply.report.article && (
          <p class="page" title={reply.report.article.title}>
            {reply.report.article.siteName ? `${reply.report.article.siteName} · ` : ''}
            {reply.report.article.title}
          </p>
        )}
      </header>
      <Body
        reply={reply}
        tabId={tabId}
        reveal={reveal}
        wrongMatch={
          wrongMatch && tabId !== undefined
            ? async (sentence) => {
                await wrongMatch(tabId, sentence);
                setReply(await load(tabId));
              }
            : undefined
        }
      />
      <footer class="foot">
        <span>
          {reply?.state === 'ready' ? tn('knownClaimsInPacks', reply.claims, tn('packs', reply.packs)) : ''}
          {t('checkedHere')}
        </span>
        {openOptions && (
          <button type="button" class="link" onClick={openOptions}>
            {t('settingsAndPacks')}
          </button>
        )}
      </footer>
    </main>
  );
}

function Empty({ title, children }: { title: string; children?: preact.ComponentChildren }) {
  return (
    <div class="empty" role="status">
      <p class="empty-title">{title}</p>
      {children && <p class="empty-text">{children}</p>}
    </div>
  );
}

function Body({
  reply,
  tabId,
  reveal,
  wrongMatch,
}: {
  reply: ReportReply | { state: 'error'; message: string } | undefined;
  tabId: number | undefined;
  reveal: PopupProps['reveal'];
  wrongMatch?: (sentence: number) => Promise<void>;
}) {
  if (tabId === undefined) return <Empty title={t('noTab')} />;
  if (!reply || reply.state === 'reading') return <Empty title={t('reading')} />;
  if (reply.state === 'error') return <Empty title={t('noBackground')}>{reply.message}</Empty>;
  if (reply.state === 'loading') return <Empty title={t('dbLoading')}>{t('dbLoadingText')}</Empty>;
  if (reply.state === 'none') return <Empty title={t('notChecked')}>{t('notCheckedText')}</Empty>;
  const { report } = reply;
  switch (report.status) {
    case 'site-off':
      return <Empty title={t('siteOff')}>{t('siteOffText')}</Empty>;
    case 'not-article':
      return <Empty title={t('notArticle')}>{t('notArticleText')}</Empty>;
    case 'unsupported-language':
      return <Empty title={t('otherLanguage')}>{t('otherLanguageText', report.article?.lang ?? '?')}</Empty>;
    case 'no-claims':
      return <Empty title={t('noClaims')}>{tn('noClaimsText', reply.claims)}</Empty>;
    case 'claims': {
      const claims = claimsOnPage(report.matches);
      return (
        <section aria-label={t('claimsOnPage')}>
          <p class="count" role="status">
            {tn('claimsFound', claims.length)}
          </p>
          <ol class="claims">
            {claims.map((c, i) => (
              <ClaimItem c={c} initiallyOpen={i === 0} onReveal={(sentence) => reveal(tabId, sentence)} onWrong={wrongMatch} />
            ))}
          </ol>
        </section>
      );
    }
  }
}

/** Export a claim card as ClaimReview JSON-LD: copied to the clipboard, or downloaded. */
function ExportReview({ c }: { c: ClaimOnPage }) {
  const [done, setDone] = useState('');
  const json = () => JSON.stringify(toClaimReview(c.claim), null, 2);
  return (
    <div class="export">
      <span class="label">{t('exportLabel')}</span>
      <button
        type="button"
        class="link"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(json());
            setDone(t('copied'));
          } catch {
            setDone(t('copyFailed'));
          }
        }}
      >
        {t('copy')}
      </button>
      <button
        type="button"
        class="link"
        onClick={() => {
          const a = document.createElement('a');
          a.href = URL.createObjectURL(new Blob([json()], { type: 'application/ld+json' }));
          a.download = `${c.claim.claimId}.claimreview.jsonld`;
          a.click();
          setTimeout(() => URL.revokeObjectURL(a.href), 1000);
          setDone(t('downloaded'));
        }}
      >
        {t('download')}
      </button>
      <span class="done" role="status">
        {done}
      </span>
    </div>
  );
}

/** The claim's coverage as a story in date order, with earlier anonymous reports marked when later on-record ones contradict them. */
function Timeline({ c }: { c: ClaimOnPage }) {
  const [open, setOpen] = useState(false);
  const id = `tl-${c.claim.key.replace(/[^\w-]/g, '_')}`;
  const items = open ? timelineOf(c.claim.coverage) : [];
  return (
    <div class="timeline">
      <button type="button" class="link tl-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {open ? t('storyHide') : t('storyShow')}
      </button>
      <ol id={id} class="tl" hidden={!open}>
        {items.map(({ item, supersededBy }) => (
          <li class={`tl-item tl-${item.stance}${supersededBy ? ' tl-superseded' : ''}`}>
            <span class="tl-date">{formatDate(item.published) || t('undated')}</span>
            <span class="tl-what">
              <strong>{item.outlet}</strong>
              {attributionLabel(item.attribution) ? ` (${attributionLabel(item.attribution)})` : ''}: {stanceLabel(item.stance)}
              {item.note ? ` — ${item.note}` : ''}
            </span>
            {supersededBy && (
              <span class="tl-sup">
                {t('supersededBy', supersededBy.outlet)}
                {supersededBy.published ? `, ${formatDate(supersededBy.published)}` : ''}
              </span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

const SIDES: Array<{ side: Side; label: MessageKey }> = [
  { side: 'corroborates', label: 'groupCorroborates' },
  { side: 'contradicts', label: 'groupContradicts' },
  { side: 'mixed', label: 'groupMixed' },
];

function ClaimItem({ c, initiallyOpen, onReveal, onWrong }: { c: ClaimOnPage; initiallyOpen: boolean; onReveal(sentence: number): Promise<boolean>; onWrong?: (sentence: number) => Promise<void> }) {
  const [missing, setMissing] = useState(false);
  const [open, setOpen] = useState(initiallyOpen);
  const coverageId = `cov-${c.claim.key.replace(/[^\w-]/g, '_')}`;
  const first = c.matches[0]!;
  const groups = SIDES.map(({ side, label }) => ({
    side,
    label,
    items: c.claim.coverage.filter((item) => sideOfPage(c.relation, item.stance) === side),
  }));
  return (
    <li class="claim-item">
      <button
        class="sentence"
        type="button"
        title={t('showInPageTitle')}
        onClick={() => void onReveal(first.sentence).then((ok) => setMissing(!ok))}
      >
        <span class="quote">“{first.text}”</span>
        <span class="go">
          {t('showInPage')}
          {c.matches.length > 1 ? tn('moreSentences', c.matches.length - 1) : ''} ›
        </span>
      </button>
      {missing && <p class="warn">{t('sentenceGone')}</p>}
      <div class={`rel rel-${c.relation}`}>
        <span aria-hidden="true">{relationMark(c.relation, c.hedged)}</span> {relationLabel(c.relation, c.hedged)}
        {c.conflicted ? t('conflicted') : ''}
      </div>
      <p class="claim-text">
        <span class="label">{t('claimLabel')}</span> {c.claim.text}
      </p>
      <p class={`why why-${confidenceOf(first.score).level}`}>
        {confidenceOf(first.score).words}
        {first.shared.length > 0 && t('wordsInCommon', first.shared.join(', '))}
        {onWrong && (
          <button type="button" class="link wrong" onClick={() => void onWrong(first.sentence)}>
            {t('wrongMatchQ')}
          </button>
        )}
      </p>
      {c.claim.rating && (
        <p class="rating">
          {t('factCheck')} <strong>{c.claim.rating.label}</strong>
          {c.claim.rating.outlet ? ` (${c.claim.rating.outlet})` : ''}
        </p>
      )}
      <button class="toggle" type="button" aria-expanded={open} aria-controls={coverageId} onClick={() => setOpen(!open)}>
        <span class="t-cor">{t('corroborateN', groups[0]!.items.length)}</span>
        <span class="t-con">{t('contradictN', groups[1]!.items.length)}</span>
        {groups[2]!.items.length > 0 && <span class="t-mix">{t('mixedN', groups[2]!.items.length)}</span>}
        <span class="chev" aria-hidden="true">{open ? '▴' : '▾'}</span>
        <span class="visually-hidden">{open ? t('hideSources') : t('showSources')}</span>
      </button>
      {/* What is closed is not made: a page with many claims listed every source of each, hidden, before it showed. */}
      <div id={coverageId} hidden={!open}>
        {open && groups.map((g) =>
          g.items.length === 0 && g.side === 'mixed' ? null : (
            <div class={`group group-${g.side}`}>
              <h2>
                {t(g.label)} <span class="n">({g.items.length})</span>
              </h2>
              {g.items.length ? (
                <ul class="covs">
                  {g.items.map((item) => (
                    <CoverageItem item={item} side={g.side} />
                  ))}
                </ul>
              ) : (
                <p class="none">{t('noCoverage')}</p>
              )}
            </div>
          ),
        )}
      </div>
      {c.claim.coverage.length > 1 && <Timeline c={c} />}
      <ExportReview c={c} />
      <p class="asof">
        {t('packDataAsOf', c.claim.packId === ONLINE_PACK_ID ? t('foundOnline') : c.claim.packTitle, formatDate(c.claim.packUpdated))}
      </p>
    </li>
  );
}
