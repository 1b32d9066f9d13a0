using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Infrastructure.Backups;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Deployment;

/// <summary>
/// The data-protection keys live in the portal's database: what one run of the portal protected
/// (a sign-in cookie's ticket, an invitation link's token) is still good after a restart on the
/// same file, and on a backup of it restored elsewhere; the keys are never written to the audit trail.
/// </summary>
public sealed class DataProtectionKeyTests
{
    private const string CookiePurpose = "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhatOneRunProtectedTheNextRunAndABackupStillRead()
    {
        using var database = new TempDatabase();
        string cookie;
        string token;
        PortalUser user;
        await using (var first = await StartAsync(database.ConnectionString))
        {
            cookie = Protector(first).Protect("a sign-in ticket");
            await using var scope = first.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            user = new PortalUser { UserName = "invited@council.example", Email = "invited@council.example", DisplayName = "Invited" };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            token = await users.GeneratePasswordResetTokenAsync(user);
        }

        SqliteConnection.ClearAllPools();
        await using (var second = await StartAsync(database.ConnectionString))
        {
            Assert.Equal("a sign-in ticket", Protector(second).Unprotect(cookie));
            await using var scope = second.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var invited = await users.FindByEmailAsync("invited@council.example");
            Assert.True(await users.VerifyUserTokenAsync(invited!, TokenOptions.DefaultProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, token));

            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync(Ct));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType.Contains("DataProtection") || (a.After != null && a.After.Contains("<key ")), Ct), "A key was written to the audit trail.");
        }

        // A backup carries the keys: a portal started on the copy reads the same cookie.
        var copy = await DatabaseBackup.TakeAsync(database.ConnectionString, Path.Combine(database.Folder, "backups"), DateTime.UtcNow, Ct);
        SqliteConnection.ClearAllPools();
        await using var restored = await StartAsync($"Data Source={copy.Path}");
        Assert.Equal("a sign-in ticket", Protector(restored).Unprotect(cookie));
    }

    [Fact]
    public async Task AnotherDatabaseHasOtherKeys()
    {
        using var database = new TempDatabase();
        using var other = new TempDatabase();
        string cookie;
        await using (var first = await StartAsync(database.ConnectionString))
        {
            cookie = Protector(first).Protect("a sign-in ticket");
        }

        await using var elsewhere = await StartAsync(other.ConnectionString);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(elsewhere).Unprotect(cookie));
    }

    [Fact]
    public async Task WithACertificateConfiguredTheKeysAreEncryptedAtRestAndStillRead()
    {
        using var folder = new TempDatabase();
        var pfx = Path.Combine(folder.Folder, "keys.pfx");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Portal keys", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "a password"), Ct);
        }

        // A new council's database: the demo templates already hold a key made without a certificate.
        await using var app = new Browser.PortalApp(demo: "none", settings: new Dictionary<string, string>
        {
            ["Portal:DataProtection:CertificatePath"] = pfx,
            ["Portal:DataProtection:CertificatePassword"] = "a password",
        });
        app.Start();
        var cookie = Protector(app.Services).Protect("a sign-in ticket");

        var xml = await app.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml).SingleAsync(Ct));
        Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.Equal("a sign-in ticket", Protector(app.Services).Unprotect(cookie));
    }

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurpose);

    /// <summary>One run of the portal's services on <paramref name="connectionString"/>: migrated, as a start does.</summary>
    private static async Task<ServiceProvider> StartAsync(string connectionString)
    {
        var services = ServiceHarness.Build(connectionString, "none", out _);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(Ct);
        return services;
    }
}
