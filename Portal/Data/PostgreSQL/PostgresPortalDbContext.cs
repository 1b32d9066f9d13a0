using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Infrastructure.Security;

namespace Portal.Data.PostgreSQL;

/// <summary>
/// The portal's one model on PostgreSQL. A type of its own only so that its migrations (in
/// <c>Data/PostgreSQL/Migrations</c>) are told apart from SQLite's; everything else is
/// <see cref="PortalDbContext"/>'s.
/// </summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PortalDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : PortalDbContext(options, currentUser, clock);

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model when adding a migration
/// (<c>--context PostgresPortalDbContext</c>); no server is needed and none is reached.
/// </summary>
internal sealed class DesignTimePostgresPortalDbContextFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PostgresEngine.UsePortalPostgres(options, "Host=localhost;Database=portal_design_time");
        return new PostgresPortalDbContext(options.Options, new DesignTimePortalDbContextFactory.DesignTimeUser(), TimeProvider.System);
    }
}
