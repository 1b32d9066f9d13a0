using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using Portal.Tests.Security;

namespace Portal.Tests.Browser;

/// <summary>
/// Hostile text through every form field of every page: script, SQL, control characters,
/// right-to-left overrides and emoji in every field at once; then a megabyte in the first field
/// with the rest hostile as before. After every submit the page must
/// still be the page, with a message or a save, never the error page; no script may run; and at
/// the end the server must have logged no error (an unhandled exception, a dropped circuit).
/// </summary>
/// <remarks>
/// The pages are those of <see cref="PageAuthorisationMatrixTests"/>, so a new page is fuzzed
/// the day it gets its row; each as an administrator, and the pages whose forms belong to
/// someone else (a draft's author, a councillor's notes, a person's objectives) as that person.
/// A form a button opens first is reached through <see cref="Openers"/>.
/// </remarks>
public sealed class FuzzBrowserTests(BrowserSession session) : BrowserTest(session)
{
    /// <summary>Script, SQL, control characters (not NUL: ASP.NET Core's form reader refuses a posted form holding one, with a 400, before the portal sees it), right-to-left overrides and emoji, in one string.</summary>
    private const string Hostile =
        "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\"> '; DROP TABLE Reports; -- \" OR 1=1 /* " +
        "\u0001\u0007\u0008\u001b[31m\u007f\u0085\u000b\u000c control " +
        "\u202Etxt.exe\u202C \u200F right\u200E-to-left \u2066isolate\u2069 " +
        "🏛️👩🏽‍💼 council ✅ 𝒳 é ﷽";

    private const string FillAndSubmit = """
        ([index, hostile, big]) => {
            const form = document.querySelectorAll('main form')[index];
            const fields = [...form.querySelectorAll('input, textarea')].filter(f =>
                f.offsetParent !== null && !f.disabled && !f.readOnly &&
                (f.tagName === 'TEXTAREA' || ['text', 'email', 'search', 'url', 'tel', 'password', ''].includes(f.getAttribute('type') ?? '')));
            fields.forEach((field, i) => {
                // As a paste would be, cut at the field's maxlength.
                const text = i === big ? 'A megabyte of text. '.repeat(52429) : hostile;
                field.value = field.maxLength > 0 ? text.slice(0, field.maxLength) : text;
                field.dispatchEvent(new Event('input', { bubbles: true }));
                field.dispatchEvent(new Event('change', { bubbles: true }));
            });
            form.requestSubmit();
        }
        """;

    /// <summary>
    /// Forms a button has to open first, by page and by the button's text (its key in the
    /// portal's resources): the first such button on the page is pressed and the form it opens
    /// fuzzed like the rest. Buttons that open only a confirmation (no text field) are not here.
    /// </summary>
    private static readonly (string Sample, string ButtonText)[] Openers =
    [
        ("/plans/{plan}/priorities", "Priority.Edit"),
        ("/meetings/{august}", "Agenda.WriteNotes"),
        ("/meetings/{august}", "Agenda.Declare"),
    ];

    private static readonly System.Resources.ResourceManager Texts = new(typeof(Portal.Resources.Text));

    private static readonly (string Who, string[] Samples)[] Others =
    [
        (DemoUsers.Officer, ["/reports/{draft}", "/thread", "/thread/appraisals/{barbara}"]),
        (DemoUsers.Member, ["/reports/{carlisle}", "/meetings/{august}/pack"]),
    ];

    private readonly CapturedLogs _logs = new();

    protected override ILoggerProvider? Logs => _logs;

