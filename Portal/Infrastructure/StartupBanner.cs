using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Portal.Data;
using Portal.Data.Seeding;
using Portal.Features.Setup;

namespace Portal.Infrastructure;

/// <summary>Tells whoever started the portal where it is and how to sign in.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app, Installation installation, bool setupOpen)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault() ?? "(no address)";
        var lines = new List<string>
        {
            string.Empty,
            $"Portal for {installation.CouncilName} is running at {string.Join(", ", addresses)}",
        };
        var site = app.Services.GetRequiredService<PublicAddress>();
        lines.Add(site.IsConfigured
            ? $"Links in feeds and invitations use {site.BaseUri}"
            : $"Links in feeds and invitations use {site.BaseUri}: set Portal:PublicUrl to the address people reach the portal at");
        if (installation.Kind == InstallationKind.Council)
        {
            lines.Add($"If no administrator exists yet, create the first one at {address.TrimEnd('/')}/setup");
            if (setupOpen)
            {
                // Printed and logged only while there is no sign-in at all; it lives in memory, so a restart makes a new one.
                var code = app.Services.GetRequiredService<SetupCode>().Value;
                lines.Add($"  with this one-time setup code: {code} (it works once, until the portal restarts)");
                app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupBanner))
                    .LogWarning("No administrator exists yet: the one-time setup code for /setup is {SetupCode}", code);
            }
        }
        else
        {
            lines.Add($"Demo sign-ins (password for all: {DemoCouncil.Password}):");
            lines.AddRange(DemoCouncil.For(installation.Kind).SignIns.Select(p => $"  {p.Role,-14} {p.Email,-36} {p.Name}"));
        }

        lines.Add(string.Empty);
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
