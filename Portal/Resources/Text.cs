namespace Portal.Resources;

/// <summary>
/// The marker for the portal's UI text: <c>IStringLocalizer&lt;Text&gt;</c> reads Text.resx
/// (en-GB) and Text.sv-SE.resx. MudBlazor's own strings come from here too, through
/// <see cref="Portal.Infrastructure.Localization.PortalMudLocalizer"/>.
/// </summary>
public sealed class Text;
