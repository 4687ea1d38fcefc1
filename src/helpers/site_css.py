"""The site's one stylesheet, inlined into every page (no file to fetch, so pages work offline).

Written for two widths that must both work: a desktop column (1280 px) and a phone (390 px).
Nothing may be wider than the column: charts scale down, tables scroll inside their own box,
long words and addresses wrap. Japanese text falls back to Noto Sans CJK (Debian's
``fonts-noto-cjk``, installed by the setup) where the system font lacks the glyphs.
"""

from __future__ import annotations

__all__ = ["CSS"]

CSS = """
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #0b5cad;
  --navy: #12324f; --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.55 var(--sans); }
a { color: var(--accent); }
img, svg { max-width: 100%; height: auto; }
p, li, dd, blockquote, summary, h1, h2, h3 { overflow-wrap: break-word; }

/* Navigation: wraps on a phone; the notebook list is a menu that opens without script. */
nav.site { background: var(--navy); color: #e8f0f8; padding: .5rem 1rem; font-size: .95rem;
  display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem 1.1rem; }
nav.site a { color: #e8f0f8; text-decoration: none; }
nav.site a:hover, nav.site a[aria-current] { color: #fff; text-decoration: underline; }
nav.site .brand { font-weight: 700; color: #fff; margin-right: auto; }
nav.site ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem 1.1rem; }
nav.site details { flex-basis: 100%; }
nav.site summary { cursor: pointer; color: #fff; font-weight: 600; }
nav.site ol { margin: .3rem 0 .2rem; padding-left: 1rem; list-style: none; }
nav.site ol li { margin: .15rem 0; }

main { max-width: 52rem; margin: 0 auto; padding: 1rem 1rem 2rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: .6rem 0 .4rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin-top: 2rem; border-bottom: 1px solid var(--line);
  padding-bottom: .2rem; }
h3 { font-size: 1.1rem; }
a.anchor-link { display: none; }
p.lead { font-size: 1.1rem; color: var(--muted); }
.meta { color: var(--muted); font-size: .9rem; }
details.meta { margin: .3rem 0; }
details.meta > p { margin: .2rem 0 .2rem 1rem; }
.tag { display: inline-block; background: #e7f0fa; color: var(--navy); border-radius: .8rem;
  padding: 0 .55rem; font-size: .8rem; font-weight: 600; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK JP",
  monospace; font-size: .86rem; }
pre { background: var(--soft); padding: .6rem .8rem; overflow-x: auto; border-radius: 4px; }

/* Contents of a page and the way to the neighbouring notebooks. */
nav.toc { background: var(--soft); border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; }
nav.toc summary { cursor: pointer; font-weight: 600; }
nav.toc ul { margin: .4rem 0 .2rem; padding-left: .2rem; list-style: none; }
nav.toc li { margin: .15rem 0; }
nav.pager { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .6rem;
  border-top: 1px solid var(--line); margin-top: 2.5rem; padding-top: .8rem; }
nav.pager a { display: block; max-width: 100%; text-decoration: none; }
nav.pager .next { margin-left: auto; text-align: right; }
nav.pager span { display: block; color: var(--muted); font-size: .8rem; }

/* Tables: readable widths; a wide table scrolls inside its own box, never the page. */
.table-wrap { max-width: 100%; overflow-x: auto; margin: .8rem 0; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .6rem; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; min-width: 7rem; max-width: 28rem; }
thead th { background: var(--soft); border-bottom: 2px solid var(--line); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; min-width: 0; }
th.num { text-align: right; }
td.id { font-size: .8rem; min-width: 7rem; }
td.date { white-space: nowrap; }
tr:target, li:target, article:target { background: #fff8c5; }
details > summary { cursor: pointer; }
details.fold, details.cj-table-fold { margin: .8rem 0; }
details.fold > summary, details.cj-table-fold > summary { font-weight: 600; }
.cj-table-caption { font-weight: 600; margin: 1rem 0 .2rem; }

/* Notebook cells: code folded, outputs in the column, charts scaled to fit. */
details.code { margin: .3rem 0; }
details.code summary { color: var(--muted); font-size: .82rem; }
.cell { margin: .4rem 0; }
.prompt { display: none; }
.output_area pre { background: transparent; padding: .2rem 0; white-space: pre-wrap;
  overflow-wrap: anywhere; }
.output_stderr pre { background: #fff5f5; }
.output_svg img, .output_png img, .output_jpeg img, .text_cell_render img { display: block;
  max-width: 100%; height: auto; }
.output_html { max-width: 100%; overflow-x: auto; }
.highlight .c, .highlight .c1, .highlight .cm { color: #6a737d; font-style: italic; }
.highlight .k, .highlight .kn, .highlight .kc, .highlight .ow { color: #a31515; font-weight: 600; }
.highlight .s, .highlight .s1, .highlight .s2, .highlight .sd, .highlight .sa { color: #0a6e31; }
.highlight .mi, .highlight .mf { color: #005cc5; }
.highlight .nf, .highlight .nc { color: #6f42c1; }
.highlight .nb, .highlight .bp { color: #795e26; }

/* Home page: the headline numbers first, each with its chart. */
.headlines { list-style: none; padding: 0; display: grid; gap: 1rem;
  grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
.headlines li { border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem;
  display: flex; flex-direction: column; min-width: 0; }
.headlines .number { font-size: 2rem; font-weight: 700; line-height: 1.1; color: var(--navy); margin: 0; }
.headlines p { margin: .3rem 0; }
.headlines .thumb { display: block; margin: .4rem 0; }
.headlines .thumb img { display: block; width: 100%; height: auto; }
.headlines .more { margin-top: auto; font-size: .9rem; }
/* A card shows the first lines of its finding (all of it reaches screen readers); the findings
   page has it whole, one link away. */
.headlines .finding { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 4;
  line-clamp: 4; overflow: hidden; }

/* Findings and cards. */
ol.findings { padding-left: 1.6rem; }
ol.findings > li { margin: 0 0 1.1rem; padding: .2rem .3rem; }
ol.findings .number { font-weight: 700; color: var(--navy); }
ol.findings .meta { margin: .2rem 0; }
.cards { list-style: none; padding: 0; }
.cards > li, article.card { border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem;
  margin: .8rem 0; min-width: 0; }
.cards h3, article.card h2 { margin: 0 0 .3rem; font-size: 1.15rem; border: 0; padding: 0; }
.cards p, article.card p { margin: .3rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0;
  font-size: .92rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; min-width: 0; }
ul.sources { list-style: none; padding: 0; }
ul.sources > li { border-bottom: 1px solid var(--line); padding: .4rem .3rem; }
ul.sources p { margin: .1rem 0; }
blockquote.cite { margin: .5rem 0; padding: .5rem .9rem; background: var(--soft);
  border-left: 3px solid var(--accent); }

footer { color: var(--muted); font-size: .82rem; border-top: 1px solid var(--line); margin-top: 3rem;
  padding-top: .6rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  /* Shrunk to a phone's width a chart's text would be ~3 px: keep charts legible at 600 px and
     let each scroll sideways inside its own box, as tables do; the page itself never widens. */
  .output_svg { overflow-x: auto; }
  .output_svg img { max-width: none; width: 600px; }
  h1 { font-size: 1.5rem; }
  main { padding: .8rem .8rem 2rem; }
  th, td { padding: .3rem .45rem; }
}
"""
