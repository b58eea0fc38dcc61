import Mustache

/// Renders a ``ReportResult`` through the Mustache templates (``HTMLReportTemplate``,
/// ``MarkdownReportTemplate``). The templates escape every value for their format.
public enum ReportRenderer {
    /// Compiled once; registering the Markdown content type must precede compiling.
    static let templates: Result<[ReportFormat: MustacheTemplate], Error> = Result {
        MustacheContentTypes.register(MarkdownContentType(), named: MarkdownContentType.name)
        return [
            .html: try MustacheTemplate(string: HTMLReportTemplate.text),
            .markdown: try MustacheTemplate(string: MarkdownReportTemplate.text),
        ]
    }

    /// The whole document. Throws only if a built-in template fails to compile.
    public static func render(_ result: ReportResult, format: ReportFormat) throws -> String {
        let compiled = try templates.get()
        guard let template = compiled[format] else {
            throw Diagnostic("no template for format \(format.rawValue)")
        }
        return template.render(ReportModel.context(result))
    }
}
