using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Deployment;

/// <summary>
/// The real portal as its own process (Portal.dll beside this test build), mailing a real SMTP
/// server on loopback, with its sender held back: it writes its notifications (the chasers of the
/// demo's actions and indicators due within 90 days and overdue), is killed with SIGKILL before it sends any,
/// and is started again on the same file: each notification arrives exactly once, and the
/// restarted portal's own chaser run writes none again.
/// </summary>
public sealed class NotificationCrashTests : IAsyncDisposable
{
    private readonly TempDatabase _database = new();
    private readonly StringBuilder _log = new();
    private Process? _portal;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync()
    {
        Stop();
        _database.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task NotificationsWrittenBeforeAKillAreEachSentExactlyOnceAfterTheRestart()
    {
        await using var smtp = await LoopbackSmtp.StartAsync();

        // First life: seeds the demo, writes the chasers, and is held back from sending for an hour.
        await StartAsync(smtp.Port, holdBack: TimeSpan.FromHours(1));
        var written = await WaitForWrittenAsync();
        Assert.NotEmpty(written);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Empty(smtp.Messages);
        _portal!.Kill(entireProcessTree: true);
        Assert.True(_portal.WaitForExit(10_000), "The portal did not die.");
        _portal.Dispose();
        _portal = null;

        var pending = await ListAsync("SELECT Id FROM Notifications WHERE State = 'Pending' AND Email IS NOT NULL ORDER BY Id");
        var all = await ListAsync("SELECT COUNT(*) FROM Notifications");
        Assert.Equal(written, pending);
        Assert.Empty(smtp.Messages);

        // Second life on the same file, sending at once.
        await StartAsync(smtp.Port, holdBack: TimeSpan.Zero);
        var received = await smtp.WaitForAsync(pending.Count, TimeSpan.FromSeconds(60));
        Assert.True(received.Count >= pending.Count, $"{received.Count} of {pending.Count} mails arrived.\n{_log}");

        // A few more of the sender's rounds (and its chasers): nothing more goes, nothing new is written.
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        received = [.. smtp.Messages];
        var host = new Uri(Url).Host;
        Assert.Equal(pending.Select(id => $"notification-{id}@{host}").Order(), received.Select(m => m.Message.MessageId).Order());
        Assert.Equal(all, await ListAsync("SELECT COUNT(*) FROM Notifications"));
        Assert.Equal(
            pending.Count.ToString(CultureInfo.InvariantCulture),
            Assert.Single(await ListAsync($"SELECT COUNT(*) FROM Notifications WHERE State = 'Sent' AND Id IN ({string.Join(',', pending)})")));
        TestContext.Current.SendDiagnosticMessage($"Notification crash test: {pending.Count} written before SIGKILL, {received.Count} received after restart.");
    }

    private string Url { get; set; } = string.Empty;

    /// <summary>Waits until the held-back portal has written its notifications and stopped writing more; their ids.</summary>
    private async Task<List<string>> WaitForWrittenAsync()
    {
        var watch = Stopwatch.StartNew();
        List<string> last = [];
        var steady = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            var now = await ListAsync("SELECT Id FROM Notifications WHERE State = 'Pending' AND Email IS NOT NULL ORDER BY Id");
            steady = now.Count > 0 && now.SequenceEqual(last) ? steady + 1 : 0;
            if (steady >= 4)
            {
                return now;
            }

            last = now;
            await Task.Delay(500, Ct);
        }

        Assert.Fail($"The portal wrote no notifications to send within a minute.\n{_log}");
        return [];
    }

    private async Task StartAsync(int smtpPort, TimeSpan holdBack)
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = PortalProcess.ProjectFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Assert.True(File.Exists(PortalProcess.PortalDll), $"The portal is not built at {PortalProcess.PortalDll}.");
        string[] arguments =
        [
            PortalProcess.PortalDll, "--urls", Url, "--ConnectionStrings:Portal", _database.ConnectionString, "--Portal:Demo", "en",
            "--Portal:Backups:EveryHours", "0", "--Logging:LogLevel:Default", "Warning", "--Portal:PublicUrl", Url + "/",
            "--Portal:Mail:Host", "127.0.0.1", "--Portal:Mail:Port", smtpPort.ToString(CultureInfo.InvariantCulture), "--Portal:Mail:TlsMode", "None",
            "--Portal:Mail:PollSeconds", "0.2", "--Portal:Notifications:ChaseDays", "90", "--Portal:Notifications:SenderStartDelay", holdBack.ToString("c", CultureInfo.InvariantCulture),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        _portal = Process.Start(start)!;
        _portal.OutputDataReceived += (_, e) => Log(e.Data);
        _portal.ErrorDataReceived += (_, e) => Log(e.Data);
        _portal.BeginOutputReadLine();
        _portal.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(180))
        {
            Assert.False(_portal.HasExited, $"The portal exited while starting.\n{_log}");
            try
            {
                if ((await client.GetAsync("/health/ready", Ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!Ct.IsCancellationRequested)
            {
            }

            await Task.Delay(250, Ct);
        }

        Assert.Fail($"The portal did not become ready within three minutes.\n{_log}");
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private void Stop()
    {
        if (_portal is { HasExited: false })
        {
            _portal.Kill(entireProcessTree: true);
            _portal.WaitForExit(10_000);
        }

        _portal?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var connection = new SqliteConnection($"{_database.ConnectionString};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
