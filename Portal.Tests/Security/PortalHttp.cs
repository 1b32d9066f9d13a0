using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Tests.Security;

/// <summary>A plain HTTP client on the running portal, with its own cookies, signed in through the real sign-in form when given an email.</summary>
internal static partial class PortalHttp
{
    public static async Task<HttpClient> ClientAsync(string baseUrl, string? email = null, string password = Infrastructure.DemoUsers.Password, string? from = null)
    {
        var client = new HttpClient(Handler(from)) { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        if (email is not null)
        {
            await SignInAsync(client, email, password);
        }

        return client;
    }

    /// <summary>Signs <paramref name="client"/> in through the sign-in form; throws when it does not work.</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password = Infrastructure.DemoUsers.Password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var fields = await FormFieldsAsync(client, "/account/login");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        if (response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Signing in as {email} failed.");
        }
    }

    /// <summary>
    /// A handler with its own cookies that follows redirects; with <paramref name="from"/> (a
    /// loopback address such as 127.0.0.2) its connections come from that address, so a test can
    /// be a visitor at another address than the others.
    /// </summary>
    public static SocketsHttpHandler Handler(string? from = null)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true };
        if (from is not null)
        {
            var local = IPAddress.Parse(from);
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(local.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return handler;
    }

    /// <summary>The hidden fields of the form at <paramref name="path"/> (its antiforgery token and handler name).</summary>
    public static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client, string path)
    {
        var form = await client.GetStringAsync(path);
        return HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
