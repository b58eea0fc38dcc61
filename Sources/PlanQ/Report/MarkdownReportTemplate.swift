/// The Markdown look of a report, for GitHub: tables, RAG words with a coloured
/// marker (GitHub strips cell colours), and bar charts drawn with block characters.
/// Values are escaped by ``MarkdownContentType``.
enum MarkdownReportTemplate {
    static let text = #"""
{{% CONTENT_TYPE: MARKDOWN}}
# {{title}}

**As of:** {{asOf}}{{#parameters}} · **{{name}}:** {{value}}{{#isAll}}(all){{/isAll}}{{/parameters}}

{{#hasRagRule}}
> **RAG rule:** {{ragRule}}

{{/hasRagRule}}
Key: {{#legend}}{{emoji}} {{label}} {{/legend}}

## Contents

{{#contents}}
{{number}}. [{{heading}}](#{{slug}})
{{/contents}}
{{#sections}}

## {{number}}. {{heading}}

{{#hasCommentary}}
{{commentary}}

{{/hasCommentary}}
{{#parts}}
{{#hasCaption}}
### {{caption}}

{{/hasCaption}}
{{#isSkipped}}
_{{skipped}}_

{{/isSkipped}}
{{^isSkipped}}
{{#hasMarkdownBars}}
| | {{barsValueName}} | |
| --- | ---: | --- |
{{#markdownBars}}
| {{label}} | {{value}} | {{bar}} |
{{/markdownBars}}

{{/hasMarkdownBars}}
{{^hasMarkdownBars}}
{{#hasRows}}
| {{#columns}}{{#rag}}{{emoji}} {{/rag}}{{name}} | {{/columns}}{{#hasSource}}Source |{{/hasSource}}
|{{#columns}} {{#numeric}}---:{{/numeric}}{{^numeric}}---{{/numeric}} |{{/columns}}{{#hasSource}} --- |{{/hasSource}}
{{#rows}}
| {{#cells}}{{#rag}}{{emoji}} {{/rag}}{{text}}{{#countLabel}} {{.}}{{/countLabel}} | {{/cells}}{{#hasSource}}{{source}} |{{/hasSource}}
{{/rows}}

{{rowCount}} {{rowWord}}

{{/hasRows}}
{{/hasMarkdownBars}}
{{#isEmpty}}
_No rows{{#emptyReason}}: {{.}}{{/emptyReason}}{{^emptyReason}}.{{/emptyReason}}_

{{/isEmpty}}
{{/isSkipped}}
{{/parts}}
{{/sections}}

---
Produced by planq report from {{reportFile}} on the data in {{dataSource}}, as of {{asOf}}.

"""#
}
