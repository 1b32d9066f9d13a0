using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// The real app on Kestrel at a free port, on a temp database of its own, seeded with the English
/// demo (or, for the benchmarks, with no demo). With <c>PORTAL_TEST_DATABASE=PostgreSQL</c> the
/// database is a PostgreSQL one of its own on the test run's server, copied from the seeded demo.
/// </summary>
public sealed class PortalApp : WebApplicationFactory<Program>
{
    private readonly TempDatabase _database = new();
    private PostgresDatabase? _postgres;
    private readonly string _demo;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private readonly ILoggerProvider? _logs;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;

    /// <param name="services">Changes to the app's services after its own (a stand-in that counts calls, say).</param>
    /// <param name="environment">The hosting environment: Development unless a test needs what a real deployment does (HSTS, Secure cookies).</param>
    public PortalApp(string demo = "en", IReadOnlyDictionary<string, string>? settings = null, ILoggerProvider? logs = null, Action<IServiceCollection>? services = null, string environment = "Development")
    {
        _demo = demo;
        _environment = environment;
        _logs = logs;
        _services = services;
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(0);
    }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The app's database file, for a test that works on it from outside (a restore, a damaged page).</summary>
    public string DatabaseFile => _database.File;

    public void Start()
    {
        if (TestDatabases.Default == DatabaseProvider.PostgreSQL)
        {
            _postgres = PostgresDatabase.CreateAsync(_demo, realTime: true).GetAwaiter().GetResult();
        }
        else
        {
            DemoTemplates.CopyToAsync(_demo, realTime: true, _database.File).GetAwaiter().GetResult();
        }

        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>Reads the app's database directly, to find the ids a test navigates to.</summary>
    public async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("ConnectionStrings:Portal", _postgres?.ConnectionString ?? _database.ConnectionString);
        if (_postgres is not null)
        {
            builder.UseSetting(PortalDatabase.ProviderKey, nameof(DatabaseProvider.PostgreSQL));
        }

        builder.UseSetting("Portal:Demo", _demo);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Portal:Backups:EveryHours", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
            _postgres?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
