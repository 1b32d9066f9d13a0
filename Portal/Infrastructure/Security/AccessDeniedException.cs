namespace Portal.Infrastructure.Security;

/// <summary>Raised by a service when the caller may not do what they asked; pages show a plain refusal.</summary>
public sealed class AccessDeniedException(string policy)
    : Exception($"You do not have permission to do that (policy {policy}).")
{
    public string Policy { get; } = policy;
}
