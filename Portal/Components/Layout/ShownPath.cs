namespace Portal.Components.Layout;

/// <summary>
/// The path of the page last shown in this circuit, for the layout's focus after a navigation. A
/// scoped service, not the layout's own field: the router draws a page the reader may not open
/// through a layout of its own, so a field would start empty there and take a move to such a page
/// for the first page loaded.
/// </summary>
public sealed class ShownPath
{
    public string? Path { get; set; }
}
