/**
 * The portal's one stylesheet, served at /portal/assets/portal.css. Colours keep a
 * contrast of at least 4.5:1 (WCAG AA) for text; focus is always visible; one column that
 * fits a phone, wider only where there is room.
 */
export const PORTAL_CSS = `
:root { --ink: #1a1a1a; --muted: #4a4a4a; --paper: #ffffff; --line: #c8c8c8; --brand: #0b4f8a; --brand-ink: #ffffff; --alert: #9b1c1c; --ok: #1e5e2f; --soft: #f3f6f9; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: var(--soft); line-height: 1.5; }
a { color: var(--brand); }
.skip { position: absolute; left: -999px; top: 0; background: var(--brand); color: var(--brand-ink); padding: .5rem 1rem; }
.skip:focus { left: 0; }
header.site, footer.site { background: var(--brand); color: var(--brand-ink); padding: .75rem 1rem; }
header.site p, footer.site p { margin: 0; }
header.site .agency { font-weight: 700; font-size: 1.15rem; }
footer.site { background: #243342; font-size: .9rem; margin-top: 2rem; }
main { max-width: 44rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 0 0 .75rem; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 0 0 1rem; }
.balance .amount { font-size: 2rem; font-weight: 700; margin: 0; }
label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
.choice { display: flex; align-items: center; gap: .5rem; margin: .25rem 0; }
.choice label { font-weight: 400; margin: 0; }
input[type=text], input[type=number], input[type=date], select, textarea { width: 100%; font: inherit; padding: .6rem; border: 2px solid #6b6b6b; border-radius: .35rem; background: var(--paper); color: var(--ink); }
input[type=radio] { width: 1.25rem; height: 1.25rem; }
input[type=file] { display: block; font: inherit; margin: .25rem 0; }
fieldset { border: 1px solid var(--line); border-radius: .35rem; margin: .75rem 0; padding: .5rem .75rem; }
legend { font-weight: 600; padding: 0 .25rem; }
button { display: inline-block; margin-top: 1rem; font: inherit; font-weight: 600; padding: .7rem 1.2rem; min-height: 2.75rem; border: 0; border-radius: .35rem; background: var(--brand); color: var(--brand-ink); cursor: pointer; }
button.secondary { background: #3d4a57; }
:focus-visible { outline: 3px solid #e08a00; outline-offset: 2px; }
.hint { color: var(--muted); margin: 0 0 .25rem; }
.alert { border-left: 6px solid var(--alert); background: #fdeeee; color: var(--alert); padding: .75rem 1rem; margin: 0 0 1rem; font-weight: 600; }
.notice { border-left: 6px solid var(--ok); background: #e9f5ec; color: var(--ok); padding: .75rem 1rem; margin: 0 0 1rem; font-weight: 600; }
.scroll { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.contact { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.contact dt { font-weight: 600; }
dl.contact dd { margin: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (min-width: 40rem) { main { padding: 2rem 1rem; } }
`;
