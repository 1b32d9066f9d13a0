// The render tree is what this test looks at: what each open dashboard keeps on the server.
#pragma warning disable BL0006

using System.Globalization;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Plans;
using Portal.Features.Plans.Actions;
using Portal.Features.Plans.Dashboard;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Plans;

/// <summary>
/// The dashboard's pictures are drawn once per shared dashboard and language, and every open
/// dashboard holds the same drawing as a frame or two of markup, not a tree of its own: so a
/// page with its pictures keeps barely more than the same page without them.
/// </summary>
public sealed class DashboardPictureSharingTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task TwoOpenDashboardsHoldOneDrawingAndBarelyMoreThanWithoutPictures()
    {
        UseCulture("en-GB");
        var planId = await PlanIdAsync();
        var parameters = (bool pictures) => new Dictionary<string, object?> { ["Id"] = planId, ["Pictures"] = pictures };

        using var first = await HeldCircuit.OpenAsync<DashboardPage>(await _portal.SignedInAsAsync(DemoUsers.Director), $"/plans/{planId}/dashboard", parameters(true));
        using var second = await HeldCircuit.OpenAsync<DashboardPage>(await _portal.SignedInAsAsync(DemoUsers.Member), $"/plans/{planId}/dashboard", parameters(true));
        using var plain = await HeldCircuit.OpenAsync<DashboardPage>(await _portal.SignedInAsAsync(DemoUsers.Director), $"/plans/{planId}/dashboard", parameters(false));

        var glance = Markup(first, "rag-bar");
        Assert.Same(glance, Markup(second, "rag-bar"));
        Assert.Same(Markup(first, "burn-up"), Markup(second, "burn-up"));
        Assert.Same(Markup(first, "risk-grid"), Markup(second, "risk-grid"));
        Assert.Contains("role=\"img\" aria-label=\"Priority 1, Actions: ", glance, StringComparison.Ordinal);
        Assert.Contains("id=\"svg-hatch\"", glance, StringComparison.Ordinal);
        // The pictures' tables and links are in the drawing too, as plain markup a browser opens and follows by itself.
        Assert.Contains("<details class=\"picture-table\">", Markup(first, "risk-grid"), StringComparison.Ordinal);
        Assert.Contains("href=\"/plans/risks/", Markup(first, "risk-grid"), StringComparison.Ordinal);
        Assert.Null(Markup(plain, "rag-bar"));
        Assert.Contains(plain.Frames(), f => f.FrameType == RenderTreeFrameType.Element && f.ElementName == "h1");

        // The pictures add their three markup frames and the two sections that hold them with their headings, nothing per shape.
        Assert.InRange(first.Frames().Count, plain.Frames().Count, plain.Frames().Count + 20);

        // The tables and the filters' choices are drawn once too: both readers hold the same strings, and no frame per row.
        var overdue = Assert.Single(first.Frames(), f => f.FrameType == RenderTreeFrameType.Markup && f.MarkupContent.Contains("data-action-id", StringComparison.Ordinal)).MarkupContent;
        Assert.Same(overdue, Assert.Single(second.Frames(), f => f.FrameType == RenderTreeFrameType.Markup && f.MarkupContent.Contains("data-action-id", StringComparison.Ordinal)).MarkupContent);
        Assert.DoesNotContain(first.Frames(), f => f.FrameType == RenderTreeFrameType.Element && f.ElementName is "tr" or "option");
        Assert.Contains(first.Frames(), f => f.FrameType == RenderTreeFrameType.Markup && f.MarkupContent.Contains("<option value=", StringComparison.Ordinal) && f.MarkupContent.Contains(">All</option>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachLanguageHasItsDrawingAndANewVersionOfTheDashboardIsDrawnAfresh()
    {
        UseCulture("en-GB");
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var markup = director.Get<DashboardPictureMarkup>();
        var planId = await PlanIdAsync();
        var dashboard = (await director.Get<DashboardService>().GetDashboardAsync(planId, new(), Ct))!;

        var english = await markup.GetAsync(dashboard);
        UseCulture("sv-SE");
        var swedish = await markup.GetAsync(dashboard);
        UseCulture("en-GB");

        Assert.Same(english, await markup.GetAsync(dashboard));
        Assert.NotSame(english, swedish);
        Assert.Contains("aria-label=\"Priority 1, ", english.Glance.Value, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Prioritering 1, ", swedish.Glance.Value, StringComparison.Ordinal);
        Assert.Equal(dashboard.IndicatorsOffTarget.Count(i => dashboard.Pictures.Trends.ContainsKey(i.Id)), english.Trends.Count);

        var overdue = dashboard.OverdueActions[0];
        var action = (await director.Get<ActionService>().GetActionAsync(overdue.Id, Ct))!;
        await director.Get<ActionService>().RecordProgressAsync(overdue.Id, new ProgressEdit(ActionStatus.Completed, 100, "Done.", action.Version), Ct);
        var after = (await director.Get<DashboardService>().GetDashboardAsync(planId, new(), Ct))!;

        var redrawn = await markup.GetAsync(after);
        Assert.NotSame(english, redrawn);
        Assert.NotEqual(english.BurnUp.Value, redrawn.BurnUp.Value);
    }

    /// <summary>The one markup frame of the page that holds the picture with this class, or null.</summary>
    private static string? Markup(HeldCircuit circuit, string cssClass)
    {
        var found = circuit.Frames().Where(f => f.FrameType == RenderTreeFrameType.Markup && f.MarkupContent.Contains($"class=\"{cssClass}", StringComparison.Ordinal)).ToList();
        Assert.True(found.Count <= 1, $"{found.Count} frames hold {cssClass}");
        return found.Count == 0 ? null : found[0].MarkupContent;
    }

    private static void UseCulture(string name) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    private async Task<int> PlanIdAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Plans.Select(p => p.Id).SingleAsync(Ct);
    }
}
