/** Colours and type shared by the card (in the page's shadow root) and the extension pages. */
export const THEME_CSS = `
  :host, :root {
    color-scheme: light dark;
    --cl-bg: #ffffff; --cl-fg: #1d2330; --cl-muted: #5b6476; --cl-line: #e2e5eb; --cl-soft: #f5f6f8;
    --cl-asserts: #9a5b00; --cl-asserts-bg: #fff3d6; --cl-denies: #0b5cad; --cl-denies-bg: #e3f0ff;
    --cl-cor: #1e7a3c; --cl-con: #b3261e; --cl-mix: #6b5a00; --cl-mix-dot: #8a7a2a; --cl-accent: #d97706;
    --cl-link: #1446a0; --cl-quote: #333a48; --cl-hover: #eef0f4; --cl-border: #c8ccd6; --cl-on-accent: #ffffff;
    --cl-ok-bg: #e8f5ec; --cl-ok: #14532d; --cl-bad-bg: #fdecea; --cl-bad: #8a1c13; --cl-primary: #b45309; --cl-primary-hover: #92400e;
    --cl-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  }
  /* Dark, following the system: every colour keeps at least 4.5:1 contrast with its background. */
  @media (prefers-color-scheme: dark) {
    :host, :root {
      --cl-bg: #1d2027; --cl-fg: #e7e9ee; --cl-muted: #a5adbb; --cl-line: #363b47; --cl-soft: #14161b;
      --cl-asserts: #ffc45c; --cl-asserts-bg: #3a2c10; --cl-denies: #8cc4ff; --cl-denies-bg: #132a44;
      --cl-cor: #6fd38f; --cl-con: #ff8a80; --cl-mix: #e2cf6a; --cl-mix-dot: #b59f38; --cl-accent: #f5a524;
      --cl-link: #9cc2ff; --cl-quote: #d0d4dc; --cl-hover: #262a33; --cl-border: #4a5060; --cl-on-accent: #111111;
      --cl-ok-bg: #15311f; --cl-ok: #a6e9bb; --cl-bad-bg: #3b1714; --cl-bad: #ffb4ab; --cl-primary: #f5a524; --cl-primary-hover: #ffbf52;
    }
  }
`;

export const CONTENT_CSS = `
  .cov { display: flex; gap: 8px; padding: 6px 0; border-top: 1px solid var(--cl-line); list-style: none; }
  .cov:first-child { border-top: 0; }
  .cov-icon { flex: none; width: 18px; height: 18px; border-radius: 50%; font-size: 11px; line-height: 18px; text-align: center; color: var(--cl-bg); font-weight: 600; margin-top: 1px; }
  .cov-corroborates .cov-icon { background: var(--cl-cor); }
  .cov-contradicts .cov-icon { background: var(--cl-con); }
  .cov-mixed .cov-icon { background: var(--cl-mix-dot); }
  .cov-body { min-width: 0; }
  .cov-meta { font-size: 11px; color: var(--cl-muted); display: flex; gap: 6px; flex-wrap: wrap; }
  .cov-outlet { font-weight: 600; color: var(--cl-fg); }
  .cov-kind { font-size: 11px; border: 1px solid var(--cl-line); border-radius: 3px; padding: 0 4px; }
  .cov-title { display: block; font-size: 13px; color: var(--cl-fg); line-height: 1.3; margin-top: 1px; }
  a.cov-title { color: var(--cl-link); text-decoration: none; }
  a.cov-title:hover, a.cov-title:focus-visible { text-decoration: underline; }
  .cov-note { font-size: 12px; color: var(--cl-muted); margin-top: 2px; line-height: 1.35; }
  .covs { margin: 6px 0 0; padding: 0; }
  .rel { display: inline-flex; align-items: center; gap: 5px; font-size: 12px; font-weight: 600; border-radius: 4px; padding: 2px 7px; }
  .rel-asserts { color: var(--cl-asserts); background: var(--cl-asserts-bg); }
  .rel-denies { color: var(--cl-denies); background: var(--cl-denies-bg); }
`;

/**
 * The card's text comes in six faces (size and weight): 13, 12 and 11 px regular and 14.5, 12 and 11 px semibold. On
 * the first card a page shows, the browser looks up each face anew (fontconfig, on Linux): with the twelve it had,
 * that was a fifth of the first card's time (`npm run bench:ab -- A B --card`). A new face in the card should be
 * worth that.
 */
export const CARD_CSS = `
  ${THEME_CSS}
  ${CONTENT_CSS}
  .card { box-sizing: border-box; width: 360px; max-width: calc(100vw - 16px); background: var(--cl-bg); color: var(--cl-fg);
    font: 13px/1.4 var(--cl-font); border: 1px solid var(--cl-line); border-radius: 10px; padding: 12px 14px;
    box-shadow: 0 8px 28px rgba(15, 23, 42, .18), 0 1px 3px rgba(15, 23, 42, .12); text-align: left;
    max-height: min(460px, calc(100vh - 16px), var(--cl-card-room, 100vh)); display: flex; flex-direction: column;
    overflow-y: auto; overscroll-behavior: contain; }
  .card > * { flex: none; }
  .card > .covs { flex: 1 1 auto; min-height: 0; overflow-y: auto; overscroll-behavior: contain; }
  .claim { margin: 8px 0 6px; font-size: 14.5px; font-weight: 600; line-height: 1.35; }
  .tally { display: flex; gap: 10px; font-size: 12px; font-weight: 600; }
  .t-sup { color: var(--cl-cor); } .t-ref { color: var(--cl-con); } .t-mix { color: var(--cl-mix); }
  .t-lbl { color: var(--cl-muted); font-weight: 400; }
  .legend { margin-top: 8px; font-size: 11px; color: var(--cl-muted); }
  .rating { font-size: 12px; margin-top: 4px; }
  .foot { margin-top: 8px; font-size: 11px; color: var(--cl-muted); border-top: 1px solid var(--cl-line); padding-top: 6px; display: flex; justify-content: space-between; gap: 8px; align-items: center; }
  .card:focus-visible { outline: 3px solid var(--cl-accent); outline-offset: 2px; }
  .card-top { display: flex; justify-content: space-between; align-items: center; }
  .close { border: 0; background: none; font: 600 14.5px/1 var(--cl-font); color: var(--cl-muted); cursor: pointer; padding: 0; min-width: 24px; min-height: 24px; margin: -4px -5px -4px 0; }
  .why { margin: 0 0 6px; font-size: 12px; color: var(--cl-muted); }
  .why-strong { color: var(--cl-fg); }
  .shared { color: var(--cl-muted); }
  .wrong { border: 1px solid var(--cl-line); background: var(--cl-bg); color: var(--cl-fg); border-radius: 6px; font: 600 11px var(--cl-font); padding: 3px 7px; cursor: pointer; white-space: nowrap; }
  .wrong:hover { border-color: var(--cl-con); color: var(--cl-con); }
  .close:focus-visible, .wrong:focus-visible, a:focus-visible { outline: 2px solid var(--cl-accent); outline-offset: 2px; }
`;
