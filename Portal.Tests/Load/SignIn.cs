using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Tests.Load;

/// <summary>Signs in through the portal's own sign-in form over HTTP, as a browser posts it, and keeps the cookie.</summary>
public static partial class SignIn
{
    /// <summary>An HTTP client at <paramref name="baseUrl"/> with its cookies; signed in when <paramref name="email"/> is given.</summary>
    public static async Task<(HttpClient Http, CookieContainer Cookies)> ClientAsync(string baseUrl, string? email, string? password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl + "/") };
        if (email is null)
        {
            return (http, cookies);
        }

        var form = await http.GetStringAsync("account/login", ct);
        var fields = Hidden().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password ?? string.Empty;
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync("account/login", content, ct);
        if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }

        return (http, cookies);
    }

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex Hidden();
}
