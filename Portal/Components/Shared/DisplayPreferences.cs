namespace Portal.Components.Shared;

/// <summary>What the reader chose for display before the circuit started, passed down from the first request; a theme of null is not chosen yet (the device's setting applies).</summary>
public sealed record DisplayPreferences(bool? DarkMode);
