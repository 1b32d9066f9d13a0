namespace Portal.Components.Shared;

/// <summary>One problem with a form: the id of the input it concerns (empty for the whole form) and what to do.</summary>
public sealed record FormError(string FieldId, string Message);
