namespace Portal.Domain.Common;

/// <summary>Small checks shared by entities, each raising a <see cref="DomainRuleException"/>.</summary>
public static class Guard
{
    /// <summary>Trims <paramref name="value"/> and insists it is present and no longer than <paramref name="maxLength"/>.</summary>
    public static string RequiredText(string? value, int maxLength, string code, string field, string label)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainRuleException($"{code}Required", $"Enter the {label}.", field);
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainRuleException($"{code}TooLong", $"The {label} must be {maxLength} characters or fewer.", field, maxLength);
        }

        return trimmed;
    }

    /// <summary>Trims optional text, turning blank into null, and insists it is no longer than <paramref name="maxLength"/>.</summary>
    public static string? OptionalText(string? value, int maxLength, string code, string field, string label)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainRuleException($"{code}TooLong", $"The {label} must be {maxLength} characters or fewer.", field, maxLength);
        }

        return trimmed;
    }
}
