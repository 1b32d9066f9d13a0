using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Portal.Components.Layout;

/// <summary>
/// The portal's colours as a stylesheet. MudBlazor's theme provider writes the theme's CSS
/// variables into every page it is on, and, inside a live page, keeps that text and its
/// component state in every circuit. Rendered here once per palette and served as a file, the
/// browser caches it, pages are styled before the circuit starts, and a circuit holds nothing
/// for it. The dark file lies over the light one and a media query says when it applies
/// (<see cref="DarkMedia"/>); switching the theme changes that query (<c>portal.setTheme</c>).
/// </summary>
public sealed partial class ThemeStylesheet(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    /// <summary>Changes with every build, which is when the theme can change: the file is cached for good under it.</summary>
    public static readonly string Version = typeof(PortalTheme).Assembly.ManifestModule.ModuleVersionId.ToString("N", CultureInfo.InvariantCulture)[..12];

    private readonly ConcurrentDictionary<bool, Lazy<Task<string>>> _css = new();

    public static string Href(bool dark) => $"/theme/{(dark ? "dark" : "light")}.css?v={Version}";

    /// <summary>
    /// When the dark stylesheet (laid over the light one) applies: always once the reader chose
    /// dark, never once they chose light, and until they choose whenever the device prefers dark
    /// (<c>prefers-color-scheme</c>), which the browser settles before the first paint.
    /// </summary>
    public static string DarkMedia(bool? chosen) => chosen switch
    {
        true => "all",
        false => "not all",
        null => "(prefers-color-scheme: dark)",
    };

    /// <summary>The palette's stylesheet, rendered on first use; a render that failed is tried again by the next request.</summary>
    public Task<string> GetAsync(bool dark)
    {
        var css = _css.GetOrAdd(dark, d => new Lazy<Task<string>>(() => RenderAsync(d)));
        if (css.IsValueCreated && css.Value.IsFaulted)
        {
            _css.TryRemove(new KeyValuePair<bool, Lazy<Task<string>>>(dark, css));
            css = _css.GetOrAdd(dark, d => new Lazy<Task<string>>(() => RenderAsync(d)));
        }

        return css.Value;
    }

    private async Task<string> RenderAsync(bool dark)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = PortalTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
            }));
            return output.ToHtmlString();
        });
        return string.Join('\n', StyleElement().Matches(html).Select(m => m.Groups["css"].Value.Trim()));
    }

    [GeneratedRegex("<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}

public static class ThemeEndpoints
{
    public static IEndpointRouteBuilder MapThemeStylesheets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/theme/{mode}.css", async (HttpContext context, string mode, ThemeStylesheet themes) =>
        {
            if (mode is not ("light" or "dark"))
            {
                return Results.NotFound();
            }

            var css = await themes.GetAsync(mode == "dark");
            context.Response.Headers.CacheControl = context.Request.Query["v"] == ThemeStylesheet.Version
                ? "public, max-age=31536000, immutable"
                : "no-cache";
            return Results.Text(css, "text/css; charset=utf-8");
        }).AllowAnonymous();
        return endpoints;
    }
}
