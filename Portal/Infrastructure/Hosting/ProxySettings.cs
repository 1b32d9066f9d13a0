using System.Net;

namespace Portal.Infrastructure.Hosting;

/// <summary>
/// The reverse proxies the portal trusts to say who is calling: <c>Portal:KnownProxies</c>
/// (addresses) and <c>Portal:KnownNetworks</c> (CIDR ranges such as 10.0.0.0/24), each a list in
/// configuration or one value with <c>;</c> or <c>,</c> between several. Only a request whose
/// connection comes from one of them has its <c>X-Forwarded-For</c>, <c>-Proto</c> and
/// <c>-Host</c> believed; from anyone else they are ignored, so nobody can claim another address
/// or pretend to have come over HTTPS by sending a header.
/// </summary>
public sealed class ProxySettings
{
    public const string ProxiesKey = "Portal:KnownProxies";
    public const string NetworksKey = "Portal:KnownNetworks";

    private ProxySettings(IReadOnlyList<IPAddress> proxies, IReadOnlyList<IPNetwork> networks, IReadOnlyList<string> problems)
    {
        Proxies = proxies;
        Networks = networks;
        Problems = problems;
    }

    public IReadOnlyList<IPAddress> Proxies { get; }

    public IReadOnlyList<IPNetwork> Networks { get; }

    /// <summary>Each entry that is not an address or a network, as a sentence saying which setting holds it.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Whether any proxy is trusted (otherwise the forwarded headers are not read at all).</summary>
    public bool Any => Proxies.Count > 0 || Networks.Count > 0;

    public static ProxySettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var proxies = new List<IPAddress>();
        foreach (var entry in Entries(configuration, ProxiesKey))
        {
            if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                problems.Add($"{ProxiesKey} must list IP addresses such as 10.0.0.5, not \"{entry}\".");
            }
        }

        var networks = new List<IPNetwork>();
        foreach (var entry in Entries(configuration, NetworksKey))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else
            {
                problems.Add($"{NetworksKey} must list networks such as 10.0.0.0/24, not \"{entry}\".");
            }
        }

        return new ProxySettings(proxies, networks, problems);
    }

    /// <summary>What the settings say, for the start-up check: the proxies and networks trusted.</summary>
    public override string ToString() => string.Join(", ", Proxies.Select(p => p.ToString()).Concat(Networks.Select(n => n.ToString())));

    /// <summary>The values under <paramref name="key"/>: its children (a list) and its own value split at ; and ,.</summary>
    private static IEnumerable<string> Entries(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
