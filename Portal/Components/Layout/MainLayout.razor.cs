using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using Portal.Components.Shared;
using Portal.Infrastructure.Security;

namespace Portal.Components.Layout;

/// <summary>The shell around every live page: the menu by audience, the skip link, dark mode and the menu's state on narrow screens.</summary>
public partial class MainLayout
{
    private static readonly NavigationItem[] NavigationItems =
    [
        new("/", "Nav.Home", Icons.Material.Filled.Home),
        new("/plans", "Nav.Plans", Icons.Material.Filled.Assignment, Audience.SignedIn),
        new("/thread", "Nav.GoldenThread", Icons.Material.Filled.AccountTree, Audience.SignedIn),
        new("/meetings", "Nav.Meetings", Icons.Material.Filled.Event),
        new("/reports", "Nav.Reports", Icons.Material.Filled.Description),
        new("/decisions", "Nav.Decisions", Icons.Material.Filled.Gavel),
        new("/councillors", "Nav.Councillors", Icons.Material.Filled.HowToVote),
        new("/search", "Nav.Search", Icons.Material.Filled.Search),
        new("/organisation", "Nav.Organisation", Icons.Material.Filled.Groups, Audience.SignedIn),
        new("/organisation/statutory-roles", "Nav.StatutoryRoles", Icons.Material.Filled.Groups, Audience.Visitors),
        new("/admin", "Nav.Admin", Icons.Material.Filled.AdminPanelSettings, Audience.Administrators),
    ];

    // The menu as markup, one for each language, audience and current item: it is most of the
    // layout's frames, which every circuit would otherwise keep twice (about 15 KB, measured by the load driver).
    private static readonly ConcurrentDictionary<(string Language, bool SignedIn, bool Administrator, int Current), MarkupString> Menus = new();

    private PageErrorBoundary? _boundary;
    private bool _darkMode;
    private bool _signedIn;
    private bool _administrator;

    // Whether the menu shows: unknown until the circuit asks the browser (the stylesheet hides it on a narrow screen).
    private bool? _navigationShown;

    // On a narrow screen the menu lies over the page, so following one of its links closes it.
    private bool _navigationOverlays;

    [CascadingParameter]
    private DisplayPreferences? Preferences { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private string MainContentHref => Navigation.ToBaseRelativePath(Navigation.Uri).Split('#')[0] is var path ? $"/{path}#main-content" : "#main-content";

    private string? NavigationState => _navigationShown switch { true => "open", false => "closed", null => null };

    private string? Expanded => _navigationShown switch { true => "true", false => "false", null => null };

    protected override void OnInitialized() => _darkMode = Preferences?.DarkMode ?? false;

    protected override async Task OnParametersSetAsync()
    {
        // A new page starts without the last page's error.
        _boundary?.Recover();
        if (_navigationOverlays && _navigationShown == true)
        {
            _navigationShown = false;
        }

        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        _signedIn = user?.Identity?.IsAuthenticated == true;
        _administrator = user is not null && (await Authorization.AuthorizeAsync(user, Policies.Administer)).Succeeded;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // Before the reader chooses a theme the device's setting decides it, and the button says which.
            _darkMode = Preferences?.DarkMode ?? await JS.InvokeAsync<bool>("portal.darkThemeShown");

            // Only runs once the circuit is live: tests and scripts wait for this before clicking.
            _navigationShown = await JS.InvokeAsync<bool>("portal.markInteractive");
            StateHasChanged();
        }
    }

    private MarkupString NavigationMarkup()
    {
        var current = 0;
        for (var i = 0; i < NavigationItems.Length; i++)
        {
            if (IsCurrent(NavigationItems[i].Href))
            {
                current |= 1 << i;
            }
        }

        return Menus.GetOrAdd((CultureInfo.CurrentUICulture.Name, _signedIn, _administrator, current), key =>
        {
            var html = new StringBuilder("<ul>");
            for (var i = 0; i < NavigationItems.Length; i++)
            {
                var item = NavigationItems[i];
                if (!ShowsTo(item.Audience))
                {
                    continue;
                }

                html.Append("<li><a href=\"").Append(HtmlEncoder.Default.Encode(item.Href)).Append('"');
                if ((key.Current & (1 << i)) != 0)
                {
                    html.Append(" class=\"current\" aria-current=\"page\"");
                }

                html.Append('>').Append(Icon.Markup(item.Icon).Value)
                    .Append("<span>").Append(HtmlEncoder.Default.Encode(T[item.Label])).Append("</span></a></li>");
            }

            return new MarkupString(html.Append("</ul>").ToString());
        });
    }

    private bool IsCurrent(string href)
    {
        var path = "/" + Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0];
        return href == "/" ? path == "/" : path == href || path.StartsWith(href + "/", StringComparison.Ordinal);
    }

    private async Task ToggleNavigationAsync()
    {
        var state = await JS.InvokeAsync<NavigationLayout>("portal.navigationState");
        _navigationShown = !state.Shown;
        _navigationOverlays = state.Narrow;
    }

    private async Task ToggleThemeAsync()
    {
        _darkMode = !_darkMode;
        await JS.InvokeVoidAsync("portal.setTheme", _darkMode);
    }

    // The menu offers what the reader can open: a visitor is not sent to sign in by the menu itself.
    private bool ShowsTo(Audience audience) => audience switch
    {
        Audience.SignedIn => _signedIn,
        Audience.Visitors => !_signedIn,
        Audience.Administrators => _administrator,
        _ => true,
    };

    private enum Audience
    {
        Everyone = 0,
        SignedIn = 1,
        Visitors = 2,
        Administrators = 3,
    }

    private sealed record NavigationItem(string Href, string Label, string Icon, Audience Audience = Audience.Everyone);

    private sealed record NavigationLayout(bool Shown, bool Narrow);
}
