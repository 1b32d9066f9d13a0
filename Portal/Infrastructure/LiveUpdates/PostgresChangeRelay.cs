using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using Portal.Data;

namespace Portal.Infrastructure.LiveUpdates;

/// <summary>
/// Delivered on an instance when its link to the other instances' changes was lost and is back:
/// what was saved elsewhere meanwhile may have been missed, so every live page reloads once and
/// the caches keyed on <see cref="ChangeFeed.Version"/> start again.
/// </summary>
public sealed record ChangesMayHaveBeenMissed(DateTime AtUtc);

/// <summary>
/// The change feed across instances on one PostgreSQL database: each change published here (after
/// its commit, as services do) is sent with <c>pg_notify</c> on one channel, as its type and its
/// fields in JSON; each instance LISTENs on a connection of its own and delivers the others'
/// changes to its own subscribers, so their pages refresh and their caches drop. A dropped
/// connection is opened again (after 1, 2, 4... up to 30 seconds), LISTEN is said again, and
/// <see cref="ChangesMayHaveBeenMissed"/> is delivered once. Only on PostgreSQL; SQLite's one
/// instance needs none of this.
/// </summary>
public sealed class PostgresChangeRelay : BackgroundService
{
    public const string Channel = "portal_changes";

    // PostgreSQL's limit on a notification's payload is 8000 bytes; a larger change is sent as "missed".
    private const int MaxPayload = 7900;

    private readonly ChangeFeed _feed;
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly ILogger<PostgresChangeRelay> _logger;
    private readonly Channel<object> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private int _reconnects;

    public PostgresChangeRelay(ChangeFeed feed, Backups.DatabaseLocation database, TimeProvider clock, ILogger<PostgresChangeRelay> logger)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(database);
        _feed = feed;
        _clock = clock;
        _logger = logger;
        _connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            // Its own connections, kept alive, so a silently dropped link is noticed.
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = "portal-change-feed",
        }.ConnectionString;
    }

    /// <summary>Completes once this instance first listens.</summary>
    public Task Listening => _listening.Task;

    /// <summary>How many times the listening connection was opened again after it dropped.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _feed.Published += Enqueue;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _feed.Published -= Enqueue;
        _outgoing.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private void Enqueue(object change)
    {
        if (change is not ChangesMayHaveBeenMissed)
        {
            _outgoing.Writer.TryWrite(change);
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        NpgsqlConnection? connection = null;
        try
        {
            await foreach (var change in _outgoing.Reader.ReadAllAsync(ct))
            {
                string payload;
                try
                {
                    payload = Envelope(change);
                }
                catch (Exception ex) when (ex is NotSupportedException or System.Text.Json.JsonException)
                {
                    // A change that cannot be written as JSON is not passed on; the relay keeps running.
                    _logger.LogWarning("A change could not be passed to the other instances: {Error}", ex.Message);
                    continue;
                }

                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        if (connection is null)
                        {
                            connection = new NpgsqlConnection(_connectionString);
                            await connection.OpenAsync(ct);
                        }

                        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                        notify.Parameters.AddWithValue("channel", Channel);
                        notify.Parameters.AddWithValue("payload", payload);
                        await notify.ExecuteNonQueryAsync(ct);
                        break;
                    }
                    catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException && !ct.IsCancellationRequested)
                    {
                        if (connection is not null)
                        {
                            await connection.DisposeAsync();
                            connection = null;
                        }

                        if (attempt >= 3)
                        {
                            // The other instances reload once when their own link comes back; this one cannot tell them more.
                            _logger.LogWarning("A change could not be passed to the other instances: {Error}", ex.Message);
                            break;
                        }

                        await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), ct); // real time: a retry, not the council's clock
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        var wait = TimeSpan.FromSeconds(1);
        var listenedBefore = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                if (listenedBefore)
                {
                    Interlocked.Increment(ref _reconnects);
                    _logger.LogInformation("Listening to the other instances' changes again; live pages reload once");
                    _feed.Deliver(new ChangesMayHaveBeenMissed(_clock.GetUtcNow().UtcDateTime));
                }

                listenedBefore = true;
                wait = TimeSpan.FromSeconds(1);
                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                _logger.LogWarning("The link to the other instances' changes dropped ({Error}); trying again in {Seconds} s", ex.Message, wait.TotalSeconds);
                try
                {
                    await Task.Delay(wait, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                wait = TimeSpan.FromSeconds(Math.Min(30, wait.TotalSeconds * 2));
            }
        }
    }

    private string Envelope(object change)
    {
        var payload = JsonSerializer.Serialize(new Message(_instance, change.GetType().FullName!, JsonSerializer.SerializeToElement(change, change.GetType())));
        return payload.Length <= MaxPayload ? payload : JsonSerializer.Serialize(new Message(_instance, string.Empty, default));
    }

    private void Receive(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<Message>(payload);
            if (message is null || message.Instance == _instance)
            {
                return;
            }

            // Only the portal's own change records are made from a notification, never any other type it names.
            var type = string.IsNullOrEmpty(message.Type) ? null : typeof(ChangeFeed).Assembly.GetType(message.Type, throwOnError: false);
            object? change = type is not null && type.Name.EndsWith("Changed", StringComparison.Ordinal)
                ? message.Change.Deserialize(type)
                : null;
            _feed.Deliver(change ?? new ChangesMayHaveBeenMissed(_clock.GetUtcNow().UtcDateTime));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            // A change that cannot be read is treated as one missed: pages reload rather than miss it.
            _logger.LogWarning("A change from another instance could not be read ({Error}); live pages reload", ex.Message);
            _feed.Deliver(new ChangesMayHaveBeenMissed(_clock.GetUtcNow().UtcDateTime));
        }
    }

    private sealed record Message(string Instance, string Type, JsonElement Change);
}

/// <summary>Registers the relay on PostgreSQL only.</summary>
public static class ChangeRelayServices
{
    public static IServiceCollection AddPortalChangeRelay(this IServiceCollection services, IConfiguration configuration)
    {
        if (PortalDatabase.Provider(configuration) == DatabaseProvider.PostgreSQL)
        {
            services.AddSingleton<PostgresChangeRelay>();
            services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeRelay>());
        }

        return services;
    }
}
