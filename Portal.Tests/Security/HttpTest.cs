using Portal.Tests.Browser;

namespace Portal.Tests.Security;

/// <summary>
/// A test over plain HTTP (<see cref="PortalHttp"/>) against the real app on Kestrel, on a temp
/// database of its own seeded with the English demo; a test changes how the app starts by
/// overriding <see cref="CreateApp"/>, and prepares it further in <see cref="StartedAsync"/>.
/// </summary>
public abstract class HttpTest : IAsyncLifetime
{
    protected PortalApp App { get; private set; } = default!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        App = CreateApp();
        App.Start();
        await StartedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The app, before it starts: the demo with the test defaults unless a test says otherwise.</summary>
    protected virtual PortalApp CreateApp() => new();

    /// <summary>Runs once the app is listening, before the test.</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;
}
