namespace Portal.Components.Shared;

/// <summary>
/// What the reader chose for display before the circuit started, passed down from the first
/// request by the router's root and read by the layout; a theme of null is not chosen yet (the
/// device's setting applies). A scoped service, not a cascading value: a cascading value is one
/// more component in every circuit.
/// </summary>
public sealed class DisplayPreferences
{
    public bool? DarkMode { get; set; }
}
