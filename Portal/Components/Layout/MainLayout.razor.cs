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
using Portal.Features.Notifications.Inbox;
using Portal.Features.Notifications.Outbox;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Components.Layout;

/// <summary>The shell around every live page: the menu by audience, the skip link, dark mode, the menu's state on narrow screens, the unread count kept live, and focus on the heading after a navigation.</summary>
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

    // The parts of the bar that change with nothing but the language, one markup string each per language.
    private static readonly ConcurrentDictionary<string, (MarkupString AppTitle, MarkupString Error)> Fixed = new();

    private PageErrorBoundary? _boundary;

    // The signed-in reader's name, security link and sign-out form: fixed for the circuit, so drawn once into markup.
    private (string? Name, MarkupString Markup) _signedInMarkup;
    private bool _darkMode;
    private bool _signedIn;
    private bool _administrator;

    // Whether the menu shows: unknown until the circuit asks the browser (the stylesheet hides it on a narrow screen).
    private bool? _navigationShown;

    // On a narrow screen the menu lies over the page, so following one of its links closes it.
    private bool _navigationOverlays;

    private readonly CancellationTokenSource _closing = new();
    private bool _userKnown;
    private Task<AuthenticationState>? _authenticationRead;
    private string? _userName;
    private int _unread;
    private int? _me;
    private IDisposable? _unreadSubscription;
    private bool _focusPending;

    [Inject]
    private DisplayPreferences Preferences { get; set; } = default!;

    [Inject]
    private ShownPath Shown { get; set; } = default!;

    [Inject]
    private InboxService Inbox { get; set; } = default!;

    [Inject]
    private ChangeFeed Changes { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private string MainContentHref => Navigation.ToBaseRelativePath(Navigation.Uri).Split('#')[0] is var path ? $"/{path}#main-content" : "#main-content";

    private string SignInLink => $"/account/login?returnUrl={Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri))}";

    private string UnreadLabel => _unread == 0 ? T["Notify.LinkNone"] : T["Notify.LinkUnread", _unread];

    private string? NavigationState => _navigationShown switch { true => "open", false => "closed", null => null };

    private string? Expanded => _navigationShown switch { true => "true", false => "false", null => null };

    protected override void OnInitialized() => _darkMode = Preferences.DarkMode ?? false;

    // The top bar's unread count, kept live from the change feed for a reader who is signed in.
    private async Task FollowUnreadCountAsync()
    {
        _me = await Inbox.MeAsync();
        if (_me is null)
        {
            return;
        }

        _unread = await Inbox.UnreadCountAsync(_closing.Token);
        _unreadSubscription = Changes.Subscribe<NotificationsChanged>(change =>
        {
            if (change.PersonIds.Contains(_me.Value))
            {
                _ = InvokeAsync(async () =>
                {
                    try
                    {
                        _unread = await Inbox.UnreadCountAsync(_closing.Token);
                        StateHasChanged();
                    }
                    catch (OperationCanceledException)
                    {
                        // The page closed.
                    }
                });
            }
        });
    }

    protected override async Task OnParametersSetAsync()
    {
        // A new page starts without the last page's error.
        _boundary?.Recover();
        if (_navigationOverlays && _navigationShown == true)
        {
            _navigationShown = false;
        }

        // Focus moves to the page's heading after a navigation to another page, so a screen reader
        // announces it; but not when the page first loads (the reader's first Tab must reach the
        // skip link), and not when only the query changes: a filter that puts itself in the
        // address must leave the reader on the filter, not throw them back to the top.
        var path = new Uri(Navigation.Uri).AbsolutePath;
        _focusPending = Shown.Path is not null && !string.Equals(path, Shown.Path, StringComparison.Ordinal);
        Shown.Path = path;

        // The reader is read again only when the sign-in state changes, not at every navigation (a filter that puts itself in the address is one).
        if (!_userKnown || !ReferenceEquals(_authenticationRead, AuthenticationState))
        {
            _authenticationRead = AuthenticationState;
            var user = AuthenticationState is null ? null : (await AuthenticationState).User;
            _signedIn = user?.Identity?.IsAuthenticated == true;
            _userName = user?.FindFirst(PortalClaims.DisplayName)?.Value ?? user?.Identity?.Name;
            _administrator = user is not null && (await Authorization.AuthorizeAsync(user, Policies.Administer)).Succeeded;
        }

        if (!_userKnown)
        {
            _userKnown = true;
            await FollowUnreadCountAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // Before the reader chooses a theme the device's setting decides it, and the button says which.
            _darkMode = Preferences.DarkMode ?? await JS.InvokeAsync<bool>("portal.darkThemeShown");

            // Only runs once the circuit is live: tests and scripts wait for this before clicking.
            _navigationShown = await JS.InvokeAsync<bool>("portal.markInteractive");
            StateHasChanged();
        }

        if (_focusPending)
        {
            _focusPending = false;
            await JS.InvokeVoidAsync("portal.focusHeading", "h1");
        }
    }

    public void Dispose()
    {
        _unreadSubscription?.Dispose();
        _closing.Cancel();
        _closing.Dispose();
        GC.SuppressFinalize(this);
    }

    private (MarkupString AppTitle, MarkupString Error) FixedMarkup() =>
        Fixed.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => (
            new MarkupString($"<a href=\"/\" class=\"app-title\">{Encode(T["App.Name"])}</a><span class=\"shell-spacer\"></span>"),
            new MarkupString($"<div id=\"blazor-error-ui\" role=\"alert\" data-nosnippet hidden>{Encode(T["Layout.UnhandledError"])} <a href=\".\" class=\"reload\">{Encode(T["Layout.Reload"])}</a></div>")));

    private MarkupString AppTitleMarkup() => FixedMarkup().AppTitle;

    private MarkupString ErrorMarkup() => FixedMarkup().Error;

    private MarkupString SignedInMarkup()
    {
        if (_signedInMarkup.Markup.Value is null || _signedInMarkup.Name != _userName)
        {
            var html = new StringBuilder()
                .Append("<span class=\"user-name\">").Append(Encode(_userName ?? string.Empty)).Append("</span>")
                .Append("<a class=\"appbar-button\" href=\"/account/security\">").Append(Encode(T["Layout.Security"])).Append("</a>")
                .Append("<form action=\"/account/logout\" method=\"post\" class=\"sign-out\">");
            if (Antiforgery.GetAntiforgeryToken() is { } token)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(Encode(token.FormFieldName)).Append("\" value=\"").Append(Encode(token.Value)).Append("\" />");
            }

            html.Append("<button type=\"submit\" class=\"appbar-button\">").Append(Encode(T["Layout.SignOut"])).Append("</button></form>");
            _signedInMarkup = (_userName, new MarkupString(html.ToString()));
        }

        return _signedInMarkup.Markup;
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

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
