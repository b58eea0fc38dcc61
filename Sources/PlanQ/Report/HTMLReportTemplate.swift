/// The HTML look of a report: one self-contained page with inline CSS and SVG, no
/// scripts, no network. Change the look here; the Swift code only supplies data.
///
/// Colours: RAG fills meet WCAG AA against their text (see ``RagStatus``), and every
/// RAG cell also carries its word. `@page` sets A4 margins; sections, rows and charts
/// avoid breaking across pages, and headings stay with what follows them.
enum HTMLReportTemplate {
    static let text = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="planq report">
<title>{{title}}</title>
<style>
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 11pt/1.4 "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: #111; background: #fff; max-width: 182mm; margin: 0 auto; padding: 12px; }
h1 { font-size: 20pt; margin: 0 0 4px; }
h2 { font-size: 14pt; margin: 22px 0 4px; border-bottom: 2px solid #1F4E79; padding-bottom: 2px; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 12px 0 4px; break-after: avoid; page-break-after: avoid; }
.meta { color: #333; margin: 0 0 8px; }
.meta dt { font-weight: bold; display: inline; }
.meta dd { display: inline; margin: 0 14px 0 4px; }
.rule { border-left: 4px solid #1F4E79; padding: 4px 10px; background: #F2F6FA; margin: 8px 0; }
nav { break-inside: avoid; page-break-inside: avoid; }
nav ol { margin: 4px 0 12px; padding-left: 22px; }
nav a { color: #1F4E79; }
section { break-inside: avoid; page-break-inside: avoid; }
.commentary { margin: 2px 0 8px; }
.parts { display: flex; flex-wrap: wrap; gap: 16px; }
.parts > .part { flex: 1 1 100%; }
.parts.several > .part { flex: 0 1 calc(50% - 8px); min-width: 70mm; }
table { border-collapse: collapse; width: 100%; margin: 4px 0; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #767676; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #1F4E79; color: #fff; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.rag { font-weight: bold; }
.rag-red { background: #B71C1C; color: #fff; }
.rag-amber { background: #FFB300; color: #000; }
.rag-green { background: #1B5E20; color: #fff; }
.rag-none { background: #E0E0E0; color: #000; }
th.rag-red, th.rag-amber, th.rag-green, th.rag-none { border: 1px solid #767676; }
.lbl { font-weight: normal; font-size: 8.5pt; }
.source { font-size: 8.5pt; color: #333; white-space: nowrap; }
.count { color: #333; font-size: 9pt; margin: 2px 0 0; }
.skipped { font-style: italic; color: #333; border: 1px dashed #767676; padding: 6px 10px; }
figure { margin: 8px 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #333; }
.legend span { display: inline-block; padding: 1px 8px; margin-right: 6px; font-weight: bold; border: 1px solid #767676; }
details { margin: 4px 0; font-size: 9pt; }
details pre { background: #F5F5F5; padding: 6px; white-space: pre-wrap; }
footer { margin-top: 24px; font-size: 9pt; color: #333; border-top: 1px solid #767676; padding-top: 4px; }
@media print { details { display: none; } nav a { color: #000; text-decoration: none; } }
</style>
</head>
<body>
<header>
<h1>{{title}}</h1>
<dl class="meta">
<dt>As of</dt><dd>{{asOf}}</dd>
{{#parameters}}<dt>{{name}}</dt><dd>{{value}}{{#isAll}}(all){{/isAll}}</dd>
{{/parameters}}
</dl>
{{#hasRagRule}}<p class="rule"><strong>RAG rule:</strong> {{ragRule}}</p>{{/hasRagRule}}
<p class="legend">Key: {{#legend}}<span class="{{cls}}">{{label}}</span>{{/legend}}</p>
</header>
<nav aria-label="Contents">
<h2>Contents</h2>
<ol>
{{#contents}}<li><a href="#{{anchor}}">{{heading}}</a></li>
{{/contents}}
</ol>
</nav>
<main>
{{#sections}}
<section id="{{anchor}}">
<h2>{{number}}. {{heading}}</h2>
{{#hasCommentary}}<p class="commentary">{{commentary}}</p>{{/hasCommentary}}
<div class="parts{{#several}} several{{/several}}">
{{#parts}}
<div class="part">
{{#hasCaption}}<h3>{{caption}}</h3>{{/hasCaption}}
{{#isSkipped}}<p class="skipped">{{skipped}}</p>{{/isSkipped}}
{{^isSkipped}}
{{#bars}}
<figure>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{width}} {{height}}" role="img" aria-label="Bar chart of {{valueName}}">
{{#items}}
<text x="{{labelX}}" y="{{textY}}" text-anchor="end" font-size="{{fontSize}}" fill="#111">{{label}}</text>
<rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{barHeight}}" fill="{{fill}}" stroke="#111" stroke-width="0.5"/>
<text x="{{valueX}}" y="{{textY}}" font-size="{{fontSize}}" fill="#111">{{value}}</text>
{{/items}}
</svg>
<figcaption>Bar length: {{valueName}}.</figcaption>
</figure>
{{/bars}}
{{#stacked}}
<figure>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{width}} {{height}}" role="img" aria-label="RAG counts per row">
{{#items}}
<text x="{{labelX}}" y="{{textY}}" text-anchor="end" font-size="{{fontSize}}" fill="#111">{{label}}</text>
{{#segments}}
<rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{barHeight}}" fill="{{fill}}" stroke="#111" stroke-width="0.5"><title>{{text}} {{label}}</title></rect>
<text x="{{textX}}" y="{{textY}}" text-anchor="middle" font-size="{{fontSize}}" fill="{{textFill}}">{{text}}</text>
{{/segments}}
{{/items}}
</svg>
<figcaption>Stacked bars: red, amber, green, not stated (counts in the table below).</figcaption>
</figure>
{{/stacked}}
{{#hasRows}}
<table>
<thead><tr>{{#columns}}<th class="{{#numeric}}num{{/numeric}}{{#rag}} {{cls}}{{/rag}}">{{name}}</th>{{/columns}}{{#hasSource}}<th>Source (document:line)</th>{{/hasSource}}</tr></thead>
<tbody>
{{#rows}}
<tr>{{#cells}}<td class="{{#numeric}}num{{/numeric}}{{#rag}} rag {{cls}}{{/rag}}">{{text}}{{#countLabel}} <span class="lbl">{{.}}</span>{{/countLabel}}</td>{{/cells}}{{#hasSource}}<td class="source">{{source}}</td>{{/hasSource}}</tr>
{{/rows}}
</tbody>
</table>
<p class="count">{{rowCount}} {{rowWord}}</p>
{{/hasRows}}
{{#isEmpty}}<p class="skipped">No rows{{#emptyReason}}: {{.}}{{/emptyReason}}{{^emptyReason}}.{{/emptyReason}}</p>{{/isEmpty}}
<details><summary>Query</summary><pre>{{query}}</pre></details>
{{/isSkipped}}
</div>
{{/parts}}
</div>
</section>
{{/sections}}
</main>
<footer>
<p>Produced by planq report from {{reportFile}} on the data in {{dataSource}}, as of {{asOf}}.</p>
</footer>
</body>
</html>

"""#
}
