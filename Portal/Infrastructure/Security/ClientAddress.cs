using System.Net;
using System.Net.Sockets;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The address a request comes from, as the rate limits and the sign-in lockout count it: an
/// IPv4 address as it is, an IPv6 address by its /64 network (one household or one server is
/// given a whole /64, so counting single IPv6 addresses would count nothing). Behind a reverse
/// proxy every request comes from the proxy unless the proxy is trusted (<c>Portal:KnownProxies</c>
/// or <c>Portal:KnownNetworks</c>, see <c>ProxySettings</c>): then it is the visitor's own.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.Connection.RemoteIpAddress);
    }

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