    // One administrator opens every page in turn, some twice a second: more than the usual cap.
    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["Portal:MaxCircuitsPerUser"] = "100" };

    [Fact]
    public async Task NoHostileTextBreaksAPageOrRunsAsScript()
    {
        var samples = await PageAuthorisationMatrixTests.SamplesAsync(App);
        samples["carlisle"] = await App.QueryAsync(db => Task.FromResult(db.Reports.Where(r => r.Reference == "CE 21/09").Select(r => r.Id).Single().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var problems = new List<string>();
        var fuzzed = new List<string>();

        var admin = await NewPageAsync();
        Watch(admin, problems);
        await SignInToAsync(admin, DemoUsers.Administrator, "/admin");
        foreach (var path in PageAuthorisationMatrixTests.Table.Select(row => row.Sample).Distinct())
        {
            var owned = Others.Any(o => o.Samples.Contains(path));
            if (!owned && (!path.Contains("/account/", StringComparison.Ordinal) || path.EndsWith("/login", StringComparison.Ordinal)))
            {
                await FuzzPageAsync(admin, PageAuthorisationMatrixTests.Fill(path, samples), IsLive(path), problems, fuzzed);
            }
        }

        foreach (var (path, button) in Openers)
        {
            await FuzzOpenedFormAsync(admin, PageAuthorisationMatrixTests.Fill(path, samples), ButtonText(button), problems, fuzzed);
        }

        foreach (var (who, paths) in Others)
        {
            var page = await NewPageAsync();
            Watch(page, problems);
            await SignInToAsync(page, who, "/");
            foreach (var path in paths)
            {
                await FuzzPageAsync(page, PageAuthorisationMatrixTests.Fill(path, samples), IsLive(path), problems, fuzzed);
            }
        }

        problems.AddRange(_logs.AtLeast(LogLevel.Error).Select(line => "server: " + line[..Math.Min(line.Length, 600)]));
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems.Distinct()));

        // Enough of the portal was reached for the test to mean something.
        var reached = string.Join(", ", fuzzed);
        Assert.True(fuzzed.Count >= 30, $"Only {fuzzed.Count} forms were fuzzed: {reached}");
        Assert.True(fuzzed.Exists(f => f.StartsWith("/admin/users ", StringComparison.Ordinal)), $"No form of /admin/users  reached: {reached}");
        Assert.True(fuzzed.Exists(f => f.StartsWith("/reports/new ", StringComparison.Ordinal)), $"No form of /reports/new  reached: {reached}");
        Assert.True(fuzzed.Exists(f => f.StartsWith("/plans/1/actions/new ", StringComparison.Ordinal)), $"No form of /plans/1/actions/new reached: {reached}");
        Assert.True(fuzzed.Exists(f => f.StartsWith("/meetings/", StringComparison.Ordinal)), $"No form of /meetings/ reached: {reached}");
        foreach (var (path, button) in Openers)
        {
            var opened = $"{PageAuthorisationMatrixTests.Fill(path, samples)} after \"{ButtonText(button)}\"";
            Assert.True(fuzzed.Exists(f => f.StartsWith(opened, StringComparison.Ordinal)), $"The form {opened} opens was not reached: {reached}");
        }
    }

    private static string ButtonText(string key) => Texts.GetString(key, System.Globalization.CultureInfo.GetCultureInfo("en-GB"))!;

    /// <summary>On <paramref name="path"/>, presses the first button named <paramref name="button"/> and fuzzes the form it opens, twice (hostile text, then a megabyte).</summary>
    private static async Task FuzzOpenedFormAsync(IPage page, string path, string button, List<string> problems, List<string> fuzzed)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            try
            {
                await OpenAsync(page, path, live: true);
                await page.EvaluateAsync("() => document.querySelectorAll('main form').forEach(f => f.setAttribute('data-fuzz-seen', ''))");
                await page.GetByRole(AriaRole.Button, new() { Name = button }).First.ClickAsync();
                var opened = await page.WaitForFunctionAsync("""
                    () => {
                        const index = [...document.querySelectorAll('main form')].findIndex(f => !f.hasAttribute('data-fuzz-seen'));
                        return index >= 0 ? { index } : null; // an object: the first form's index, 0, would not count as an answer
                    }
                    """);
                var index = (await opened.JsonValueAsync<System.Text.Json.JsonElement>()).GetProperty("index").GetInt32();
                var fields = (await FieldCountsAsync(page))[index];
                if (pass == 0)
                {
                    fuzzed.Add($"{path} after \"{button}\" #{index} ({Math.Abs(fields)} fields)");
                }
                else if (fields < 0)
                {
                    break; // its first field has a maxlength: a megabyte cannot reach it
                }

                await page.EvaluateAsync(FillAndSubmit, new object[] { index, Hostile, pass == 1 ? 0 : -1 });
                await page.WaitForTimeoutAsync(60);
                var problem = await CheckSettledAsync(page);
                if (problem is not null)
                {
                    problems.Add($"{path} after \"{button}\" pass {pass}: {problem}");
                }
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                problems.Add($"{path} after \"{button}\": {ex.Message.Split('\n')[0]} (at {page.Url})");
            }
        }
    }

    private static void Watch(IPage page, List<string> problems)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("circuit", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("disconnected", StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{page.Url}: console: {message.Text}");
            }
        };
        page.Dialog += (_, dialog) =>
        {
            problems.Add($"{page.Url}: a dialog opened: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
    }

    /// <summary>
    /// Whether the page at <paramref name="sample"/> runs in a circuit: every page does but those
    /// its component keeps out of interactive routing (sign-in, set-up, the error page), which post
    /// their forms as HTML. A sample not in the matrix is another of a live page's items.
    /// </summary>
    private static bool IsLive(string sample)
    {
        var template = PageAuthorisationMatrixTests.Table.FirstOrDefault(row => row.Sample == sample).Template;
        var component = template is null ? null : typeof(Program).Assembly.GetTypes().SingleOrDefault(type =>
            type.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), inherit: false)
                .Cast<Microsoft.AspNetCore.Components.RouteAttribute>().Any(route => route.Template == template));
        return component is null
            || !component.IsDefined(typeof(Microsoft.AspNetCore.Components.ExcludeFromInteractiveRoutingAttribute), inherit: true);
    }

    private static async Task FuzzPageAsync(IPage page, string path, bool live, List<string> problems, List<string> fuzzed)
    {
        try
        {
            await FuzzFormsAsync(page, path, live, problems, fuzzed);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            problems.Add($"{path}: {ex.Message.Split('\n')[0]} (at {page.Url})");
        }
    }

    private static async Task FuzzFormsAsync(IPage page, string path, bool live, List<string> problems, List<string> fuzzed)
    {
        await OpenAsync(page, path, live);
        var forms = await FieldCountsAsync(page);
        for (var form = 0; form < forms.Count; form++)
        {
            if (forms[form] == 0)
            {
                continue;
            }

            fuzzed.Add($"{path} #{form} ({Math.Abs(forms[form])} fields)");
            for (var pass = 0; pass < (forms[form] > 0 ? 2 : 1); pass++)
            {
                // A form whose save was final (releasing an exempt report) is gone once it has saved.
                if (form >= (await FieldCountsAsync(page)).Count)
                {
                    break;
                }

                // In the page, in one go, as a paste into each field would: the value, then input and change.
                await page.EvaluateAsync(FillAndSubmit, new object[] { form, Hostile, pass == 1 ? 0 : -1 });
                await page.WaitForTimeoutAsync(60);
                await page.WaitForLoadStateAsync();
                var problem = await CheckSettledAsync(page);
                if (problem is not null)
                {
                    problems.Add($"{path} form {form} pass {pass}: {problem}");
                    await OpenAsync(page, path, live);
                }
                else if (!new Uri(page.Url).AbsolutePath.Equals(new Uri(new Uri("http://x"), path).AbsolutePath, StringComparison.Ordinal) || (await FieldCountsAsync(page)).Count != forms.Count)
                {
                    // Saved and moved on (a new item's page), or the form closed: back to the page as it was.
                    await OpenAsync(page, path, live);
                }
            }
        }
    }

    /// <summary>
    /// Opens the page and, when it is live, waits for its circuit: a form submitted before then
    /// posts as HTML instead, and a navigation that cuts off a circuit still starting shows the
    /// error bar (as it would for a reader who left the page that fast; not what is tested here).
    /// </summary>
    private static async Task OpenAsync(IPage page, string path, bool live)
    {
        await page.GotoAsync(path);
        await page.Locator("h1").First.WaitForAsync();
        if (live)
        {
            await page.Locator("body[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }
    }

    /// <summary>For each form in the page's main part, how many text fields it has (negative when its first field has a maxlength, so a megabyte cannot reach it).</summary>
    private static async Task<List<int>> FieldCountsAsync(IPage page) =>
        [.. await page.EvaluateAsync<int[]>("""
            () => [...document.querySelectorAll('main form')].map(form => {
                const fields = [...form.querySelectorAll('input, textarea')].filter(f =>
                    f.offsetParent !== null && !f.disabled && !f.readOnly &&
                    (f.tagName === 'TEXTAREA' || ['text', 'email', 'search', 'url', 'tel', 'password', ''].includes(f.getAttribute('type') ?? '')));
                return fields.length > 0 && fields[0].maxLength > 0 ? -fields.length : fields.length;
            })
            """)];

    /// <summary>Checks the page once it has settled: a form that posts as HTML may still be navigating.</summary>
    private static async Task<string?> CheckSettledAsync(IPage page)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await CheckAsync(page);
            }
            catch (PlaywrightException ex) when (attempt < 5 && ex.Message.Contains("context was destroyed", StringComparison.Ordinal))
            {
                await page.WaitForLoadStateAsync();
            }
        }
    }

    /// <summary>What is wrong with the page now, or null: in one look at the page.</summary>
    private static async Task<string?> CheckAsync(IPage page)
    {
        var found = await page.EvaluateAsync<string?>("""
            () => {
                if (window.__pwned !== undefined) return 'a hostile string ran as script';
                const bar = document.getElementById('blazor-error-ui');
                if (bar && bar.offsetParent !== null) return "the page's error bar is showing (an unhandled error)";
                const h1 = document.querySelector('h1');
                if (!h1) return null;
                return h1.textContent.includes('problem with the service') ? 'the error page: ' + h1.textContent : '';
            }
            """);
        if (found is null)
        {
            // No heading yet: a form that posts as HTML may still be on its way.
            try
            {
                await page.Locator("h1").First.WaitForAsync(new() { Timeout = 5000 });
                return await CheckAsync(page);
            }
            catch (TimeoutException)
            {
                var body = await page.Locator("body").InnerTextAsync();
                return $"no page heading at {page.Url}: {body[..Math.Min(body.Length, 300)]}";
            }
        }

        return found.Length == 0 ? null : found;
    }
}
