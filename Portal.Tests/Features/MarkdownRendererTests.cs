using Portal.Infrastructure.Markdown;

namespace Portal.Tests.Features;

public sealed class MarkdownRendererTests
{
    private static readonly System.Text.RegularExpressions.Regex UnsafeUrlAttribute = new(
        "(href|src)\\s*=\\s*[\"']?\\s*(javascript|vbscript|data)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void RendersOrdinaryMarkdown()
    {
        var html = _renderer.ToHtml("**Remit**\n\n- Provide strategic advice\n- [Council site](https://www.york.gov.uk)");

        Assert.Contains("<strong>Remit</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Provide strategic advice</li>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.york.gov.uk\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Text <script src=https://evil.example/x.js></script> more")]
    [InlineData("<SCRIPT>alert(1)</SCRIPT>")]
    public void NeverEmitsAScriptElement(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](&#x6A;avascript&#x3A;alert(1))")]
    [InlineData("[click](java&#x09;script:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[ref]\n\n[ref]: javascript:alert(1)")]
    public void NeutralisesScriptLinksIncludingEncodedOnes(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        // The words may survive as inert text; no link or source may point at them.
        Assert.DoesNotMatch(UnsafeUrlAttribute, html);
        Assert.DoesNotContain("&#106;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("[x](&#100;ata:text/html,hi)")]
    public void NeutralisesDataLinks(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.DoesNotMatch(UnsafeUrlAttribute, html);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>")]
    [InlineData("<div onmouseover=\"alert(1)\">hover</div>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("[x](https://ok.example \"title\" onclick=alert(1))")]
    public void NeverEmitsEventHandlerAttributes(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.DoesNotMatch("<[^>]+\\son[a-z]+\\s*=", html);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void KeepsRawHtmlAsVisibleTextRatherThanMarkup()
    {
        var html = _renderer.ToHtml("<b>bold?</b>");

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold?&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsMailtoLinks()
    {
        var html = _renderer.ToHtml("[Barbara](mailto:barbara.boyce@york.example)");

        Assert.Contains("href=\"mailto:barbara.boyce@york.example\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RendersNothingForBlankText()
    {
        Assert.Equal(string.Empty, _renderer.ToHtml("   "));
        Assert.Equal(string.Empty, _renderer.ToHtml(null));
    }

    [Fact]
    public void RendersEachTopLevelBlockOnItsOwnSoParagraphsCanBeNumbered()
    {
        var blocks = _renderer.RenderBlocks("First paragraph.\n\n- one\n- two\n\n[link](javascript:alert(1)) and <script>alert(2)</script>\n\n[ref]: https://example.org");

        Assert.Equal(3, blocks.Count);
        Assert.Equal("<p>First paragraph.</p>", blocks[0].Value);
        Assert.StartsWith("<ul>", blocks[1].Value, StringComparison.Ordinal);
        Assert.DoesNotMatch(UnsafeUrlAttribute, blocks[2].Value);
        Assert.DoesNotContain("<script", blocks[2].Value, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_renderer.RenderBlocks("   "));
    }

    [Fact]
    public void PlainTextForTheSearchIndexHasNoMarkup() =>
        Assert.Equal("Remit and link", MarkdownRenderer.ToPlainText("**Remit** and [link](https://example.org)"));
}
