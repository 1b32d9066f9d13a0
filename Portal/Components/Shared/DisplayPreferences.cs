namespace Portal.Components.Shared;

/// <summary>What the reader chose for display before the circuit started, passed down from the first request.</summary>
public sealed record DisplayPreferences(bool DarkMode);
