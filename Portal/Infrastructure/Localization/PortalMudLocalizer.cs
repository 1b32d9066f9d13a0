using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Resources;

namespace Portal.Infrastructure.Localization;

/// <summary>
/// Gives MudBlazor's built-in strings (close buttons, pagers, pickers) from the portal's own
/// resources, so a Swedish reader gets Swedish throughout. A key we do not carry falls back to
/// MudBlazor's English.
/// </summary>
internal sealed class PortalMudLocalizer(IStringLocalizer<Text> text) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var value = text[key];
            return value.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : value;
        }
    }
}
