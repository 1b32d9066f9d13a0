using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Domain.Meetings;
using Portal.Features.Meetings.Bodies;
using Portal.Features.Meetings.Calendar;
using Portal.Infrastructure.Security;
using Portal.Tests.HouseRules;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Meetings;

/// <summary>
/// A body's colour in the calendar is chosen by an administrator from a palette whose every
/// colour takes dark text and a visible edge, and has its own mark; until chosen, it is the
/// palette's in turn. The month's meetings and key follow the choice.
/// </summary>
public sealed class BodyColourTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task AnAdministratorChoosesABodysColourAndTheMonthShowsItUntilSetBack()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var bodies = admin.Get<BodyService>();
        var meetings = admin.Get<MeetingService>();
        var before = await meetings.MonthAsync(new MonthQuery(2026, 12, null, false), Ct);
        var bodyId = before.Meetings[0].BodyId;
        var body = (await bodies.GetAsync(before.Meetings[0].BodySlug, Ct))!;
        Assert.Null(body.Colour);
        Assert.Equal(BodyColours.Default(bodyId), before.ColourOf(bodyId));
        var chosen = Enum.GetValues<BodyColour>().First(c => c != BodyColours.Default(bodyId));

        await bodies.UpdateAsync(body.Id, Edit(body, chosen), Ct);

        var after = await meetings.MonthAsync(new MonthQuery(2026, 12, null, false), Ct);
        Assert.Equal(chosen, after.ColourOf(bodyId));
        Assert.Equal(chosen, (await bodies.GetAsync(body.Slug, Ct))!.Colour);
        Assert.All(after.Meetings.Where(m => m.BodyId != bodyId), m => Assert.Equal(BodyColours.Default(m.BodyId), after.ColourOf(m.BodyId)));

        var again = (await bodies.GetAsync(body.Slug, Ct))!;
        await bodies.UpdateAsync(body.Id, Edit(again, null), Ct);
        Assert.Equal(BodyColours.Default(bodyId), (await meetings.MonthAsync(new MonthQuery(2026, 12, null, false), Ct)).ColourOf(bodyId));
    }

    [Fact]
    public async Task OnlyAnAdministratorChoosesItAndOnlyFromThePalette()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var slug = (await admin.Get<BodyService>().ListAsync(Ct))[0].Slug;
        var body = (await admin.Get<BodyService>().GetAsync(slug, Ct))!;

        await Assert.ThrowsAsync<AccessDeniedException>(() => director.Get<BodyService>().UpdateAsync(body.Id, Edit(body, BodyColour.Red), Ct));
        var refused = await Assert.ThrowsAsync<Portal.Domain.Common.DomainRuleException>(() => admin.Get<BodyService>().UpdateAsync(body.Id, Edit(body, (BodyColour)99), Ct));
        Assert.Equal("Body.ColourUnknown", refused.Code);
        Assert.Null((await admin.Get<BodyService>().GetAsync(slug, Ct))!.Colour);
    }

    [Fact]
    public void EveryColourTakesDarkTextAndAVisibleEdgeAndHasAMarkOfItsOwn()
    {
        var css = File.ReadAllText(Path.Combine(SourceTree.Root.FullName, "Portal", "wwwroot", "css", "portal.css"));
        foreach (var colour in Enum.GetValues<BodyColour>())
        {
            var rule = Regex.Match(css, $@"\.{BodyPalette.CssClass(colour)} \{{ background: (?<fill>#[0-9a-f]{{6}}); border-color: (?<edge>#[0-9a-f]{{6}})");
            Assert.True(rule.Success, $"{colour} has no rule in portal.css");
            var fill = rule.Groups["fill"].Value;
            // The text on it is #0b0c0c in both themes (the fill does not change with the theme).
            Assert.True(Contrast("#0b0c0c", fill) >= 7, $"{colour}: text {Contrast("#0b0c0c", fill):F1}:1");
            Assert.True(Contrast(rule.Groups["edge"].Value, fill) >= 3, $"{colour}: edge {Contrast(rule.Groups["edge"].Value, fill):F1}:1");
        }

        Assert.Equal(8, Enum.GetValues<BodyColour>().Select(BodyPalette.Mark).Distinct().Count());
    }

    private static BodyEdit Edit(BodyDetails body, BodyColour? colour) =>
        new(body.Name, body.ShortName, body.Kind, body.Regime, body.Remit, body.ReportsTo, body.IsPublic, body.Version, colour);

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }
}
