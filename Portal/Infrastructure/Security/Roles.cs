namespace Portal.Infrastructure.Security;

/// <summary>The four sign-in roles. Anonymous visitors have none and see only public pages.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Director = nameof(Director);
    public const string Officer = nameof(Officer);
    public const string Member = nameof(Member);

    public static readonly IReadOnlyList<string> All = [Administrator, Director, Officer, Member];
}
