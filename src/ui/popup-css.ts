import { CONTENT_CSS, THEME_CSS } from './theme';

export const POPUP_CSS = `
  ${THEME_CSS}
  ${CONTENT_CSS}
  html, body { margin: 0; }
  body { width: 420px; max-height: 600px; background: var(--cl-soft); color: var(--cl-fg); font: 13px/1.4 var(--cl-font); }
  .popup { display: flex; flex-direction: column; }
  .head { background: var(--cl-bg); padding: 12px 14px 10px; border-bottom: 1px solid var(--cl-line); }
  h1 { margin: 0; font-size: 15px; display: flex; align-items: center; gap: 7px; }
  .logo { width: 14px; height: 14px; border-radius: 3px; background: linear-gradient(135deg, #fbbf24, #d97706); display: inline-block; }
  .page { margin: 4px 0 0; color: var(--cl-muted); font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .count { margin: 10px 14px 6px; font-weight: 600; }
  .claims { list-style: none; margin: 0; padding: 0 10px 10px; display: flex; flex-direction: column; gap: 10px; }
  .claim-item { background: var(--cl-bg); border: 1px solid var(--cl-line); border-radius: 10px; padding: 10px 12px; }
  .sentence { display: block; width: 100%; text-align: left; background: var(--cl-soft); border: 1px solid var(--cl-line); border-radius: 8px;
    padding: 7px 9px; cursor: pointer; font: inherit; color: inherit; margin-bottom: 8px; }
  .sentence:hover { border-color: var(--cl-border); background: var(--cl-hover); }
  .sentence:focus-visible, a:focus-visible { outline: 2px solid var(--cl-accent); outline-offset: 2px; }
  .quote { display: block; font-style: italic; color: var(--cl-quote); display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
  .go { display: block; margin-top: 4px; font-size: 11.5px; color: var(--cl-link); font-weight: 600; }
  .warn { color: var(--cl-con); font-size: 12px; margin: -4px 0 6px; }
  .claim-text { margin: 7px 0 4px; font-size: 14px; font-weight: 600; line-height: 1.35; }
  .label { font-size: 10px; text-transform: uppercase; letter-spacing: .05em; color: var(--cl-muted); font-weight: 700; margin-right: 4px; }
  .rating { margin: 2px 0; font-size: 12px; }
  .toggle { display: flex; width: 100%; gap: 10px; align-items: center; background: none; border: 0; border-top: 1px solid var(--cl-line);
    margin-top: 6px; padding: 7px 0 2px; font: 600 12px var(--cl-font); cursor: pointer; text-align: left; }
  .toggle:focus-visible { outline: 2px solid var(--cl-accent); outline-offset: 2px; }
  .t-cor { color: var(--cl-cor); } .t-con { color: var(--cl-con); } .t-mix { color: var(--cl-mix); }
  .chev { margin-left: auto; color: var(--cl-muted); font-size: 14px; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .group { margin-top: 8px; }
  .group h2 { margin: 0 0 2px; font-size: 11.5px; text-transform: uppercase; letter-spacing: .04em; }
  .group-corroborates h2 { color: var(--cl-cor); } .group-contradicts h2 { color: var(--cl-con); } .group-mixed h2 { color: var(--cl-mix); }
  .group h2 .n { color: var(--cl-muted); font-weight: 500; }
  .none { margin: 2px 0; color: var(--cl-muted); font-size: 12px; }
  .why { margin: 0 0 4px; font-size: 11.5px; color: var(--cl-muted); }
  .why .wrong { margin-left: 6px; font-size: 11.5px; }
  .link { border: 0; background: none; color: var(--cl-link); font: inherit; font-weight: 600; cursor: pointer; padding: 0; }
  .link:focus-visible { outline: 2px solid var(--cl-accent); outline-offset: 2px; }
  .timeline { margin-top: 8px; }
  .export { display: flex; gap: 10px; align-items: baseline; margin-top: 8px; font-size: 12px; }
  .export .done { color: var(--cl-muted); }
  .tl-toggle { font-size: 12px; }
  .tl { list-style: none; margin: 6px 0 0; padding: 0 0 0 12px; border-left: 2px solid var(--cl-line); }
  .tl-item { position: relative; padding: 3px 0 7px 8px; font-size: 12px; }
  .tl-item::before { content: ''; position: absolute; left: -18px; top: 7px; width: 8px; height: 8px; border-radius: 50%; background: var(--cl-muted); border: 2px solid var(--cl-bg); }
  .tl-supports::before { background: var(--cl-cor); } .tl-refutes::before { background: var(--cl-con); } .tl-mixed::before { background: var(--cl-mix-dot); }
  .tl-date { display: block; font-weight: 700; color: var(--cl-muted); font-size: 11px; }
  .tl-superseded .tl-what { text-decoration: line-through; text-decoration-color: var(--cl-muted); }
  .tl-sup { display: block; color: var(--cl-con); font-weight: 600; font-size: 11.5px; }
  .asof { margin: 8px 0 0; font-size: 11px; color: var(--cl-muted); border-top: 1px solid var(--cl-line); padding-top: 6px; }
  .empty { margin: 18px 16px; background: var(--cl-bg); border: 1px solid var(--cl-line); border-radius: 10px; padding: 14px; }
  .empty-title { margin: 0; font-weight: 600; font-size: 14px; }
  .empty-text { margin: 6px 0 0; color: var(--cl-muted); }
  .foot { display: flex; justify-content: space-between; gap: 8px; padding: 8px 14px 10px; color: var(--cl-muted); font-size: 11px; border-top: 1px solid var(--cl-line); background: var(--cl-bg); }
  .foot .link { border: 0; background: none; color: var(--cl-link); font: inherit; font-weight: 600; cursor: pointer; padding: 0; white-space: nowrap; }
`;
