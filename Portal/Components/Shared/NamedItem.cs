namespace Portal.Components.Shared;

/// <summary>Something a page names and links to by id: a person, a unit, a priority, a body.</summary>
public sealed record NamedItem(int Id, string Name);
