/** Colours and type shared by the card (in the page's shadow root) and the extension pages. */
export const THEME_CSS = `
  :host, :root {
    --cl-bg: #ffffff; --cl-fg: #1d2330; --cl-muted: #5b6476; --cl-line: #e2e5eb; --cl-soft: #f5f6f8;
    --cl-asserts: #9a5b00; --cl-asserts-bg: #fff3d6; --cl-denies: #0b5cad; --cl-denies-bg: #e3f0ff;
    --cl-cor: #1e7a3c; --cl-con: #b3261e; --cl-mix: #6b5a00; --cl-accent: #d97706;
    --cl-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  }
`;

export const CONTENT_CSS = `
  .cov { display: flex; gap: 8px; padding: 6px 0; border-top: 1px solid var(--cl-line); list-style: none; }
  .cov:first-child { border-top: 0; }
  .cov-icon { flex: none; width: 18px; height: 18px; border-radius: 50%; font-size: 11px; line-height: 18px; text-align: center; color: #fff; font-weight: 700; margin-top: 1px; }
  .cov-corroborates .cov-icon { background: var(--cl-cor); }
  .cov-contradicts .cov-icon { background: var(--cl-con); }
  .cov-mixed .cov-icon { background: #8a7a2a; }
  .cov-body { min-width: 0; }
  .cov-meta { font-size: 11.5px; color: var(--cl-muted); display: flex; gap: 6px; flex-wrap: wrap; }
  .cov-outlet { font-weight: 600; color: var(--cl-fg); }
  .cov-kind { text-transform: uppercase; letter-spacing: .03em; font-size: 10px; border: 1px solid var(--cl-line); border-radius: 3px; padding: 0 4px; }
  .cov-title { display: block; font-size: 13px; color: var(--cl-fg); line-height: 1.3; margin-top: 1px; }
  a.cov-title { color: #1446a0; text-decoration: none; }
  a.cov-title:hover, a.cov-title:focus-visible { text-decoration: underline; }
  .cov-note { font-size: 12px; color: var(--cl-muted); margin-top: 2px; line-height: 1.35; }
  .covs { margin: 6px 0 0; padding: 0; }
  .rel { display: inline-flex; align-items: center; gap: 5px; font-size: 12px; font-weight: 600; border-radius: 4px; padding: 2px 7px; }
  .rel-asserts { color: var(--cl-asserts); background: var(--cl-asserts-bg); }
  .rel-denies { color: var(--cl-denies); background: var(--cl-denies-bg); }
`;

export const CARD_CSS = `
  ${THEME_CSS}
  ${CONTENT_CSS}
  .card { box-sizing: border-box; width: 360px; max-width: calc(100vw - 16px); background: var(--cl-bg); color: var(--cl-fg);
    font: 13px/1.4 var(--cl-font); border: 1px solid var(--cl-line); border-radius: 10px; padding: 12px 14px;
    box-shadow: 0 8px 28px rgba(15, 23, 42, .18), 0 1px 3px rgba(15, 23, 42, .12); text-align: left;
    max-height: min(460px, calc(100vh - 16px)); display: flex; flex-direction: column; }
  .card > * { flex: none; }
  .card > .covs { flex: 1 1 auto; min-height: 0; overflow-y: auto; overscroll-behavior: contain; }
  .claim { margin: 8px 0 6px; font-size: 14.5px; font-weight: 600; line-height: 1.35; }
  .tally { display: flex; gap: 10px; font-size: 12px; font-weight: 600; }
  .t-sup { color: var(--cl-cor); } .t-ref { color: var(--cl-con); } .t-mix { color: var(--cl-mix); }
  .t-lbl { color: var(--cl-muted); font-weight: 500; }
  .legend { margin-top: 8px; font-size: 11px; color: var(--cl-muted); }
  .rating { font-size: 12px; margin-top: 4px; }
  .foot { margin-top: 8px; font-size: 11px; color: var(--cl-muted); border-top: 1px solid var(--cl-line); padding-top: 6px; display: flex; justify-content: space-between; gap: 8px; align-items: center; }
  .card:focus-visible { outline: 3px solid var(--cl-accent); outline-offset: 2px; }
  .card-top { display: flex; justify-content: space-between; align-items: center; }
  .close { border: 0; background: none; font: 18px/1 var(--cl-font); color: var(--cl-muted); cursor: pointer; padding: 0 2px; }
  .why { margin: 0 0 6px; font-size: 12px; color: var(--cl-muted); }
  .why-strong { color: var(--cl-fg); }
  .shared { color: var(--cl-muted); }
  .wrong { border: 1px solid var(--cl-line); background: var(--cl-bg); color: var(--cl-fg); border-radius: 6px; font: 600 11px var(--cl-font); padding: 3px 7px; cursor: pointer; white-space: nowrap; }
  .wrong:hover { border-color: var(--cl-con); color: var(--cl-con); }
  .close:focus-visible, .wrong:focus-visible, a:focus-visible { outline: 2px solid var(--cl-accent); outline-offset: 2px; }
`;
