using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Portal.Components.Shared.Svg;
using Portal.Features.Plans.Indicators;

namespace Portal.Features.Plans.Dashboard;

/// <summary>
/// Draws a shared dashboard's pictures once, as markup, for each language they are read in, and
/// hands every reader the same strings. A circuit then holds a reference to each picture instead
/// of a render tree of its hundreds of SVG elements: a hundred open dashboards keep one drawing.
/// </summary>
/// <remarks>
/// Kept beside the <see cref="Dashboard"/> it was drawn from (which <see cref="DashboardCache"/>
/// shares per plan, filter, day and version), so a new version of the dashboard is drawn afresh
/// and an old one goes with its dashboard. A dashboard says the same to everyone who may read it
/// and only a reader <see cref="DashboardService"/> has handed it to can ask for its pictures;
/// what else the pictures depend on is the reader's culture and language, which key the drawing.
/// The theme is the stylesheet's, not the markup's. The pictures have no handlers: their links
/// are plain links and their tables open with the browser's own details element.
/// </remarks>
public sealed class DashboardPictureMarkup(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly ConditionalWeakTable<Dashboard, ConcurrentDictionary<string, Lazy<Task<DrawnPictures>>>> _drawn = new();

    /// <summary>The pictures of <paramref name="dashboard"/> in the current culture and language; drawn on first use, a failed drawing tried again by the next reader.</summary>
    public Task<DrawnPictures> GetAsync(Dashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var (culture, language) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var key = $"{culture.Name}|{language.Name}";
        var drawings = _drawn.GetValue(dashboard, _ => new());
        var drawn = drawings.GetOrAdd(key, _ => new(() => DrawAsync(dashboard, culture, language)));
        if (drawn.IsValueCreated && drawn.Value.IsFaulted)
        {
            drawings.TryRemove(new KeyValuePair<string, Lazy<Task<DrawnPictures>>>(key, drawn));
            drawn = drawings.GetOrAdd(key, _ => new(() => DrawAsync(dashboard, culture, language)));
        }

        return drawn.Value;
    }

    private async Task<DrawnPictures> DrawAsync(Dashboard dashboard, CultureInfo culture, CultureInfo language)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = language;
            async Task<MarkupString> Draw<T>(Dictionary<string, object?> parameters)
                where T : IComponent =>
                new((await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters))).ToHtmlString());

            var pictures = dashboard.Pictures;
            var defs = await Draw<SvgDefs>([]);
            var glance = await Draw<PlanAtAGlance>(new() { [nameof(PlanAtAGlance.Priorities)] = dashboard.Priorities });
            var trends = new Dictionary<int, MarkupString>();
            foreach (var indicator in dashboard.IndicatorsOffTarget)
            {
                if (pictures.Trends.GetValueOrDefault(indicator.Id) is { } trend)
                {
                    trends[indicator.Id] = await Draw<TrendSparkline>(new() { [nameof(TrendSparkline.Indicator)] = indicator, [nameof(TrendSparkline.Trend)] = trend });
                }
            }

            return new DrawnPictures(
                new MarkupString(defs.Value + glance.Value),
                trends,
                await Draw<BurnUpChart>(new() { [nameof(BurnUpChart.BurnUp)] = pictures.BurnUp }),
                await Draw<RiskGrid>(new() { [nameof(RiskGrid.Risks)] = pictures.OpenRisks }));
        });
    }
}

/// <summary>
/// A dashboard's pictures as markup: the patterns and the plan at a glance (with its heading),
/// each off-target indicator's trend line by indicator, the burn-up and the risk grid, each
/// picture with its table behind it.
/// </summary>
public sealed record DrawnPictures(MarkupString Glance, IReadOnlyDictionary<int, MarkupString> Trends, MarkupString BurnUp, MarkupString RiskGrid)
{
    /// <summary>Characters of markup in all, for the benchmark's account of what the drawing costs once.</summary>
    public int Length => Glance.Value.Length + BurnUp.Value.Length + RiskGrid.Value.Length + Trends.Values.Sum(t => t.Value.Length);
}
