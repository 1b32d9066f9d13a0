using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Components;

namespace Portal.Infrastructure.Markdown;

/// <summary>
/// The one place that turns text into HTML. Markdig parses with raw HTML switched off, then
/// HtmlSanitizer keeps only an allow-list of tags and attributes and links whose scheme is http,
/// https or mailto. Nothing else in the portal may make a <see cref="MarkupString"/>.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "strong", "em", "del", "ins", "sup", "sub", "code", "pre", "blockquote",
                "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6",
                "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "start", "align" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        _sanitizer = new HtmlSanitizer(options);
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        _sanitizer.AllowedAttributes.Add("rel");
    }

    /// <summary>Renders <paramref name="markdown"/> to sanitised HTML text.</summary>
    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var html = Markdig.Markdown.ToHtml(markdown, Pipeline);
        return _sanitizer.Sanitize(html);
    }

    /// <summary>Renders <paramref name="markdown"/> for a component to show.</summary>
    public MarkupString Render(string? markdown) => new(ToHtml(markdown));

    /// <summary>
    /// Renders each top-level block (paragraph, list, table…) of <paramref name="markdown"/> on
    /// its own, sanitised, so a report's paragraphs can be numbered and linked one by one.
    /// </summary>
    public IReadOnlyList<MarkupString> RenderBlocks(string? markdown) =>
        NumberedBlocks(markdown).Select(b => new MarkupString(b.Html)).ToList();

    /// <summary>
    /// The top-level blocks of <paramref name="markdown"/> that <see cref="RenderBlocks"/> numbers, as
    /// Markdig's syntax tree, so a PDF laid out from them numbers its paragraphs as the HTML does.
    /// </summary>
    public IReadOnlyList<Markdig.Syntax.Block> ParseBlocks(string? markdown) =>
        NumberedBlocks(markdown).Select(b => b.Block).ToList();

    private List<(Markdig.Syntax.Block Block, string Html)> NumberedBlocks(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return [];
        }

        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var blocks = new List<(Markdig.Syntax.Block, string)>(document.Count);
        foreach (var block in document)
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            var renderer = new Markdig.Renderers.HtmlRenderer(writer);
            Pipeline.Setup(renderer);
            renderer.Render(block);
            writer.Flush();
            var html = _sanitizer.Sanitize(writer.ToString()).Trim();
            if (html.Length > 0)
            {
                blocks.Add((block, html));
            }
        }

        return blocks;
    }

    /// <summary>The words of <paramref name="markdown"/> without any markup, for the search index.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? string.Empty : Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim();
}
