using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data.Seeding;
using Portal.Domain.Meetings;
using Portal.Domain.Plans;
using Portal.Infrastructure.Health;
using Portal.Infrastructure.Hosting;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Data;

/// <summary>
/// Prepares the database at start-up (what differs between SQLite and PostgreSQL is in
/// <see cref="IDatabaseEngine"/>). For SQLite: creates its folder, checks the file (a damaged file,
/// one that is not a database, or another program's SQLite file is refused before anything
/// migrates or seeds it), applies the committed migrations, switches the file to WAL, makes the
/// data-protection key if there is none yet, makes sure
/// the roles exist, and seeds the chosen demo into an empty database. A demo database is never
/// opened as a council's own record, nor the other way round, so the demo's known passwords
/// cannot reach real use. Each refusal is a <see cref="DatabaseRefusedException"/>.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    RoleManager<IdentityRole> roles,
    DemoSeeder demoSeeder,
    DatabaseIntegrity integrity,
    IDatabaseEngine engine,
    IDataProtectionProvider protection,
    IOptions<PortalOptions> options,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task<Installation> InitializeAsync(CancellationToken ct)
    {
        currentUser.RunAsSystem("start-up");
        var wanted = options.Value.Kind;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var connectionString = db.Database.GetConnectionString();
        var where = engine.Describe(connectionString!);
        Check(where, await engine.BeforeMigrateAsync(db, db.Database.GetMigrations().ToList(), ct));
        await db.Database.MigrateAsync(ct);
        await engine.AfterMigrateAsync(db, ct);

        // The key ring's first key is made now, not inside the first transaction that needs one.
        KeyRingKeeper.EnsureKey(protection);

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var installation = await db.Installations.AsNoTracking().SingleOrDefaultAsync(ct);

        // The council's clock reads its own time zone from here on, seeding included.
        var country = await db.MeetingSettings.AsNoTracking().Select(s => (Country?)s.Country).SingleOrDefaultAsync(ct) ?? CountryFor(installation?.Kind ?? wanted);
        (clock as CouncilClock)?.Follow(country);

        if (installation is null)
        {
            if (wanted == InstallationKind.Council)
            {
                db.Installations.Add(Installation.Create(InstallationKind.Council, options.Value.CouncilName, clock.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(ct);
            }
            else
            {
                logger.LogInformation("Seeding the {Demo} into an empty database", wanted);
                await demoSeeder.SeedAsync(DemoCouncil.For(wanted), ct);
            }

            installation = await db.Installations.AsNoTracking().SingleAsync(ct);
        }
        else if (installation.Kind != wanted)
        {
            throw new DatabaseRefusedException(installation.Kind == InstallationKind.Council
                ? $"The portal did not start: {where} is {installation.CouncilName}'s own record; it cannot be opened as a demo (Portal:Demo={options.Value.Demo}). Point ConnectionStrings:Portal at a new file for a demo."
                : $"The portal did not start: {where} holds the {installation.Kind} with its known demo passwords; it cannot be opened as a council's own record or another demo. Point ConnectionStrings:Portal at a new file.");
        }

        if (!await db.PlanSettings.AnyAsync(ct))
        {
            db.PlanSettings.Add(PlanSettings.CreateDefault());
            await db.SaveChangesAsync(ct);
        }

        if (!await db.EstablishmentSettings.AnyAsync(ct))
        {
            db.EstablishmentSettings.Add(Portal.Domain.Establishment.EstablishmentSettings.CreateDefault());
            await db.SaveChangesAsync(ct);
        }

        if (!await db.MeetingSettings.AnyAsync(ct))
        {
            db.MeetingSettings.Add(MeetingSettings.CreateDefault(country));
            await db.SaveChangesAsync(ct);
        }

        return installation;
    }

    /// <summary>The country a new installation follows: the Swedish demo's, or a council's that reads Swedish first; otherwise England's.</summary>
    private Country CountryFor(InstallationKind kind) =>
        kind == InstallationKind.SwedishDemo
        || (kind == InstallationKind.Council && options.Value.EffectiveDefaultCulture.StartsWith("sv", StringComparison.Ordinal))
            ? Country.Sweden
            : Country.England;

    /// <summary>Refuses a database that is damaged, not a database, or not the portal's; records the integrity check for the health endpoint.</summary>
    private void Check(string where, Portal.Infrastructure.Backups.IntegrityResult? result)
    {
        if (result is null)
        {
            return;
        }

        integrity.Record(result, clock.GetUtcNow().UtcDateTime);
        if (!result.IsSound)
        {
            throw new DatabaseRefusedException(
                $"The portal did not start: {where}: {result.Message}. Nothing was changed. Restore a backup into its place "
                + "(dotnet run --project Portal -- restore <backup file>) or point ConnectionStrings:Portal at another file.");
        }
    }
}
