using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Every page of the portal, requested as each role over HTTP (the page as the server renders
/// it), against one table of what each role gets: the page, a sign-in, "no access", or "not
/// found" for something they may not know exists. A page added without a row fails the test.
/// </summary>
public sealed partial class PageAuthorisationMatrixTests : HttpTest
{
    private const string Ok = "ok";
    private const string Login = "login";
    private const string Denied = "denied";
    private const string Hidden = "hidden";

    private static readonly string[] Roles = ["anonymous", "officer", "member", "director", "administrator"];

    private static readonly Dictionary<string, string> Users = new()
    {
        ["officer"] = DemoUsers.Officer,
        ["member"] = DemoUsers.Member,
        ["director"] = DemoUsers.Director,
        ["administrator"] = DemoUsers.Administrator,
    };

    // Route template | sample path | anonymous officer member director administrator.
    internal static readonly (string Template, string Sample, string Expected)[] Table =
    [
        ("/", "/", "ok ok ok ok ok"),
        ("/accessibility", "/accessibility", "ok ok ok ok ok"),
        ("/account/access-denied", "/account/access-denied", "denied denied denied denied denied"),
        ("/account/login", "/account/login", "ok ok ok ok ok"),
        ("/account/login/two-factor", "/account/login/two-factor", "ok ok ok ok ok"),
        ("/account/security", "/account/security", "login ok ok ok ok"),
        ("/account/set-password", "/account/set-password", "ok ok ok ok ok"),
        ("/account/signed-out", "/account/signed-out", "ok ok ok ok ok"),
        ("/admin", "/admin", "login denied denied denied ok"),
        ("/admin/audit", "/admin/audit", "login denied denied denied ok"),
        ("/admin/import", "/admin/import", "login denied denied denied ok"),
        ("/admin/import/people", "/admin/import/people", "login denied denied denied ok"),
        ("/admin/import/posts", "/admin/import/posts", "login denied denied denied ok"),
        ("/admin/outbox", "/admin/outbox", "login denied denied denied ok"),
        ("/admin/provider-groups", "/admin/provider-groups", "login denied denied denied ok"),
        ("/admin/users", "/admin/users", "login denied denied denied ok"),
        ("/admin/users/{Id}", "/admin/users/{officer-sign-in}", "login denied denied denied ok"),
        ("/admin/users/{Id}", "/admin/users/no-such-sign-in", "login denied denied denied hidden"),
        ("/councillors", "/councillors", "ok ok ok ok ok"),
        ("/councillors/{Id:int}", "/councillors/{walker}", "ok ok ok ok ok"),
        ("/councillors/{Id:int}", "/councillors/{barbara}", "hidden hidden hidden hidden hidden"),
        ("/councillors/{Id:int}/record", "/councillors/{walker}/record", "login denied denied denied ok"),
        ("/councillors/{Id:int}/record", "/councillors/{barbara}/record", "login denied denied denied hidden"),
        ("/councillors/parties-and-wards", "/councillors/parties-and-wards", "login denied denied denied ok"),
        ("/councillors/register/pending", "/councillors/register/pending", "login denied denied denied ok"),
        ("/decisions", "/decisions", "ok ok ok ok ok"),
        ("/decisions/forward-plan", "/decisions/forward-plan", "ok ok ok ok ok"),
        ("/decisions/officer/new", "/decisions/officer/new", "login ok ok ok ok"),
        ("/decisions/officer/{Id:int}", "/decisions/officer/{officer-decision}", "ok ok ok ok ok"),
        ("/decisions/officer/{Id:int}", "/decisions/officer/{exempt-officer-decision}", "ok ok ok ok ok"),
        ("/decisions/officer/{Id:int}/amend", "/decisions/officer/{officer-decision}/amend", "login denied denied ok ok"),
        ("/error", "/error", "ok ok ok ok ok"),
        ("/meetings", "/meetings", "ok ok ok ok ok"),
        ("/meetings/bodies", "/meetings/bodies", "ok ok ok ok ok"),
        ("/meetings/bodies/new", "/meetings/bodies/new", "login denied denied denied ok"),
        ("/meetings/bodies/{Slug}", "/meetings/bodies/emg", "hidden ok hidden ok ok"),
        ("/meetings/bodies/{Slug}", "/meetings/bodies/emap-cs", "ok ok ok ok ok"),
        ("/meetings/{Id:int}", "/meetings/{emg-meeting}", "hidden ok hidden ok ok"),
        ("/meetings/{Id:int}", "/meetings/{august}", "ok ok ok ok ok"),
        ("/meetings/{Id:int}/pack", "/meetings/{august}/pack", "ok ok ok ok ok"),
        ("/meetings/{Id:int}/pack", "/meetings/{emg-meeting}/pack", "hidden ok hidden ok ok"),
        ("/not-found", "/not-found", "hidden hidden hidden hidden hidden"),
        ("/notifications", "/notifications", "login ok ok ok ok"),
        ("/notifications/preferences", "/notifications/preferences", "login ok ok ok ok"),
        ("/notifications/{Id:long}", "/notifications/999999", "login ok ok ok ok"),
        ("/open-data", "/open-data", "ok ok ok ok ok"),
        ("/organisation", "/organisation", "login ok ok ok ok"),
        ("/organisation/chart", "/organisation/chart", "login ok ok ok ok"),
        ("/organisation/establishment", "/organisation/establishment", "login ok ok ok ok"),
        ("/organisation/posts/new", "/organisation/posts/new", "login denied denied denied ok"),
        ("/organisation/posts/{Id:int}", "/organisation/posts/{post}", "login ok ok ok ok"),
        ("/organisation/statutory-roles", "/organisation/statutory-roles", "ok ok ok ok ok"),
        ("/organisation/units/{Id:int}", "/organisation/units/{unit}", "login ok ok ok ok"),
        ("/plans", "/plans", "login ok ok ok ok"),
        ("/plans/actions/{Id:int}", "/plans/actions/{action}", "login ok ok ok ok"),
        ("/plans/indicators/{Id:int}", "/plans/indicators/{indicator}", "login ok ok ok ok"),
        ("/plans/new", "/plans/new", "login denied denied ok ok"),
        ("/plans/risks/{Id:int}", "/plans/risks/{risk}", "login ok ok ok ok"),
        ("/plans/{Id:int}", "/plans/{plan}", "login ok ok ok ok"),
        ("/plans/{Id:int}/dashboard", "/plans/{plan}/dashboard", "login ok ok ok ok"),
        ("/plans/{PlanId:int}/actions/new", "/plans/{plan}/actions/new", "login denied denied ok ok"),
        ("/plans/{PlanId:int}/indicators/new", "/plans/{plan}/indicators/new", "login denied denied ok ok"),
        ("/plans/{PlanId:int}/import", "/plans/{plan}/import", "login denied denied ok ok"),
        ("/plans/{PlanId:int}/import/indicators", "/plans/{plan}/import/indicators", "login denied denied ok ok"),
        ("/plans/{PlanId:int}/import/planitems", "/plans/{plan}/import/planitems", "login denied denied ok ok"),
        ("/plans/{PlanId:int}/import/risks", "/plans/{plan}/import/risks", "login denied denied ok ok"),
        ("/plans/{PlanId:int}/priorities", "/plans/{plan}/priorities", "login denied denied ok ok"),
        ("/plans/{PlanId:int}/risks/new", "/plans/{plan}/risks/new", "login denied denied ok ok"),
        ("/reports", "/reports", "ok ok ok ok ok"),
        ("/reports/new", "/reports/new", "login ok denied ok ok"),
        ("/reports/{Id:int}", "/reports/{york}", "ok ok ok ok ok"),
        ("/reports/{Id:int}", "/reports/{exempt}", "ok ok ok ok ok"),
        ("/reports/{Id:int}", "/reports/{draft}", "hidden ok ok ok ok"),
        ("/search", "/search?q=plan", "ok ok ok ok ok"),
        ("/setup", "/setup", "ok ok ok ok ok"),
        ("/thread", "/thread", "login ok ok ok ok"),
        ("/thread/appraisals/{PersonId:int}", "/thread/appraisals/{barbara}", "login ok denied ok ok"),
        ("/thread/coverage", "/thread/coverage", "login ok denied ok ok"),
        ("/thread/explore", "/thread/explore", "login ok ok ok ok"),
        ("/thread/map", "/thread/map", "login ok ok ok ok"),
        ("/thread/items/{NodeKey}", "/thread/items/{thread-item}", "login ok ok ok ok"),
        ("/thread/strategy", "/thread/strategy", "login ok ok ok ok"),
    ];

    [Fact]
    public void EveryPageOfThePortalHasARowInTheTable()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Empty(routes.Except(Table.Select(r => r.Template)));
        Assert.Empty(Table.Select(r => r.Template).Except(routes));
    }

    [Fact]
    public async Task EachRoleGetsWhatTheTableSaysOnEveryPage()
    {
        var samples = await SamplesAsync();
        var mismatches = new List<string>();
        for (var r = 0; r < Roles.Length; r++)
        {
            using var client = await ClientAsync(Roles[r]);
            foreach (var (_, sample, expected) in Table)
            {
                var path = Fill(sample, samples);
                var got = await OutcomeAsync(client, path);
                var want = expected.Split(' ')[r];
                if (got != want)
                {
                    mismatches.Add($"{Roles[r]} {path} ({sample}): expected {want}, got {got}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    // The documents a reader downloads (not pages, so not in the table above): sample path | anonymous officer member director administrator.
    internal static readonly (string Sample, string Expected)[] Documents =
    [
        ("/meetings/{august}/pack.pdf", "ok ok ok ok ok"),
        ("/meetings/{emg-meeting}/pack.pdf", "hidden ok hidden ok ok"),
        ("/meetings/{emg-meeting}/minutes.pdf", "hidden ok hidden ok ok"),
        ("/plans/{plan}/report.docx", "login ok ok ok ok"),
        ("/plans/{plan}/report.pdf", "login ok ok ok ok"),
        ("/plans/999999/report.pdf", "login hidden hidden hidden hidden"),
    ];

    [Fact]
    public async Task EachRoleGetsWhatTheTableSaysForEveryDocument()
    {
        var samples = await SamplesAsync();
        var mismatches = new List<string>();
        for (var r = 0; r < Roles.Length; r++)
        {
            using var client = await ClientAsync(Roles[r]);
            foreach (var (sample, expected) in Documents)
            {
                var path = Fill(sample, samples);
                using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
                var got = response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal) ? Login
                    : response.StatusCode switch
                    {
                        HttpStatusCode.OK => Ok,
                        HttpStatusCode.NotFound => Hidden,
                        HttpStatusCode.Forbidden => Denied,
                        _ => $"status {(int)response.StatusCode}",
                    };
                if (got != expected.Split(' ')[r])
                {
                    mismatches.Add($"{Roles[r]} {path}: expected {expected.Split(' ')[r]}, got {got}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    /// <summary>A sample path with its ids filled in.</summary>
    internal static string Fill(string sample, IReadOnlyDictionary<string, string> samples) =>
        Regex.Replace(sample, "\\{([a-z-]+)\\}", m => samples[m.Groups[1].Value]);

    /// <summary>What the page gave: the page itself, a sign-in, "no access", or "not found". Never a server error.</summary>
    private static async Task<string> OutcomeAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var final = response.RequestMessage!.RequestUri!.AbsolutePath;
        var html = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}.");
        if (final.StartsWith("/account/login", StringComparison.Ordinal) && !path.StartsWith("/account/login", StringComparison.Ordinal))
        {
            return Login;
        }

        var h1 = WebUtility.HtmlDecode(Heading().Match(html).Groups[1].Value).Trim();
        return h1 switch
        {
            "You do not have access to this page" => Denied,
            "Page not found" => Hidden,
            _ when response.StatusCode == HttpStatusCode.OK => Ok,
            _ => $"status {(int)response.StatusCode}",
        };
    }

    private Task<HttpClient> ClientAsync(string role) =>
        PortalHttp.ClientAsync(App.BaseUrl, Users.TryGetValue(role, out var email) ? email : null);

    private Task<Dictionary<string, string>> SamplesAsync() => SamplesAsync(App);

    /// <summary>The ids a sample path names in braces, from the running app's demo.</summary>
    internal static Task<Dictionary<string, string>> SamplesAsync(PortalApp app) => app.QueryAsync(async db =>
    {
        string S(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var emg = await db.Bodies.Where(b => b.Slug == "emg").Select(b => b.Id).SingleAsync();
        var strategy = await db.ThreadItems.Where(i => i.Kind == Portal.Domain.Thread.ThreadItemKind.CorporatePriority).Select(i => i.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["emg-meeting"] = S(await db.Meetings.Where(m => m.BodyId == emg).Select(m => m.Id).FirstAsync()),
            ["august"] = S(await db.Meetings.Where(m => m.Date == new DateOnly(2009, 8, 25)).Select(m => m.Id).SingleAsync()),
            ["post"] = S(await db.Posts.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()),
            ["unit"] = S(await db.OrganisationUnits.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync()),
            ["plan"] = S(await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()),
            ["action"] = S(await db.Actions.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()),
            ["indicator"] = S(await db.Indicators.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync()),
            ["risk"] = S(await db.Risks.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()),
            ["york"] = S(await db.Reports.Where(r => r.Reference == "CE/DP/2008").Select(r => r.Id).SingleAsync()),
            ["exempt"] = S(await db.Reports.Where(r => r.Reference == "HR 14/09").Select(r => r.Id).SingleAsync()),
            ["draft"] = S(await db.Reports.Where(r => r.Reference == "CE/DP/PROGRESS").Select(r => r.Id).SingleAsync()),
            ["barbara"] = S(await db.People.Where(p => p.DisplayName == "Barbara Boyce").Select(p => p.Id).SingleAsync()),
            ["officer-sign-in"] = await db.Users.Where(u => u.Email == DemoUsers.Officer).Select(u => u.Id).SingleAsync(),
            ["walker"] = S(await db.People.Where(p => p.Email == DemoUsers.Member).Select(p => p.Id).SingleAsync()),
            ["officer-decision"] = S(await db.OfficerDecisions.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync()),
            ["exempt-officer-decision"] = S(await db.OfficerDecisions.Where(d => d.ExemptParagraph != null).Select(d => d.Id).FirstAsync()),
            ["thread-item"] = $"{(int)Portal.Domain.Thread.ThreadLevel.CorporateStrategy}-{strategy}",
        };
    });

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex Heading();
}
