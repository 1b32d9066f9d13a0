using System.Security.Cryptography;
using Portal.Domain.Common;

namespace Portal.Domain.Meetings;

/// <summary>
/// A person's private calendar address: the meetings of every body they sit on, public or not,
/// for a calendar app that cannot sign in. The token is the only secret, so it is long, random
/// and can be replaced, which makes the old address stop working at once.
/// </summary>
public sealed class CalendarFeed : Entity
{
    public const int TokenLength = 43;

    private CalendarFeed()
    {
        Token = string.Empty;
    }

    public int PersonId { get; private set; }

    public string Token { get; private set; }

    public static CalendarFeed For(int personId) => new() { PersonId = personId, Token = NewToken() };

    public void Replace() => Token = NewToken();

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
