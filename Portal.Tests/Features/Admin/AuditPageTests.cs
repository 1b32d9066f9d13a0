using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;
using Portal.Tests.Security;

namespace Portal.Tests.Features.Admin;

/// <summary>What the audit trail's page says about how much it found, as an administrator reads it.</summary>
public sealed class AuditPageTests : HttpTest
{
    [Fact]
    public async Task AFilterThatMatchesNothingSaysSoInsteadOfCountingNoughts()
    {
        using var admin = await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Administrator);

        var nothing = await admin.GetStringAsync("/admin/audit?item=Report%20999999", Ct);
        var everything = await admin.GetStringAsync("/admin/audit", Ct);

        Assert.Contains("No entries match what you chose.", nothing, StringComparison.Ordinal);
        Assert.DoesNotContain("0 entries match", nothing, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", nothing, StringComparison.Ordinal);
        Assert.Matches(@"\d+ entries match; the newest \d+ are shown\.", everything);
    }
}
