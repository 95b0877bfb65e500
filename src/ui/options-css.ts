import { CONTENT_CSS, THEME_CSS } from './theme';

export const OPTIONS_CSS = `
  ${THEME_CSS}
  ${CONTENT_CSS}
  html, body { margin: 0; background: var(--cl-soft); color: var(--cl-fg); font: 14px/1.45 var(--cl-font); }
  .options { max-width: 860px; margin: 0 auto; padding: 24px 20px 48px; }
  .head h1 { margin: 0; font-size: 22px; display: flex; align-items: center; gap: 9px; }
  .logo { width: 18px; height: 18px; border-radius: 4px; background: linear-gradient(135deg, #fbbf24, #d97706); display: inline-block; }
  .sub { margin: 4px 0 16px; color: var(--cl-muted); }
  .card { background: var(--cl-bg); border: 1px solid var(--cl-line); border-radius: 12px; padding: 16px 18px; margin-bottom: 14px; }
  .card h2 { margin: 0 0 8px; font-size: 16px; }
  .muted { color: var(--cl-muted); } .small { font-size: 12px; } .block { display: block; }
  table.packs { width: 100%; border-collapse: collapse; margin: 6px 0 10px; }
  .packs th { text-align: left; font-size: 11.5px; text-transform: uppercase; letter-spacing: .04em; color: var(--cl-muted); border-bottom: 1px solid var(--cl-line); padding: 6px 8px; }
  .packs td { vertical-align: top; border-bottom: 1px solid var(--cl-line); padding: 9px 8px; }
  .url { word-break: break-all; font-size: 12.5px; }
  .actions { white-space: nowrap; text-align: right; }
  .packs .nowrap { white-space: nowrap; }
  .packs td:first-child { min-width: 12em; }
  .actions button { margin-left: 6px; }
  button { font: inherit; border: 1px solid var(--cl-border); background: var(--cl-bg); color: var(--cl-fg); border-radius: 7px; padding: 5px 11px; cursor: pointer; }
  button:hover:not(:disabled) { background: var(--cl-hover); }
  button:disabled { opacity: .55; cursor: default; }
  button.primary { background: var(--cl-primary); border-color: var(--cl-primary); color: var(--cl-on-accent); font-weight: 600; }
  button.primary:hover:not(:disabled) { background: var(--cl-primary-hover); }
  button.danger { color: var(--cl-con); }
  button.link { border: 0; background: none; color: var(--cl-link); padding: 0 4px; text-decoration: underline; }
  button:focus-visible, input:focus-visible { outline: 2px solid var(--cl-accent); outline-offset: 2px; }
  label { display: block; font-weight: 600; margin: 10px 0 4px; }
  input[type=url], input:not([type]), input[type=password] { box-sizing: border-box; width: 100%; font: inherit; padding: 7px 9px; border: 1px solid var(--cl-border); border-radius: 7px; background: var(--cl-bg); color: var(--cl-fg); }
  form button[type=submit] { margin-top: 10px; }
  form.inline { display: flex; gap: 8px; margin-top: 8px; } form.inline input { flex: 1; } form.inline button { margin-top: 0; }
  .row { display: flex; gap: 12px; align-items: center; }
  .outcome { margin: 8px 0 0; font-size: 13px; border-radius: 7px; padding: 6px 9px; }
  .outcome.ok { background: var(--cl-ok-bg); color: var(--cl-ok); } .outcome.bad { background: var(--cl-bad-bg); color: var(--cl-bad); }
  fieldset { border: 0; margin: 0; padding: 0; }
  label.radio, label.switch { display: flex; gap: 9px; align-items: flex-start; font-weight: 500; margin: 8px 0; cursor: pointer; }
  label.radio input, label.switch input { margin-top: 3px; }
  ul.sites { list-style: none; padding: 0; margin: 6px 0; } ul.sites li { display: flex; justify-content: space-between; padding: 5px 0; border-bottom: 1px solid var(--cl-line); }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
