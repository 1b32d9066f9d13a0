namespace Portal.Infrastructure.Security.Oidc;

/// <summary>
/// One line of the mapping an administrator sets on /admin: people in the provider's group (or
/// with the provider's role) <see cref="GroupId"/> have the portal role <see cref="Role"/>. Used
/// when roles come from the provider.
/// </summary>
public sealed class ProviderGroupRole
{
    public const int GroupIdMaxLength = 200;

    private ProviderGroupRole()
    {
        GroupId = string.Empty;
        Role = string.Empty;
    }

    public int Id { get; private set; }

    /// <summary>The group's id as the provider sends it in the token (in Entra ID, the group's object id).</summary>
    public string GroupId { get; private set; }

    /// <summary>One of <see cref="Roles.All"/>.</summary>
    public string Role { get; private set; }

    public static ProviderGroupRole Create(string groupId, string role) => new() { GroupId = groupId, Role = role };
}
