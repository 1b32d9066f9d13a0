using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared.Svg;
using Portal.Features.Plans.Indicators;
using Portal.Resources;

namespace Portal.Features.Plans.Dashboard;

/// <summary>
/// Draws a shared dashboard's pictures, and its tables and lists, once, as markup, for each
/// language they are read in, and hands every reader the same strings. A circuit then holds a
/// reference to each picture and table instead of a render tree of its hundreds of elements (and
/// the renderer's buffers sized to send them): a hundred open dashboards keep one drawing.
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
    private readonly ConditionalWeakTable<Dashboard, ConcurrentDictionary<string, Lazy<Task<DrawnTables>>>> _tables = new();

    /// <summary>The pictures of <paramref name="dashboard"/> in the current culture and language; drawn on first use, a failed drawing tried again by the next reader.</summary>
    public Task<DrawnPictures> GetAsync(Dashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        return Drawn(_drawn, dashboard, string.Empty, (culture, language) => DrawAsync(dashboard, culture, language));
    }

    /// <summary>
    /// The tables and lists of <paramref name="dashboard"/> in the current culture and language,
    /// with the off-target indicators' trend lines from <paramref name="pictures"/> (none, no
    /// trend column); drawn on first use as the pictures are.
    /// </summary>
    public Task<DrawnTables> GetTablesAsync(Dashboard dashboard, DrawnPictures? pictures)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        return Drawn(_tables, dashboard, pictures is null ? "plain" : "pictures", (culture, language) => DrawTablesAsync(dashboard, pictures?.Trends, culture, language));
    }

    private static Task<T> Drawn<T>(ConditionalWeakTable<Dashboard, ConcurrentDictionary<string, Lazy<Task<T>>>> table, Dashboard dashboard, string kind, Func<CultureInfo, CultureInfo, Task<T>> draw)
    {
        var (culture, language) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var key = $"{culture.Name}|{language.Name}|{kind}";
        var drawings = table.GetValue(dashboard, _ => new());
        var drawn = drawings.GetOrAdd(key, _ => new(() => draw(culture, language)));
        if (drawn.IsValueCreated && drawn.Value.IsFaulted)
        {
            drawings.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(key, drawn));
            drawn = drawings.GetOrAdd(key, _ => new(() => draw(culture, language)));
        }

        return drawn.Value;
    }

    private async Task<DrawnTables> DrawTablesAsync(Dashboard dashboard, IReadOnlyDictionary<int, MarkupString>? trends, CultureInfo culture, CultureInfo language)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = language;
            async Task<MarkupString> Draw(DashboardTables.DashboardPart part) =>
                new((await renderer.RenderComponentAsync<DashboardTables>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(DashboardTables.Dashboard)] = dashboard,
                    [nameof(DashboardTables.Part)] = part,
                    [nameof(DashboardTables.TrendPictures)] = trends,
                }))).ToHtmlString());

            return new DrawnTables(
                await Draw(DashboardTables.DashboardPart.Counts),
                await Draw(DashboardTables.DashboardPart.Overdue),
                await Draw(DashboardTables.DashboardPart.OffTarget),
                await Draw(DashboardTables.DashboardPart.RisksAndDueSoon),
                new FilterOptions(
                    await Draw(DashboardTables.DashboardPart.PriorityOptions),
                    await Draw(DashboardTables.DashboardPart.OwnerOptions),
                    await Draw(DashboardTables.DashboardPart.UnitOptions)));
        });
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

            // Each picture with its section and heading, so a reader's page holds one frame for each.
            var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Text>>();
            MarkupString Section(string id, string heading, MarkupString picture) => new(
                $"<section aria-labelledby=\"{id}\"><h2 class=\"section-title\" id=\"{id}\">{HtmlEncoder.Default.Encode(heading)}</h2>{picture.Value}</section>");

            return new DrawnPictures(
                new MarkupString(defs.Value + glance.Value),
                trends,
                Section("burn-up-title", text["Glance.BurnUpTitle"], await Draw<BurnUpChart>(new() { [nameof(BurnUpChart.BurnUp)] = pictures.BurnUp })),
                Section("risk-grid-title", text["Glance.RiskGridTitle"], await Draw<RiskGrid>(new() { [nameof(RiskGrid.Risks)] = pictures.OpenRisks })));
        });
    }
}

/// <summary>
/// A dashboard's pictures as markup: the patterns and the plan at a glance (with its heading),
/// each off-target indicator's trend line by indicator, the burn-up and the risk grid (each in
/// its section under its heading), each picture with its table behind it.
/// </summary>
public sealed record DrawnPictures(MarkupString Glance, IReadOnlyDictionary<int, MarkupString> Trends, MarkupString BurnUp, MarkupString RiskGrid)
{
    /// <summary>Characters of markup in all, for the benchmark's account of what the drawing costs once.</summary>
    public int Length => Glance.Value.Length + BurnUp.Value.Length + RiskGrid.Value.Length + Trends.Values.Sum(t => t.Value.Length);
}

/// <summary>
/// A dashboard's tables and lists as markup, each the part under one heading of the page: the
/// counts by priority, the overdue actions, the indicators off target (with their trend lines
/// when drawn with the pictures), and the risks above appetite beside what is due soon; and the
/// choices of the filters.
/// </summary>
public sealed record DrawnTables(MarkupString Counts, MarkupString Overdue, MarkupString OffTarget, MarkupString RisksAndDueSoon, FilterOptions Options);

/// <summary>
/// The options of the dashboard's three filters, "All" first, as markup: the page's selects hold
/// them by reference (a council's staff can be hundreds of options, each three frames kept twice
/// in every circuit otherwise). Nothing is marked selected: the select's value is the page's.
/// </summary>
public sealed record FilterOptions(MarkupString Priorities, MarkupString Owners, MarkupString Units);
