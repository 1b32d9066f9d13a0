using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Features.TwoFactor;
using Portal.Infrastructure;

using Portal.Infrastructure.Security.Oidc;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The portal's real services (the same <see cref="PortalServices.AddPortalCore"/> the app uses)
/// on a temp SQLite file with the real migrations, or on a PostgreSQL database of its own with
/// PostgreSQL's migrations (<see cref="TestDatabases"/>). Each <see cref="Session"/> is one signed-in
/// (or anonymous) caller, like one circuit.
/// </summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly TempDatabase? _database;
    private readonly PostgresDatabase? _postgres;
    private readonly AsyncServiceScope _inspection;

    private ServiceHarness(ServiceProvider root, TempDatabase? database, PostgresDatabase? postgres, FakeTimeProvider clock)
    {
        _root = root;
        _database = database;
        _postgres = postgres;
        _inspection = root.CreateAsyncScope();
        Clock = clock;
    }

    /// <summary>Contexts for a test to look at the database directly, outside any caller's session.</summary>
    public IDbContextFactory<PortalDbContext> Db => _inspection.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Root => _root;

    /// <summary>The SQLite file (a test that reads the file itself runs on SQLite only).</summary>
    public string DatabaseFile => _database?.File ?? throw new NotSupportedException("This harness runs on PostgreSQL: there is no file.");

    public string ConnectionString => _database?.ConnectionString ?? _postgres!.ConnectionString;

    /// <summary>The engine this harness runs on (<see cref="TestDatabases.Default"/> unless the test chose one).</summary>
    public DatabaseProvider Provider => _postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSQL;

    /// <summary>
    /// Starts on a copy of the seeded demo (<see cref="DemoTemplates"/>), or with <paramref name="fresh"/>
    /// on an empty file that start-up migrates and seeds, on <paramref name="now"/> when given.
    /// </summary>
    public static async Task<ServiceHarness> StartAsync(
        string demo = "en", bool fresh = false, DateTimeOffset? now = null, IReadOnlyDictionary<string, string?>? settings = null, DatabaseProvider? provider = null)
    {
        if (now is not null && !fresh)
        {
            throw new ArgumentException("Only a fresh start can be seeded on another day: the copied demo was seeded on the fixed one.", nameof(now));
        }

        TempDatabase? database = null;
        PostgresDatabase? postgres = null;
        if ((provider ?? TestDatabases.Default) == DatabaseProvider.PostgreSQL)
        {
            postgres = await PostgresDatabase.CreateAsync(fresh ? "none" : demo);
        }
        else
        {
            database = new TempDatabase();
            if (!fresh)
            {
                await DemoTemplates.CopyToAsync(demo, realTime: false, database.File);
            }
        }

        var services = Build(database?.ConnectionString ?? postgres!.ConnectionString, demo, out var clock, settings: settings, provider: postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSQL);
        if (now is DateTimeOffset moment)
        {
            clock.SetUtcNow(moment);
        }

        var harness = new ServiceHarness(services, database, postgres, clock);
        await harness.InitializeAsync();
        return harness;
    }

    internal static ServiceProvider Build(
        string connectionString, string demo, out FakeTimeProvider clock, bool realTime = false, IReadOnlyDictionary<string, string?>? settings = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:Demo"] = demo })
            .AddInMemoryCollection(TestDatabases.Settings(provider))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpContextAccessor();
        services.AddDataProtection();
        services.AddAuthentication().AddIdentityCookies();
        services.AddPortalCore(configuration, connectionString);
        services.AddPortalTwoFactor(configuration);
        services.AddPortalOidc(configuration);
        // A query whose answer depends on the order SQLite happens to read rows in (a First or a
        // Take with no OrderBy), or that multiplies rows by joining two collections, fails here.
        services.ConfigureDbContext<PortalDbContext>(options => options.ConfigureWarnings(warnings => warnings.Throw(
            CoreEventId.FirstWithoutOrderByAndFilterWarning,
            CoreEventId.RowLimitingOperationWithoutOrderByWarning,
            RelationalEventId.MultipleCollectionIncludeWarning)));
        if (!realTime)
        {
            // Otherwise the portal's own clock: the real time on the council's clock, as the app reads it.
            services.AddSingleton<TimeProvider>(clock);
        }

        services.AddScoped<TestAuthenticationStateProvider>();
        services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<TestAuthenticationStateProvider>());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Runs start-up again (migrate, seed if empty), as a restart of the app would.</summary>
    public async Task InitializeAsync()
    {
        await using var scope = _root.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    }

    /// <summary>A caller with no sign-in.</summary>
    public Session Anonymous() => new(_root.CreateAsyncScope(), new ClaimsPrincipal(new ClaimsIdentity()));

    /// <summary>A caller signed in as the demo user with this email, with the claims a real sign-in makes.</summary>
    public async Task<Session> SignedInAsAsync(string email)
    {
        var scope = _root.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo user {email}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        return new Session(scope, principal);
    }

    /// <summary>Adds a person in the named unit with a sign-in in the given role (password <see cref="DemoUsers.Password"/>).</summary>
    public async Task AddPersonWithSignInAsync(string email, string name, string role, string unitName)
    {
        await using var scope = _root.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true };
        var created = await users.CreateAsync(user, DemoUsers.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        await using var db = await Db.CreateDbContextAsync();
        var unit = await db.OrganisationUnits.SingleAsync(u => u.Name == unitName);
        var person = Portal.Domain.Organisation.Person.Create(name, null, email, unit);
        person.LinkSignIn(user.Id);
        db.People.Add(person);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _inspection.DisposeAsync();
        await _root.DisposeAsync();
        _database?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    public sealed class Session : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope;

        internal Session(AsyncServiceScope scope, ClaimsPrincipal principal)
        {
            _scope = scope;
            scope.ServiceProvider.GetRequiredService<TestAuthenticationStateProvider>().User = principal;
        }

        public T Get<T>()
            where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

        public object Get(Type service) => _scope.ServiceProvider.GetRequiredService(service);

        public object? TryGet(Type service) => _scope.ServiceProvider.GetService(service);

        public ValueTask DisposeAsync() => _scope.DisposeAsync();
    }
}

/// <summary>Stands in for the circuit's authentication state: whoever the test says is signed in.</summary>
public sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
{
    public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
}
