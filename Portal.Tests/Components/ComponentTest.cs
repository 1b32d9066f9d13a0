using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Markdown;

namespace Portal.Tests.Components;

/// <summary>bUnit with MudBlazor's services, the real resources and the real Markdown renderer.</summary>
public abstract class ComponentTest : BunitContext
{
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddLocalization();
        Services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        Services.AddSingleton<MarkdownRenderer>();
    }

    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _culture;
        base.Dispose(disposing);
    }
}
