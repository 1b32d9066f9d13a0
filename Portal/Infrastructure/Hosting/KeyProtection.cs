using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Portal.Data;

namespace Portal.Infrastructure.Hosting;

/// <summary>
/// The data-protection keys that sign the sign-in cookies, invitation and reset links and the
/// known-device marks: kept in the portal's database (table <c>DataProtectionKeys</c>) under one
/// application name, so a restart, an upgrade or a move to another machine signs nobody out and
/// voids no link, and the keys travel with every backup. At rest they are plain XML unless
/// <c>Portal:DataProtection:CertificatePath</c> names a PFX file (with
/// <c>Portal:DataProtection:CertificatePassword</c>) whose key then encrypts them; on Linux nothing
/// else protects them, so the database file and its backups must be kept as private as the keys.
/// </summary>
public static class KeyProtection
{
    public const string ApplicationName = "Portal";
    public const string CertificatePathKey = "Portal:DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "Portal:DataProtection:CertificatePassword";

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var protection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
        if (TryLoadCertificate(configuration, out var certificate, out _) && certificate is not null)
        {
            protection.ProtectKeysWithCertificate(certificate);
        }

        services.AddHostedService<KeyRingKeeper>();
        return services;
    }

    /// <summary>Whether the keys are encrypted at rest, in words for the start-up check.</summary>
    public static string AtRest(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[CertificatePathKey])
            ? "not encrypted at rest (set " + CertificatePathKey + " to a PFX file to encrypt them; keep the database and its backups private)"
            : "encrypted at rest with the certificate in " + configuration[CertificatePathKey];

    /// <summary>A certificate named but unreadable, as one sentence (the portal does not start with it).</summary>
    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!TryLoadCertificate(configuration, out var certificate, out var problem))
        {
            yield return problem!;
        }

        certificate?.Dispose();
    }

    private static bool TryLoadCertificate(IConfiguration configuration, out X509Certificate2? certificate, out string? problem)
    {
        certificate = null;
        problem = null;
        var path = configuration[CertificatePathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return true;
        }

        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordKey]);
            if (!certificate.HasPrivateKey)
            {
                problem = $"{CertificatePathKey} names {path}, which has no private key: the keys could be encrypted but never read again.";
                certificate.Dispose();
                certificate = null;
                return false;
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            problem = $"{CertificatePathKey} names {path}, which could not be read as a PFX file with {CertificatePasswordKey}: {ex.Message}";
            return false;
        }
    }
}
