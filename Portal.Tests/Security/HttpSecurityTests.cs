using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Features.Admin;
using Portal.Features.Admin.Users;
using Portal.Features.Reports;
using Portal.Features.Reports.Reading;
using Portal.Infrastructure.Backups;
using Portal.Infrastructure.Security;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Over plain HTTP against the running portal: every endpoint that takes a POST refuses one
/// without an antiforgery token; and what the portal logs, at the levels it ships with, holds no
/// email address, name, password, link token or private note.
/// </summary>
public sealed class HttpSecurityTests : HttpTest
{
    private readonly CapturedLogs _logs = new();

    // The levels of appsettings.json, not the quieter ones the other tests run with.
    protected override PortalApp CreateApp() => new(settings: new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Information" }, logs: _logs);

    [Fact]
    public async Task EveryPostWithoutAnAntiforgeryTokenIsRefused()
    {
        var posts = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Where(route => !route.StartsWith("/_blazor", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Contains("/account/logout", posts);
        Assert.Contains("/account/login", posts);
        Assert.Contains("/account/set-password", posts);
        Assert.True(posts.Count > 40, $"Only {posts.Count} endpoints take a POST: {string.Join(", ", posts)}");

        using var admin = await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Administrator);
        var accepted = new List<string>();
        // Sign-out last: were it accepted, the posts after it would be an anonymous visitor's.
        foreach (var route in posts.OrderBy(r => r == "/account/logout"))
        {
            var path = System.Text.RegularExpressions.Regex.Replace(route, "\\{([^}:]+)(:int)?\\}", m => m.Groups[2].Success ? "1" : "x");
            using var response = await admin.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "login", ["Input.Email"] = DemoUsers.Administrator }), Ct);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{path}: {(int)response.StatusCode}");
            }
        }

        Assert.True(accepted.Count == 0, "Accepted without a token:\n" + string.Join('\n', accepted));

        // With the token the page gives, the same sign-out works: the refusal was the token's.
        var fields = await PortalHttp.FormFieldsAsync(admin, "/");
        using var signOut = await admin.PostAsync("/account/logout", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        using var afterwards = await admin.GetAsync("/admin", Ct);
        Assert.StartsWith("/account/login", afterwards.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLogsHoldNoPersonalDataOrSecrets()
    {
        const string Note = "Confidential: my view of the Monitoring Officer";
        const string NewPassword = "Quiet-Logs-Please-2026";

        // Sign-ins that work, that fail, and one that is locked out.
        using (await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Member))
        {
        }

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Secretary, "Wrong-Password-" + i));
        }

        // The fifth wrong password locks the sign-in from this address, and says until when.
        await Assert.ThrowsAsync<InvalidOperationException>(() => PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Secretary, "Wrong-Password-5"));

        // An administrator makes a sign-in; its owner chooses a password through the link.
        var invitation = await AsAsync(DemoUsers.Administrator, scope =>
            scope.GetRequiredService<UserAccountService>().CreateAsync(new NewUser("logged.nowhere@york.example", "Private Person", [Roles.Officer], null), Ct));
        using var owner = await PortalHttp.ClientAsync(App.BaseUrl);
        var fields = await PortalHttp.FormFieldsAsync(owner, invitation.Link);
        fields["Input.Password"] = NewPassword;
        fields["Input.Confirm"] = NewPassword;
        using (var set = await owner.PostAsync(invitation.Link, new FormUrlEncodedContent(fields), Ct))
        {
            Assert.Contains("Your password is set", await set.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (await PortalHttp.ClientAsync(App.BaseUrl, "logged.nowhere@york.example", NewPassword))
        {
        }

        // A councillor's private note, and a backup.
        await AsAsync(DemoUsers.Member, async scope =>
        {
            var reports = scope.GetRequiredService<ReportReadingService>();
            var carlisle = (await reports.ListAsync(new ReportQuery(), Ct)).Rows.Single(r => r.Reference == "CE 21/09").Id;
            await scope.GetRequiredService<ReaderToolsService>().SaveNoteAsync(carlisle, null, Note, Ct);
            return 0;
        });
        await AsAsync(DemoUsers.Administrator, scope => scope.GetRequiredService<BackupService>().BackUpNowAsync(Ct));

        var secrets = new[]
        {
            DemoUsers.Member, DemoUsers.Secretary, DemoUsers.Administrator, "logged.nowhere@york.example", "york.example",
            "Private Person", "Cllr", "Walker", "Okafor", "Sam Patel",
            DemoUsers.Password, NewPassword, "Wrong-Password", Note, "Monitoring Officer",
            invitation.Link[(invitation.Link.IndexOf("code=", StringComparison.Ordinal) + 5)..][..40],
        };
        Assert.NotEmpty(_logs.Lines);
        Assert.Contains(_logs.Lines, l => l.Contains("locked out", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.Contains("Backup portal-", StringComparison.Ordinal));
        var leaks = _logs.Lines.SelectMany(line => secrets.Where(s => line.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"'{s}' in: {line}")).ToList();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
    }

    private async Task<T> AsAsync<T>(string email, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync((await users.FindByEmailAsync(email))!);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActFor(principal);
        return await work(scope.ServiceProvider);
    }
}
