using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Infrastructure.Security;

namespace Portal.Data;

/// <summary>
/// Makes one short-lived <see cref="PortalDbContext"/> per operation, knowing who the caller is
/// so that the audit trail can name them. Scoped: one per circuit or request.
/// </summary>
public sealed class PortalDbContextFactory(DbContextOptions<PortalDbContext> options, ICurrentUser currentUser, TimeProvider clock, IDatabaseEngine engine)
    : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => engine.CreateContext(options, currentUser, clock);
}

/// <summary>Lets <c>dotnet ef</c> build the model when adding a SQLite migration (<c>--context PortalDbContext</c>); never used at run time.</summary>
internal sealed class DesignTimePortalDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=design-time.db").Options;
        return new PortalDbContext(options, new DesignTimeUser(), TimeProvider.System);
    }

    internal sealed class DesignTimeUser : ICurrentUser
    {
        public Task<System.Security.Claims.ClaimsPrincipal> GetPrincipalAsync() => Task.FromResult(new System.Security.Claims.ClaimsPrincipal());

        public Task<System.Security.Claims.ClaimsPrincipal> DemandAsync(string policy) => throw new NotSupportedException();

        public Task<bool> SatisfiesAsync(string policy) => Task.FromResult(false);
    }
}
