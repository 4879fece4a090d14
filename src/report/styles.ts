// The one stylesheet of the review pages, inlined in each so a page is a single file: a CJK font
// stack, a comfortable line height for Han text, wrapping of long lines, and colours that also
// read without colour (insertions underlined, deletions struck through; a removed repeat sits
// beside its first copy rather than struck through, which is tiring to read in Chinese).
export const styles = `
:root {
  --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --page: #f6f8fa; --card: #ffffff;
  --ins-bg: #d2f4d9; --ins-text: #0b4f1e; --del-bg: #ffdcd7; --del-text: #86061d;
  --removed: #cf222e; --removed-bg: #fff5f4; --first: #0969da; --first-bg: #f3f8ff;
  --changed: #9a6700; --target: #fff3b0;
}
* { box-sizing: border-box; }
html { scroll-padding-top: 1rem; }
body {
  margin: 0; background: var(--page); color: var(--text);
  font-family: "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
    "WenQuanYi Micro Hei", "Noto Sans", system-ui, -apple-system, "Segoe UI", sans-serif;
  font-size: 16px; line-height: 1.6;
}
main, header.page { max-width: 64rem; margin: 0 auto; padding: 0 1.25rem; }
header.page { padding-top: 1.25rem; padding-bottom: 0.5rem; }
nav a, a { color: var(--first); }
h1 { font-size: 1.5rem; margin: 0.25rem 0 0.5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 1.75rem 0 0.75rem; }
.meta { color: var(--muted); margin: 0 0 0.75rem; font-size: 0.9rem; overflow-wrap: anywhere; }
.figures { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0 0 0.75rem; }
.figures li { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 0.3rem 0.7rem; }
.figures b { font-variant-numeric: tabular-nums; font-size: 1.1rem; margin-right: 0.25rem; }
.figures .removed b { color: var(--removed); }
.figures .fixes b { color: var(--ins-text); }
.figures .warnings b, .figures .errors b { color: var(--changed); }
.legend { font-size: 0.85rem; color: var(--muted); }
.legend > * { margin-right: 0.75rem; }
.swatch { padding: 0 0.35rem; border-left: 4px solid; }
.swatch.removed { border-color: var(--removed); background: var(--removed-bg); }
.swatch.first-copy { border-color: var(--first); background: var(--first-bg); }
.swatch.changed { border-color: var(--changed); background: var(--card); }
ol.lines { list-style: none; margin: 0; padding: 0; }
.para {
  display: grid; grid-template-columns: 3.5rem 1fr; gap: 0 0.75rem;
  background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--line);
  border-radius: 6px; margin: 0 0 0.6rem; padding: 0.6rem 0.9rem 0.7rem 0;
}
.para:target { background: var(--target); box-shadow: 0 0 0 3px #d4a72c; }
.ln { text-align: right; color: var(--muted); font-size: 0.8rem; font-variant-numeric: tabular-nums;
  padding-top: 0.3rem; text-decoration: none; }
.body { min-width: 0; }
.label { display: block; font-size: 0.8rem; font-weight: 600; margin-bottom: 0.2rem; letter-spacing: 0.02em; }
.text { font-size: 1.05rem; line-height: 1.9; white-space: pre-wrap; overflow-wrap: anywhere; word-break: normal;
  margin: 0; }
.changed { border-left-color: var(--changed); }
.changed .label { color: var(--changed); }
.first-copy { border-left-color: var(--first); }
.first-copy .label { color: var(--first); }
.removed { border-left-color: var(--removed); background: var(--removed-bg); }
.removed .label { color: var(--removed); }
.removed .text { color: #5c1a1a; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0.75rem; }
@media (max-width: 40rem) { .pair { grid-template-columns: 1fr; } }
.copy { border-left: 3px solid; padding-left: 0.6rem; min-width: 0; }
.copy.first-copy { border-color: var(--first); background: var(--first-bg); }
.copy.removed { border-color: var(--removed); }
mark.first-span { background: var(--first-bg); box-shadow: inset 0 -2px 0 var(--first); color: inherit; }
.note { font-size: 0.85rem; color: var(--muted); margin: 0.3rem 0 0; }
.removed-note { color: var(--removed); }
ins { background: var(--ins-bg); color: var(--ins-text); text-decoration: underline; text-decoration-color: #1a7f37;
  text-underline-offset: 0.2em; border-radius: 2px; }
del { background: var(--del-bg); color: var(--del-text); text-decoration: line-through; border-radius: 2px; }
del.repeat { background: var(--removed-bg); color: #5c1a1a; text-decoration-color: rgba(207, 34, 46, 0.6);
  box-shadow: inset 0 -2px 0 rgba(207, 34, 46, 0.35); }
.cp { font: 0.7rem/1 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; border: 1px dashed currentColor;
  border-radius: 3px; padding: 0 0.2em; margin: 0 0.1em; vertical-align: 0.15em; white-space: nowrap; }
.gap { color: var(--muted); font-size: 0.85rem; margin: -0.1rem 0 0.5rem 4.25rem; }
.empty { color: var(--muted); background: var(--card); border: 1px dashed var(--line); border-radius: 6px; padding: 1rem; }
table { border-collapse: collapse; width: 100%; background: var(--card); border: 1px solid var(--line);
  font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--line);
  overflow-wrap: anywhere; }
th { background: #eef1f4; font-weight: 600; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.sev { display: inline-block; font-size: 0.75rem; font-weight: 600; border-radius: 999px; padding: 0 0.55rem;
  white-space: nowrap; }
@media (min-width: 48rem) {
  td.rule code { white-space: nowrap; }
  td.fix { min-width: 8rem; }
}
details.fixes { margin-top: 1.75rem; }
details.fixes > summary { cursor: pointer; color: var(--muted); }
details.fixes > summary h2 { display: inline; margin: 0; color: var(--text); }
details.fixes[open] > summary { margin-bottom: 0.75rem; }
.sev.error { background: #ffebe9; color: #a40e26; }
.sev.warning { background: #fff8c5; color: #7d4e00; }
.sev.info { background: #ddf4ff; color: #0550ae; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85em; }
tr.failed td { background: var(--removed-bg); }
.status.ok { color: var(--ins-text); }
.status.failed { color: var(--removed); font-weight: 600; }
nav { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
.spacer { flex: 1; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 0.5rem 0 0.75rem; font-size: 0.9rem; }
.pager { margin: 0.75rem 0; font-size: 0.9rem; }
kbd { font: 0.75rem ui-monospace, monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px;
  padding: 0 0.3em; background: var(--card); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
.status.warnings { color: #7d4e00; font-weight: 600; }
.status.removals { color: var(--removed); }
.status.changed { color: var(--changed); }
.status.unchanged { color: var(--muted); }
.statuses li.failed b { color: var(--removed); }
.statuses li.warnings b { color: #7d4e00; }
tr.selected td { background: var(--target); }
tr.viewed td:first-child a { color: var(--muted); }
.viewed-mark { color: var(--ins-text); }
td.rules code { font-size: 0.8rem; }
td.decision { white-space: nowrap; }
ins.unusual, del.unusual { outline: 2px solid #bf8700; outline-offset: 1px; }
ins.quiet { background: none; color: inherit; text-decoration: none; }
del.quiet { display: none; }
ins.is-rejected { background: none; color: var(--muted); text-decoration: line-through; }
del.is-rejected { background: var(--target); text-decoration: none; }
ins[data-id], del[data-id] { cursor: pointer; }
button.reject { white-space: nowrap; font-size: 0.75rem; border: 1px solid var(--line); border-radius: 4px; background: var(--card);
  cursor: pointer; margin-left: 0.5rem; }
button.reject.is-rejected { background: #ffebe9; border-color: var(--removed); color: var(--removed); }
.risks h2:first-child { margin-top: 0.75rem; }
.rule-toggles label { white-space: nowrap; margin-right: 0.5rem; }
section.record { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 0.25rem 0.9rem 0.5rem;
  margin: 0 0 0.9rem; }
section.record h3 { font-size: 1rem; margin: 0.4rem 0; }
.current { outline: 3px solid #d4a72c; }
footer { max-width: 64rem; margin: 2rem auto; padding: 0 1.25rem; color: var(--muted); font-size: 0.8rem; }
`
