namespace Portal.Domain.Common;

/// <summary>
/// A broken business rule. The message is written for the person at the keyboard and is safe to
/// show them; <see cref="Code"/> lets the app show it in the reader's language, and
/// <see cref="Field"/> says which input the rule is about so the form can put it beside that field.
/// </summary>
public sealed class DomainRuleException(string code, string message, string? field = null, params object[] arguments)
    : Exception(message)
{
    /// <summary>A stable key such as <c>Unit.NameRequired</c>, used to find the translated text.</summary>
    public string Code { get; } = code;

    /// <summary>The name of the input the rule concerns, or null when it concerns the whole item.</summary>
    public string? Field { get; } = field;

    /// <summary>Values to format into the translated text, in the same order as in <see cref="Exception.Message"/>.</summary>
    public IReadOnlyList<object> Arguments { get; } = arguments;
}
