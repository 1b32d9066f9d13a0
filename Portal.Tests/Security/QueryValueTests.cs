using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Every query value a page or an endpoint reads (found by reflection, so a new one is walked
/// too), given what a probe would send: words for numbers, numbers out of range, control
/// characters. Each answer is the page as normal (the value treated as absent) or a plain
/// refusal, never the error page or a server error, and the server logs no error.
/// </summary>
public sealed partial class QueryValueTests : HttpTest
{
    private static readonly string[] BadValues =
    [
        "abc", "-1", "0", "99999999999", "2147483648", "-2147483649", "1e9", "%00", "%0D%0ALocation:%20https://evil.example",
        "/%0D%0ALocation:%20https://evil.example", "/plans%00",         "%01%1F%7F", "%E2%80%AE", "//evil.example", "/%5Cevil.example", "0001-01-01", "9999-12-31", "10000-01", "%20", "true%00",
    ];

    private readonly CapturedLogs _logs = new();

    // The open data's own rate limit would refuse a probe this long with 429 before it reads the value.
    protected override PortalApp CreateApp() => new(logs: _logs, settings: new Dictionary<string, string> { ["Portal:RateLimits:OpenDataPerAddress"] = "0" });

    [Fact]
    public async Task EveryPageAndEndpointTreatsABadQueryValueAsAbsentOrRefusesItPlainly()
    {
        var samples = await PageAuthorisationMatrixTests.SamplesAsync(App);
        var targets = PageTargets(samples).Concat(EndpointTargets(samples)).ToList();
        Assert.Contains(targets, t => t.Path.StartsWith("/plans/", StringComparison.Ordinal) && t.Parameter == "year");
        Assert.Contains(targets, t => t.Path == "/decisions" && t.Parameter == "year");
        Assert.Contains(targets, t => t.Path == "/culture/set" && t.Parameter == "returnUrl");
        Assert.Contains(targets, t => t.Path.EndsWith("/export/actions.csv", StringComparison.Ordinal) && t.Parameter == "year");

        using var admin = await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Administrator);
        using var anonymous = await PortalHttp.ClientAsync(App.BaseUrl);
        var failures = new List<string>();
        foreach (var (path, parameter, others) in targets)
        {
            foreach (var value in BadValues)
            {
                // The culture switch needs a culture to get as far as the address it returns to.
                var query = $"{parameter}={value}" + (others.Length == 0 ? string.Empty : "&" + others);
                foreach (var (who, client) in new[] { ("administrator", admin), ("anonymous", anonymous) })
                {
                    var failure = await ProblemAsync(client, $"{path}?{query}");
                    if (failure is not null)
                    {
                        failures.Add($"{who} {path}?{query}: {failure}");
                    }
                }
            }
        }

        var errors = _logs.AtLeast(LogLevel.Error);
        Assert.True(failures.Count == 0 && errors.Count == 0, string.Join('\n', failures.Concat(errors.Select(e => "logged: " + e.Split('\n')[0])).Take(200)));
    }

    [Fact]
    public async Task ASignInWithControlCharactersInItsReturnAddressLandsOnTheHomePage()
    {
        foreach (var returnUrl in new[] { "/%0D%0ALocation:%20https://evil.example", "%00", "/plans%01", "//evil.example", "/%5Cevil.example" })
        {
            using var signedIn = await PortalHttp.ClientAsync(App.BaseUrl);
            var fields = await PortalHttp.FormFieldsAsync(signedIn, $"/account/login?returnUrl={returnUrl}");
            fields["Input.Email"] = DemoUsers.Officer;
            fields["Input.Password"] = DemoUsers.Password;
            using var response = await signedIn.PostAsync($"/account/login?returnUrl={returnUrl}", new FormUrlEncodedContent(fields), Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(App.BaseUrl, response.RequestMessage!.RequestUri!.GetLeftPart(UriPartial.Authority));
            Assert.Equal("/", response.RequestMessage.RequestUri.AbsolutePath);
            Assert.DoesNotContain("Sorry, there is a problem", html, StringComparison.Ordinal);
        }

        Assert.Empty(_logs.AtLeast(LogLevel.Error));
    }

    /// <summary>What went wrong with the answer, or null when it was the page (or a plain refusal).</summary>
    private static async Task<string?> ProblemAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        if ((int)response.StatusCode >= 500)
        {
            return $"answered {(int)response.StatusCode}";
        }

        if (body.Contains("Sorry, there is a problem with the service", StringComparison.Ordinal))
        {
            return "the error page";
        }

        var final = response.RequestMessage!.RequestUri!;
        if (final.Host != "127.0.0.1")
        {
            return $"sent to {final}";
        }

        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.NotModified or HttpStatusCode.Forbidden
            ? null
            : $"answered {(int)response.StatusCode}";
    }

    /// <summary>Every routable page's query parameters, at each sample path of its route in the page matrix.</summary>
    private static IEnumerable<(string Path, string Parameter, string Others)> PageTargets(IReadOnlyDictionary<string, string> samples)
    {
        foreach (var page in typeof(Program).Assembly.GetTypes().Where(t => t.GetCustomAttributes<RouteAttribute>().Any()))
        {
            var parameters = page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Select(p => (Property: p, Query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                .Where(p => p.Query is not null)
                .Select(p => p.Query!.Name ?? p.Property.Name)
                .ToList();
            foreach (var template in page.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            {
                foreach (var sample in PageAuthorisationMatrixTests.Table.Where(r => r.Template == template).Select(r => r.Sample.Split('?')[0]).Distinct())
                {
                    foreach (var parameter in parameters)
                    {
                        yield return (PageAuthorisationMatrixTests.Fill(sample, samples), parameter, string.Empty);
                    }
                }
            }
        }
    }

    /// <summary>Every GET endpoint's parameters that come from the query string (simple values not in its route).</summary>
    private IEnumerable<(string Path, string Parameter, string Others)> EndpointTargets(IReadOnlyDictionary<string, string> samples)
    {
        var simple = new[] { typeof(string), typeof(int), typeof(int?), typeof(bool), typeof(bool?), typeof(long), typeof(long?), typeof(DateOnly), typeof(DateOnly?) };
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true);
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern;
            var query = endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
                .Where(p => simple.Contains(p.ParameterInfo.ParameterType) && route.GetParameter(p.Name) is null)
                .Select(p => p.Name)
                .ToList();
            if (query.Count == 0)
            {
                continue;
            }

            var path = RouteParameter().Replace(route.RawText!, m => m.Groups[1].Value switch
            {
                "id" or "reportId" or "meetingId" => samples[route.RawText!.StartsWith("/plans", StringComparison.Ordinal) ? "plan" : "august"],
                "what" => "actions",
                "mode" => "light",
                "body" => "emap-cs",
                _ => "1",
            });
            foreach (var parameter in query)
            {
                var others = path == "/culture/set" && parameter != "culture" ? "culture=en-GB" : string.Empty;
                yield return (path, parameter, others);
            }
        }
    }

    [GeneratedRegex("\\{([^}:]+)(:[a-z]+)?\\}")]
    private static partial Regex RouteParameter();
}
