namespace Portal.Components.Shared;

/// <summary>One problem with a form: the id of the input it concerns (empty for the whole form) and what to do.</summary>
public sealed record FormError(string FieldId, string Message);

/// <summary>What an input needs to say about its problems: whether it has one, and which hint and message describe it.</summary>
public static class FormErrors
{
    public static bool Has(this IReadOnlyList<FormError> errors, string fieldId) =>
        errors?.Any(e => e.FieldId == fieldId) ?? false;

    /// <summary>The <c>aria-describedby</c> of an input: its hint (if it has one) and its error message (if it has one).</summary>
    public static string? DescribedBy(this IReadOnlyList<FormError> errors, string fieldId, bool hasHint = false)
    {
        var ids = new List<string>(2);
        if (hasHint)
        {
            ids.Add($"{fieldId}-hint");
        }

        if (errors.Has(fieldId))
        {
            ids.Add($"{fieldId}-error");
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>The <c>aria-invalid</c> of an input: "true" or nothing at all.</summary>
    public static string? Invalid(this IReadOnlyList<FormError> errors, string fieldId) => errors.Has(fieldId) ? "true" : null;
}
