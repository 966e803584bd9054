/** The report's one stylesheet, inlined into the page (no network at view time). */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --line: #d9dce0; --soft: #f5f6f8; --bad: #b3261e; --good: #13734b; --warn: #8a5a00; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 40px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 28px 0 6px; }
h4 { font-size: 14px; margin: 18px 0 4px; color: var(--muted); font-weight: 600; }
p.note, .muted { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
.status { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; background: var(--soft); }
.status-succeeded, .status-completed { color: var(--good); background: #e3f4ec; }
.status-failed { color: var(--bad); background: #fbe6e4; }
.status-interrupted, .status-running, .status-pending { color: var(--warn); background: #fbf1dc; }
.counts span { margin-right: 14px; }
code, .code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
figure { margin: 10px 0 18px; }
figure svg.chart { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
figcaption { color: var(--muted); font-size: 12.5px; margin-top: 2px; }
section.run { border-left: 3px solid var(--line); padding-left: 14px; margin-left: 2px; }
nav.toc ul { margin: 4px 0; padding-left: 20px; columns: 2; }
footer { margin-top: 48px; color: var(--muted); font-size: 12.5px; }
@media print { main { max-width: none; } figure { break-inside: avoid; } }
`;
